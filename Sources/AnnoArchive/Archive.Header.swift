import AnnoZlib

extension Archive {
    /// The fixed 64-byte file header: magic, versions, feature bits and a CRC over the rest of the header.
    public struct Header: Hashable, Sendable {
        /// The file's major version (a reader refuses a larger one).
        public var major: UInt16
        /// The file's minor version (informational; minors only add skippable things).
        public var minor: UInt16
        /// Feature bits a reader must understand to read the file.
        public var requiredFeatures: UInt32
        /// Feature bits a reader may ignore.
        public var optionalFeatures: UInt32
        /// The oldest reader version `(major, minor)` that can read the file.
        public var minReaderMajor: UInt16
        /// The minor part of the oldest reader version.
        public var minReaderMinor: UInt16

        /// The header this library writes for a file with a single-stream `META` record (version 1.0).
        public static let current = Header(
            major: Archive.majorVersion, minor: 0,
            requiredFeatures: Feature.zlibPayloads, optionalFeatures: Feature.maskStatistics,
            minReaderMajor: 1, minReaderMinor: 0)

        /// The header this library writes for a file with a multi-part `META` record (version 1.1, needs a 1.1 reader).
        public static let multiPart = Header(
            major: Archive.majorVersion, minor: 1,
            requiredFeatures: Feature.zlibPayloads | Feature.multiPartRecords, optionalFeatures: Feature.maskStatistics,
            minReaderMajor: 1, minReaderMinor: 1)

        /// Whether the file has the version-1.1 layout: multi-part records and RLE-sourced masks first in `MASK` records.
        public var hasMultiPartRecords: Bool { requiredFeatures & Feature.multiPartRecords != 0 }

        /// Creates a header.
        public init(major: UInt16, minor: UInt16, requiredFeatures: UInt32, optionalFeatures: UInt32, minReaderMajor: UInt16, minReaderMinor: UInt16) {
            self.major = major
            self.minor = minor
            self.requiredFeatures = requiredFeatures
            self.optionalFeatures = optionalFeatures
            self.minReaderMajor = minReaderMajor
            self.minReaderMinor = minReaderMinor
        }

        /// The 64 header bytes, CRC included.
        public var bytes: [UInt8] {
            var w = ByteWriter(capacity: Archive.headerSize)
            w.append(Archive.magic)
            w.u16(major)
            w.u16(minor)
            w.u32(requiredFeatures)
            w.u32(optionalFeatures)
            w.u16(minReaderMajor)
            w.u16(minReaderMinor)
            w.u32(UInt32(Archive.headerSize))
            w.append([UInt8](repeating: 0, count: 32))
            w.u32(Zlib.crc32(w.bytes))
            return w.bytes
        }

        /// Parses and checks the first bytes of a file (all of them if there are fewer than 64).
        ///
        /// Checks, in order: the magic (with a hint for text-mode damage), length, CRC, then the version rules.
        ///
        /// `reader` and `knownRequired` describe the reader doing the check (this library by default; tests pass
        /// an older reader's values to show how it refuses newer files).
        static func parse(
            _ b: [UInt8], path: String, reader: (major: UInt16, minor: UInt16) = (Archive.majorVersion, Archive.minorVersion),
            knownRequired: UInt32 = Feature.knownRequired
        ) throws(ArchiveError) -> Header {
            let n = min(b.count, 8)
            if Array(b[0..<n]) != Array(Archive.magic[0..<n]) || b.isEmpty {
                throw ArchiveError(.badMagic, magicHint(b), path: path, offset: 0)
            }
            guard b.count >= Archive.headerSize else {
                throw ArchiveError(.truncated, "the file is \(b.count) bytes, shorter than the 64-byte header", path: path, offset: UInt64(b.count))
            }
            let stored = LittleEndian.u32(b, 60)
            let actual = Zlib.crc32(Array(b[0..<60]))
            guard stored == actual || !Archive.verifiesChecksums else {
                throw ArchiveError(.headerChecksum, "header CRC mismatch: stored \(hex(stored)), computed \(hex(actual))", path: path, offset: 60)
            }
            let h = Header(
                major: LittleEndian.u16(b, 8), minor: LittleEndian.u16(b, 10),
                requiredFeatures: LittleEndian.u32(b, 12), optionalFeatures: LittleEndian.u32(b, 16),
                minReaderMajor: LittleEndian.u16(b, 20), minReaderMinor: LittleEndian.u16(b, 22))
            let headerLength = LittleEndian.u32(b, 24)
            guard h.major <= reader.major else {
                throw ArchiveError(.unsupportedVersion, "archive version \(h.major).\(h.minor) is newer than this reader (\(reader.major).\(reader.minor)); upgrade annokit", path: path, offset: 8)
            }
            guard h.major == reader.major else {
                throw ArchiveError(.unsupportedVersion, "archive major version \(h.major) is not supported (this reader reads \(reader.major))", path: path, offset: 8)
            }
            if (h.minReaderMajor, h.minReaderMinor) > (reader.major, reader.minor) {
                throw ArchiveError(.unsupportedVersion, "archive needs a reader of version \(h.minReaderMajor).\(h.minReaderMinor) or newer (this is \(reader.major).\(reader.minor)); upgrade annokit", path: path, offset: 20)
            }
            let unknown = h.requiredFeatures & ~knownRequired
            guard unknown == 0 else {
                throw ArchiveError(.unsupportedVersion, "archive uses required features \(hex(unknown)) this reader does not know; upgrade annokit", path: path, offset: 12)
            }
            guard headerLength == UInt32(Archive.headerSize) else {
                throw ArchiveError(.malformedRecord, "header length \(headerLength) is not 64 in a version-1 archive", path: path, offset: 24)
            }
            return h
        }

        static func magicHint(_ b: [UInt8]) -> String {
            if b.isEmpty { return "the file is empty, not a .amsk archive" }
            if b.count >= 5, Array(b[1..<5]) == Array("AMSK".utf8) {
                if b[0] != 0x8B { return "bad magic: the first byte lost its high bit (a 7-bit transfer?)" }
                return "bad magic: the line endings after AMSK were changed (a text-mode transfer?); transfer the file as binary"
            }
            return "not a .amsk archive: the first bytes are not the AMSK magic"
        }
    }
}

/// `0x` and eight hex digits.
func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
}
