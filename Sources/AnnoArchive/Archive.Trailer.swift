import AnnoZlib

extension Archive {
    /// The fixed 48-byte trailer at the end of a complete archive: where the index is, counts, CRCs, end magic.
    public struct Trailer: Hashable, Sendable {
        /// Byte offset of the `INDX` record.
        public var indexOffset: UInt64
        /// Total length of the `INDX` record (header, payload, padding).
        public var indexLength: UInt64
        /// The number of records before the index (`META` plus `MASK` records).
        public var recordCount: UInt64
        /// The length of the whole file, trailer included.
        public var fileLength: UInt64
        /// A copy of the `INDX` record's payload CRC.
        public var indexCRC: UInt32

        /// Creates a trailer.
        public init(indexOffset: UInt64, indexLength: UInt64, recordCount: UInt64, fileLength: UInt64, indexCRC: UInt32) {
            self.indexOffset = indexOffset
            self.indexLength = indexLength
            self.recordCount = recordCount
            self.fileLength = fileLength
            self.indexCRC = indexCRC
        }

        /// The 48 trailer bytes: fields, a CRC over bytes 0..<36 and 40..<48, then the end magic at 40.
        public var bytes: [UInt8] {
            var w = ByteWriter(capacity: Archive.trailerSize)
            w.u64(indexOffset)
            w.u64(indexLength)
            w.u64(recordCount)
            w.u64(fileLength)
            w.u32(indexCRC)
            let crc = Zlib.crc32(Archive.trailerMagic, seed: Zlib.crc32(w.bytes))
            w.u32(crc)
            w.append(Archive.trailerMagic)
            return w.bytes
        }

        /// Parses the last 48 bytes of a file of `fileSize` bytes and checks them against the file.
        static func parse(_ b: [UInt8], fileSize: UInt64, path: String) throws(ArchiveError) -> Trailer {
            let at = fileSize - UInt64(Archive.trailerSize)
            guard b.count == Archive.trailerSize, Array(b[40..<48]) == Archive.trailerMagic else {
                throw ArchiveError(.missingTrailer, "no trailer at the end of the file (byte \(fileSize)): the archive is truncated or its writer was interrupted; rebuild it with `annokit verify --salvage`", path: path, offset: fileSize)
            }
            let stored = LittleEndian.u32(b, 36)
            let actual = Zlib.crc32(Archive.trailerMagic, seed: Zlib.crc32(Array(b[0..<36])))
            guard stored == actual || !Archive.verifiesChecksums else {
                throw ArchiveError(.missingTrailer, "trailer CRC mismatch at byte \(at + 36): stored \(hex(stored)), computed \(hex(actual)); rebuild with `annokit verify --salvage`", path: path, offset: at + 36)
            }
            let t = Trailer(
                indexOffset: LittleEndian.u64(b, 0), indexLength: LittleEndian.u64(b, 8), recordCount: LittleEndian.u64(b, 16),
                fileLength: LittleEndian.u64(b, 24), indexCRC: LittleEndian.u32(b, 32))
            guard t.fileLength == fileSize else {
                let what = t.fileLength > fileSize ? "truncated" : "followed by extra bytes"
                throw ArchiveError(t.fileLength > fileSize ? .truncated : .outOfBounds, "the trailer says the file is \(t.fileLength) bytes but it is \(fileSize): \(what)", path: path, offset: at + 24)
            }
            guard t.indexOffset >= UInt64(Archive.headerSize), t.indexOffset % 8 == 0, t.indexLength <= at,
                  t.indexOffset == at - t.indexLength else {
                throw ArchiveError(.outOfBounds, "the trailer's index (offset \(t.indexOffset), length \(t.indexLength)) does not end where the trailer starts (byte \(at))", path: path, offset: at)
            }
            return t
        }
    }
}
