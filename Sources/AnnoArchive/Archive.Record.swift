import AnnoZlib

extension Archive {
    /// A record's kind, as its 4-byte ASCII tag.
    public enum RecordTag: UInt32, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// `META`: the dataset block (the IR without mask counts).
        case meta = 0x4154_454D
        /// `MASK`: all masks of one image key.
        case mask = 0x4B53_414D
        /// `INDX`: the footer index.
        case index = 0x5844_4E49

        /// The four ASCII letters.
        public var description: String {
            String(decoding: (0..<4).map { UInt8(truncatingIfNeeded: rawValue >> UInt32(8 * $0)) }, as: UTF8.self)
        }
    }

    /// The 40-byte header in front of every record's payload.
    public struct RecordHeader: Hashable, Sendable {
        /// The raw tag (a `RecordTag` for known records).
        public var tag: UInt32
        /// Flag bits: bit 0 = payload is zlib-compressed; bit 1 = ancillary (readers may skip an unknown tag);
        /// bit 2 = multi-part payload (`META` and `MASK` only, version 1.1).
        public var flags: UInt16
        /// The record's ordinal in the file (0 for the first record after the header).
        public var ordinal: UInt32
        /// The payload's length as stored (compressed) in the file.
        public var storedLength: UInt64
        /// The payload's length after inflating (equal to `storedLength` for uncompressed payloads).
        public var rawLength: UInt64
        /// CRC-32 over header bytes 0..<32, then the stored payload, then the padding.
        public var payloadCRC: UInt32

        /// Flag bit: the payload is a zlib stream.
        public static let compressed: UInt16 = 1 << 0
        /// Flag bit: a reader that does not know the tag may skip the record.
        public static let ancillary: UInt16 = 1 << 1
        /// Flag bit: the payload is a part table then independently stored or zlib-compressed parts whose
        /// inflated bytes, joined, are the raw payload (`META` and `MASK` records of version-1.1 files only).
        public static let multiPart: UInt16 = 1 << 2

        /// Whether the payload is multi-part.
        public var isMultiPart: Bool { flags & RecordHeader.multiPart != 0 }

        /// The known tag, if it is one.
        public var knownTag: RecordTag? { RecordTag(rawValue: tag) }

        /// The zero padding after the payload that brings the record to a multiple of 8 bytes.
        public var paddingLength: Int { Int((8 - storedLength % 8) % 8) }

        /// The whole record's length: header, payload and padding.
        public var totalLength: UInt64 { UInt64(Archive.recordHeaderSize) + storedLength + UInt64(paddingLength) }

        /// Header bytes 0..<32 (everything the CRCs start from).
        var prefixBytes: [UInt8] {
            var w = ByteWriter(capacity: 40)
            w.u32(tag)
            w.u16(flags)
            w.u16(0)
            w.u32(ordinal)
            w.u32(0)
            w.u64(storedLength)
            w.u64(rawLength)
            return w.bytes
        }

        /// Frames `payload` (already compressed when `flags` say so) as a complete record with both CRCs and padding.
        public static func frame(tag: RecordTag, flags: UInt16, ordinal: UInt32, stored payload: [UInt8], rawLength: Int) -> [UInt8] {
            var h = RecordHeader(tag: tag.rawValue, flags: flags, ordinal: ordinal, storedLength: UInt64(payload.count), rawLength: UInt64(rawLength), payloadCRC: 0)
            let prefix = h.prefixBytes
            let padding = [UInt8](repeating: 0, count: h.paddingLength)
            var crc = Zlib.crc32(prefix)
            crc = Zlib.crc32(payload, seed: crc)
            crc = Zlib.crc32(padding, seed: crc)
            h.payloadCRC = crc
            var w = ByteWriter(capacity: Int(h.totalLength))
            w.append(prefix)
            w.u32(crc)
            w.u32(Zlib.crc32(w.bytes))
            w.append(payload)
            w.append(padding)
            return w.bytes
        }

        /// Parses 40 header bytes read at `offset`, checking the header CRC, reserved fields and that the record fits before `limit`.
        static func parse(_ b: [UInt8], at offset: UInt64, limit: UInt64, path: String, expectedOrdinal: Int?) throws(ArchiveError) -> RecordHeader {
            let ordinalHint = expectedOrdinal
            guard b.count >= Archive.recordHeaderSize else {
                throw ArchiveError(.truncated, "the file ends inside a record header at byte \(offset)", path: path, offset: offset, record: ordinalHint)
            }
            let stored = LittleEndian.u32(b, 36)
            let actual = Zlib.crc32(Array(b[0..<36]))
            guard stored == actual || !Archive.verifiesChecksums else {
                throw ArchiveError(.recordChecksum, "record header CRC mismatch at byte \(offset): stored \(hex(stored)), computed \(hex(actual))", path: path, offset: offset, record: ordinalHint)
            }
            let h = RecordHeader(
                tag: LittleEndian.u32(b, 0), flags: LittleEndian.u16(b, 4), ordinal: LittleEndian.u32(b, 8),
                storedLength: LittleEndian.u64(b, 16), rawLength: LittleEndian.u64(b, 24), payloadCRC: LittleEndian.u32(b, 32))
            let ordinal = Int(h.ordinal)
            guard LittleEndian.u16(b, 6) == 0, LittleEndian.u32(b, 12) == 0 else {
                throw ArchiveError(.malformedRecord, "record \(ordinal) has non-zero reserved header fields", path: path, offset: offset, record: ordinal)
            }
            if let expectedOrdinal, expectedOrdinal != ordinal {
                throw ArchiveError(.indexMismatch, "expected record \(expectedOrdinal) at byte \(offset), found record \(ordinal)", path: path, offset: offset, record: expectedOrdinal)
            }
            guard h.flags & ~(compressed | ancillary | multiPart) == 0 else {
                throw ArchiveError(.malformedRecord, "record \(ordinal) has unknown flag bits \(h.flags)", path: path, offset: offset, record: ordinal)
            }
            if h.isMultiPart && (h.flags != multiPart || (h.tag != RecordTag.meta.rawValue && h.tag != RecordTag.mask.rawValue)) {
                throw ArchiveError(.malformedRecord, "record \(ordinal) has the multi-part flag, which only a META or MASK record may have, alone", path: path, offset: offset, record: ordinal)
            }
            if h.flags & (compressed | multiPart) == 0 && h.rawLength != h.storedLength {
                throw ArchiveError(.malformedRecord, "record \(ordinal) is uncompressed but declares \(h.rawLength) raw bytes for \(h.storedLength) stored", path: path, offset: offset, record: ordinal)
            }
            let room = limit >= offset ? limit - offset : 0
            guard h.storedLength <= room, h.totalLength <= room else {
                throw ArchiveError(.outOfBounds, "record \(ordinal) at byte \(offset) declares \(h.storedLength) payload bytes, past the end of its region at byte \(limit)", path: path, offset: offset + 16, record: ordinal)
            }
            return h
        }
    }
}
