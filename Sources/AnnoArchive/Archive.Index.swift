import AnnoCore

extension Archive {
    /// The footer index: one entry per `MASK` record sorted by image key, plus per-mask category and area.
    public struct Index: Hashable, Sendable {
        /// One `MASK` record: its key, where it is, and its masks' statistics range.
        public struct Entry: Hashable, Sendable {
            /// The image id the record's masks belong to.
            public var key: ID
            /// The position of the first image with this id in `Dataset.images`, or nil when no image has it.
            public var imageOrdinal: Int?
            /// True when the record holds masks whose annotations were RLE in the dataset (the full reader needs them).
            public var hasRLESource: Bool
            /// Byte offset of the record.
            public var recordOffset: UInt64
            /// Total length of the record.
            public var recordLength: UInt64
            /// The record's ordinal.
            public var recordOrdinal: Int
            /// Index of the record's first statistic in `Index.masks`.
            public var firstMask: Int
            /// Number of masks in the record.
            public var maskCount: Int
        }

        /// The cheap statistics of one mask.
        public struct MaskStat: Hashable, Sendable {
            /// The annotation's position in `Dataset.annotations`.
            public var annotationIndex: Int
            /// The position of the annotation's category in `Dataset.categories`, or nil.
            public var categoryOrdinal: Int?
            /// The mask's area in pixels.
            public var area: UInt64
        }

        /// Entries sorted by key (integers numerically, then strings by UTF-8 bytes).
        public var entries: [Entry]
        /// Per-mask statistics, in entry order.
        public var masks: [MaskStat]
        /// Byte offset of the `META` record.
        public var metaOffset: UInt64
        /// The number of annotations in the dataset block.
        public var annotationCount: Int

        /// Size of the fixed index prefix.
        static let prefixSize = 32
        /// Size of one entry.
        static let entrySize = 48
        /// Size of one mask statistic.
        static let statSize = 16
        static let none32: UInt32 = 0xFFFF_FFFF

        /// Binary-searches the entry for `key`. O(log n).
        public func entry(for key: ID) -> Entry? {
            var lo = 0, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if entries[mid].key < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < entries.count && entries[lo].key == key ? entries[lo] : nil
        }

        /// The index payload bytes (stored uncompressed so it can be mapped).
        public var payload: [UInt8] {
            var heap = ByteWriter()
            var w = ByteWriter(capacity: Index.prefixSize + entries.count * Index.entrySize + masks.count * Index.statSize)
            w.u32(UInt32(entries.count))
            w.u32(UInt32(masks.count))
            w.u64(metaOffset)
            var entryBytes = ByteWriter(capacity: entries.count * Index.entrySize)
            for e in entries {
                switch e.key {
                case .int(let i):
                    entryBytes.u8(0)
                    entryBytes.u8(e.hasRLESource ? 1 : 0)
                    entryBytes.u16(0)
                    entryBytes.u32(e.imageOrdinal.map { UInt32($0) } ?? Index.none32)
                    entryBytes.u64(UInt64(bitPattern: Int64(i)))
                case .string(let s):
                    entryBytes.u8(1)
                    entryBytes.u8(e.hasRLESource ? 1 : 0)
                    entryBytes.u16(0)
                    entryBytes.u32(e.imageOrdinal.map { UInt32($0) } ?? Index.none32)
                    entryBytes.u32(UInt32(heap.bytes.count))
                    entryBytes.u32(UInt32(s.utf8.count))
                    heap.append(Array(s.utf8))
                }
                entryBytes.u64(e.recordOffset)
                entryBytes.u64(e.recordLength)
                entryBytes.u32(UInt32(e.recordOrdinal))
                entryBytes.u32(UInt32(e.firstMask))
                entryBytes.u32(UInt32(e.maskCount))
                entryBytes.u32(0)
            }
            heap.pad8()
            w.u64(UInt64(heap.bytes.count))
            w.u32(UInt32(annotationCount))
            w.u32(0)
            w.append(entryBytes.bytes)
            for m in masks {
                w.u32(UInt32(m.annotationIndex))
                w.u32(m.categoryOrdinal.map { UInt32($0) } ?? Index.none32)
                w.u64(m.area)
            }
            w.append(heap.bytes)
            return w.bytes
        }

        /// Decodes and checks an index payload: exact size, sorted unique keys, contiguous statistics,
        /// records inside `[64, indexOffset)` on 8-byte boundaries, and ordinals below `recordCount`.
        static func parse(_ b: [UInt8], indexOffset: UInt64, recordCount: UInt64, path: String, record: Int) throws(ArchiveError) -> Index {
            func bad(_ message: String, _ at: Int) -> ArchiveError {
                ArchiveError(.indexMismatch, "index: \(message)", path: path, offset: indexOffset + UInt64(Archive.recordHeaderSize + at), record: record)
            }
            guard b.count >= prefixSize else { throw bad("payload of \(b.count) bytes is shorter than its 32-byte prefix", 0) }
            let entryCount = Int(LittleEndian.u32(b, 0))
            let statCount = Int(LittleEndian.u32(b, 4))
            let metaOffset = LittleEndian.u64(b, 8)
            let heapLength = LittleEndian.u64(b, 16)
            let annotationCount = Int(LittleEndian.u32(b, 24))
            guard LittleEndian.u32(b, 28) == 0 else { throw bad("reserved field is not zero", 28) }
            let fixed = prefixSize + entryCount * entrySize + statCount * statSize
            guard heapLength <= UInt64(b.count), UInt64(fixed) + heapLength == UInt64(b.count) else {
                throw bad("\(entryCount) entries, \(statCount) masks and a \(heapLength)-byte string heap do not add up to the \(b.count)-byte payload", 0)
            }
            guard metaOffset == UInt64(Archive.headerSize) else { throw bad("the META record offset \(metaOffset) is not 64", 8) }
            let heapStart = prefixSize + entryCount * entrySize + statCount * statSize
            var entries: [Entry] = []
            entries.reserveCapacity(entryCount)
            var nextStat = 0
            var previous: ID?
            for i in 0..<entryCount {
                let at = prefixSize + i * entrySize
                let kind = b[at], flags = b[at + 1]
                guard kind <= 1, flags <= 1, LittleEndian.u16(b, at + 2) == 0, LittleEndian.u32(b, at + 44) == 0 else {
                    throw bad("entry \(i) has an invalid key kind, flags or reserved field", at)
                }
                let ordinalRaw = LittleEndian.u32(b, at + 4)
                let key: ID
                if kind == 0 {
                    key = .int(Int(Int64(bitPattern: LittleEndian.u64(b, at + 8))))
                } else {
                    let start = Int(LittleEndian.u32(b, at + 8)), length = Int(LittleEndian.u32(b, at + 12))
                    guard UInt64(start) + UInt64(length) <= heapLength else { throw bad("entry \(i)'s key string lies outside the string heap", at + 8) }
                    guard let s = String(validating: b[(heapStart + start)..<(heapStart + start + length)], as: UTF8.self) else {
                        throw bad("entry \(i)'s key is not valid UTF-8", at + 8)
                    }
                    key = .string(s)
                }
                if let previous, !(previous < key) { throw bad("entry \(i)'s key \(key) is not after \(previous): keys must be sorted and unique", at) }
                previous = key
                let offset = LittleEndian.u64(b, at + 16), length = LittleEndian.u64(b, at + 24)
                let ordinal = LittleEndian.u32(b, at + 32)
                let first = Int(LittleEndian.u32(b, at + 36)), count = Int(LittleEndian.u32(b, at + 40))
                guard offset > UInt64(Archive.headerSize), offset % 8 == 0, length >= UInt64(Archive.recordHeaderSize), length % 8 == 0,
                      length <= indexOffset, offset <= indexOffset - length else {
                    throw ArchiveError(.outOfBounds, "index entry \(i) points at bytes \(offset)..<\(offset &+ length), outside the records region 64..<\(indexOffset)", path: path, offset: indexOffset + UInt64(Archive.recordHeaderSize + at + 16), record: record)
                }
                guard UInt64(ordinal) < recordCount, ordinal > 0 else { throw bad("entry \(i) names record \(ordinal), not one of records 1..<\(recordCount)", at + 32) }
                guard first == nextStat, count >= 1, count <= statCount - first else { throw bad("entry \(i)'s masks \(first)..<\(first + count) are not contiguous", at + 36) }
                nextStat += count
                entries.append(Entry(
                    key: key, imageOrdinal: ordinalRaw == none32 ? nil : Int(ordinalRaw), hasRLESource: flags == 1,
                    recordOffset: offset, recordLength: length, recordOrdinal: Int(ordinal), firstMask: first, maskCount: count))
            }
            guard nextStat == statCount else { throw bad("\(statCount) mask statistics but the entries cover \(nextStat)", 4) }
            var masks: [MaskStat] = []
            masks.reserveCapacity(statCount)
            for j in 0..<statCount {
                let at = prefixSize + entryCount * entrySize + j * statSize
                let a = LittleEndian.u32(b, at), c = LittleEndian.u32(b, at + 4)
                guard Int(a) < annotationCount else { throw bad("mask \(j) names annotation \(a) of \(annotationCount)", at) }
                masks.append(MaskStat(annotationIndex: Int(a), categoryOrdinal: c == none32 ? nil : Int(c), area: LittleEndian.u64(b, at + 8)))
            }
            return Index(entries: entries, masks: masks, metaOffset: metaOffset, annotationCount: annotationCount)
        }
    }
}
