import AnnoCore
import AnnoMask

extension Archive {
    /// Opens an archive through its trailer and index, then reads one image's masks in O(1) seeks, everything
    /// in order, or the whole dataset. Every read is bounds-checked against the file and CRC-checked.
    public final class Reader {
        /// The archive path (or a name for in-memory archives).
        public let path: String
        /// The checked file header.
        public let header: Header
        /// The checked trailer.
        public let trailer: Trailer
        /// The checked footer index.
        public let index: Index
        /// The largest inflated payload accepted.
        public let maxPayloadBytes: Int
        let source: ByteSource

        /// Opens the archive at `path`: reads the header, the trailer and the index (three `pread`s), nothing else.
        public convenience init(path: String, maxPayloadBytes: Int = Archive.defaultMaxPayloadBytes) throws {
            try self.init(source: try FileSource(path: path), path: path, maxPayloadBytes: maxPayloadBytes)
        }

        /// Opens an archive held in memory; `name` is used in error messages.
        public convenience init(bytes: [UInt8], name: String = "<memory>", maxPayloadBytes: Int = Archive.defaultMaxPayloadBytes) throws {
            try self.init(source: MemorySource(bytes, path: name), path: name, maxPayloadBytes: maxPayloadBytes)
        }

        init(source: ByteSource, path: String, maxPayloadBytes: Int) throws(ArchiveError) {
            self.source = source
            self.path = path
            self.maxPayloadBytes = maxPayloadBytes
            let size = source.size
            let head = try source.read(0, Int(min(size, UInt64(Archive.headerSize))))
            header = try Header.parse(head, path: path)
            guard size >= UInt64(Archive.headerSize + Archive.recordHeaderSize + Archive.trailerSize) else {
                throw ArchiveError(.missingTrailer, "the file is \(size) bytes: too short to hold a record and a trailer (truncated?); try `annokit verify --salvage`", path: path, offset: size)
            }
            guard size % 8 == 0 else {
                throw ArchiveError(.missingTrailer, "the file length \(size) is not a multiple of 8, so it does not end with a trailer (truncated?); try `annokit verify --salvage`", path: path, offset: size)
            }
            let tail = try source.read(size - UInt64(Archive.trailerSize), Archive.trailerSize)
            trailer = try Trailer.parse(tail, fileSize: size, path: path)
            let maxRecords = (trailer.indexOffset - UInt64(Archive.headerSize)) / UInt64(Archive.recordHeaderSize)
            guard trailer.recordCount >= 1, trailer.recordCount <= maxRecords else {
                throw ArchiveError(.indexMismatch, "the trailer claims \(trailer.recordCount) records, impossible in \(trailer.indexOffset - 64) bytes", path: path, offset: size - UInt64(Archive.trailerSize) + 16)
            }
            let ordinal = Int(trailer.recordCount)
            let loaded = try RecordIO.read(
                source, at: trailer.indexOffset, limit: size - UInt64(Archive.trailerSize), expectedOrdinal: ordinal,
                path: path, maxPayloadBytes: maxPayloadBytes)
            guard loaded.header.tag == RecordTag.index.rawValue, loaded.header.flags == 0 else {
                throw ArchiveError(.indexMismatch, "record \(ordinal) at the trailer's index offset is not an uncompressed INDX record", path: path, offset: trailer.indexOffset, record: ordinal)
            }
            guard loaded.header.totalLength == trailer.indexLength, loaded.header.payloadCRC == trailer.indexCRC else {
                throw ArchiveError(.indexMismatch, "the index record's length or CRC differs from the trailer's copy", path: path, offset: trailer.indexOffset, record: ordinal)
            }
            index = try Index.parse(loaded.payload, indexOffset: trailer.indexOffset, recordCount: trailer.recordCount, path: path, record: ordinal)
        }

        /// The image ids that have masks, in key order.
        public var imageKeys: [ID] { index.entries.map(\.key) }

        /// All stored masks of the image `id` (by ascending annotation index), or `[]` when it has none.
        ///
        /// One binary search in the in-memory index, then one `pread` of one record: O(log n) compares, O(1) seeks.
        public func masks(forImage id: ID) throws -> [Mask] {
            guard let entry = index.entry(for: id) else { return [] }
            return try imageMasks(entry).masks
        }

        /// The masks of image `id` as AnnoMask RLEs with their annotation indices.
        public func rles(forImage id: ID) throws -> [(annotationIndex: Int, rle: RLE)] {
            var out: [(annotationIndex: Int, rle: RLE)] = []
            for m in try masks(forImage: id) {
                do {
                    out.append((m.annotationIndex, try m.rle()))
                } catch {
                    throw ArchiveError(.malformedRecord, "annotation \(m.annotationIndex)'s stored mask is not a valid \(m.height)x\(m.width) RLE: \(error)", path: path)
                }
            }
            return out
        }

        /// Reads and checks the `MASK` record an index entry points to.
        public func imageMasks(_ entry: Index.Entry) throws(ArchiveError) -> ImageMasks {
            let loaded = try RecordIO.read(
                source, at: entry.recordOffset, limit: entry.recordOffset + entry.recordLength,
                expectedOrdinal: entry.recordOrdinal, path: path, maxPayloadBytes: maxPayloadBytes)
            return try checkedMasks(loaded, entry)
        }

        func checkedMasks(_ loaded: RecordIO.Loaded, _ entry: Index.Entry, keepPolygonCounts: Bool = true) throws(ArchiveError) -> ImageMasks {
            let ordinal = entry.recordOrdinal
            guard loaded.header.tag == RecordTag.mask.rawValue, loaded.header.totalLength == entry.recordLength else {
                throw ArchiveError(.indexMismatch, "index entry for image \(entry.key) points at record \(ordinal), which is not its MASK record", path: path, offset: entry.recordOffset, record: ordinal)
            }
            let count = index.annotationCount
            let image = try RecordIO.decode(loaded, path: path) { (r: inout ByteReader) throws(PayloadError) in
                try ImageMasks.decode(&r, annotationCount: count, keepPolygonCounts: keepPolygonCounts)
            }
            guard image.key == entry.key, image.masks.count == entry.maskCount, image.imageOrdinal == entry.imageOrdinal else {
                throw ArchiveError(.indexMismatch, "record \(ordinal) holds image \(image.key) with \(image.masks.count) masks; the index says image \(entry.key) with \(entry.maskCount)", path: path, offset: entry.recordOffset, record: ordinal)
            }
            for (k, m) in image.masks.enumerated() {
                let s = index.masks[entry.firstMask + k]
                guard s.annotationIndex == m.annotationIndex, s.categoryOrdinal == m.categoryOrdinal, s.area == m.area else {
                    throw ArchiveError(.indexMismatch, "record \(ordinal) mask \(k) (annotation \(m.annotationIndex)) disagrees with its index statistics", path: path, offset: entry.recordOffset, record: ordinal)
                }
            }
            return image
        }

        /// Iterates the `MASK` records in file order.
        public func makeImageIterator() -> ImageIterator { ImageIterator(reader: self) }

        /// A cursor over an archive's `MASK` records in file order; `next()` throws on a damaged record.
        public struct ImageIterator {
            let reader: Reader
            let order: [Index.Entry]
            var position = 0

            init(reader: Reader) {
                self.reader = reader
                self.order = reader.index.entries.sorted { $0.recordOrdinal < $1.recordOrdinal }
            }

            /// The next image's masks, or nil at the end.
            public mutating func next() throws -> ImageMasks? {
                guard position < order.count else { return nil }
                defer { position += 1 }
                return try reader.imageMasks(order[position])
            }
        }

        /// Reads the dataset block alone (images and annotations, RLE counts left as placeholders).
        func readMetadata(from source: ByteSource) throws(ArchiveError) -> (Dataset, [SegmentationKind], UInt64) {
            let loaded = try RecordIO.read(source, at: index.metaOffset, limit: trailer.indexOffset, expectedOrdinal: 0, path: path, maxPayloadBytes: maxPayloadBytes)
            guard loaded.header.tag == RecordTag.meta.rawValue else {
                throw ArchiveError(.malformedRecord, "record 0 is not the META record", path: path, offset: index.metaOffset, record: 0)
            }
            let (dataset, kinds) = try RecordIO.decode(loaded, path: path) { (r: inout ByteReader) throws(PayloadError) in
                try MetadataCodec.decode(&r)
            }
            guard dataset.annotations.count == index.annotationCount else {
                throw ArchiveError(.indexMismatch, "the dataset block has \(dataset.annotations.count) annotations; the index says \(index.annotationCount)", path: path, offset: index.metaOffset, record: 0)
            }
            return (dataset, kinds, index.metaOffset + loaded.header.totalLength)
        }

        /// Walks records 1..<recordCount from `start`, checking each against its index entry and its CRCs, and
        /// decodes the `MASK` records that hold RLE counts (keeping only those masks' counts). Returns the decoded
        /// records in file order and the offset where the records end.
        func readMaskRecords(_ all: ByteSource, from start: UInt64, entryOfOrdinal: [Int]) throws(ArchiveError) -> ([(ordinal: Int, masks: ImageMasks)], UInt64) {
            var offset = start
            var images: [(ordinal: Int, masks: ImageMasks)] = []
            let recordCount = Int(trailer.recordCount)
            for ordinal in 1..<max(recordCount, 1) {
                let e = entryOfOrdinal[ordinal]
                guard e >= 0 else {
                    let skipped = try RecordIO.read(all, at: offset, limit: trailer.indexOffset, expectedOrdinal: ordinal, path: path, maxPayloadBytes: maxPayloadBytes, inflate: false)
                    guard skipped.header.knownTag == nil, skipped.header.flags & RecordHeader.ancillary != 0 else {
                        throw ArchiveError(.indexMismatch, "record \(ordinal) at byte \(offset) has no index entry", path: path, offset: offset, record: ordinal)
                    }
                    offset += skipped.header.totalLength
                    continue
                }
                let entry = index.entries[e]
                guard entry.recordOffset == offset else {
                    throw ArchiveError(.indexMismatch, "record \(ordinal) is at byte \(offset), the index says \(entry.recordOffset)", path: path, offset: offset, record: ordinal)
                }
                let loaded = try RecordIO.read(
                    all, at: offset, limit: trailer.indexOffset, expectedOrdinal: ordinal, path: path,
                    maxPayloadBytes: maxPayloadBytes, inflate: entry.hasRLESource)
                offset += loaded.header.totalLength
                guard entry.hasRLESource else {
                    guard loaded.header.tag == RecordTag.mask.rawValue, loaded.header.totalLength == entry.recordLength else {
                        throw ArchiveError(.indexMismatch, "record \(ordinal) is not the MASK record its index entry describes", path: path, offset: entry.recordOffset, record: ordinal)
                    }
                    continue
                }
                images.append((ordinal, try checkedMasks(loaded, entry, keepPolygonCounts: false)))
            }
            return (images, offset)
        }

        /// Reads everything, in order, checking every record's CRC: the dataset block, then each `MASK` record
        /// (inflating those that hold RLE counts), and fills in the RLE segmentations. Lossless.
        ///
        /// The `META` record is inflated and decoded on one core while the `MASK` records are checked, inflated
        /// and decoded on another; errors are reported in file order (META first, then the records in order).
        public func readDataset() throws -> Dataset {
            let all = MemorySource(try source.read(0, Int(source.size)), path: path)
            let recordCount = Int(trailer.recordCount)
            var entryOfOrdinal = [Int](repeating: -1, count: recordCount)
            for (i, e) in index.entries.enumerated() {
                guard entryOfOrdinal[e.recordOrdinal] < 0 else {
                    throw ArchiveError(.indexMismatch, "two index entries name record \(e.recordOrdinal)", path: path, record: e.recordOrdinal)
                }
                entryOfOrdinal[e.recordOrdinal] = i
            }
            // The META header is parsed here only to find where the MASK records start; the META job checks it again.
            let metaEnd: UInt64? = try? {
                () throws(ArchiveError) -> UInt64 in
                let loaded = try RecordIO.read(all, at: index.metaOffset, limit: trailer.indexOffset, expectedOrdinal: 0, path: path, maxPayloadBytes: maxPayloadBytes, inflate: false)
                return index.metaOffset + loaded.header.totalLength
            }()
            let lookup = entryOfOrdinal
            enum Part {
                case meta(Result<(Dataset, [SegmentationKind], UInt64), ArchiveError>)
                case masks(Result<([(ordinal: Int, masks: ImageMasks)], UInt64), ArchiveError>?)
            }
            let parts = Parallel.jobs(2) { job -> Part in
                if job == 0 {
                    return .meta(Result { () throws(ArchiveError) in try self.readMetadata(from: all) })
                }
                guard let metaEnd else { return .masks(nil) }
                return .masks(Result { () throws(ArchiveError) in try self.readMaskRecords(all, from: metaEnd, entryOfOrdinal: lookup) })
            }
            guard case .meta(let metaResult) = parts[0], case .masks(let maskResult) = parts[1] else { preconditionFailure() }
            var (dataset, kinds, metaEndChecked) = try metaResult.get()
            guard let maskResult, metaEnd == metaEndChecked else {
                throw ArchiveError(.malformedRecord, "the META record could not be framed", path: path, offset: index.metaOffset, record: 0)
            }
            let (images, offset) = try maskResult.get()
            dataset.origin = Origin(SourceLocation(file: path))
            var missing = kinds.reduce(0) { $0 + ($1 == .none ? 0 : 1) }
            for image in images {
                let ordinal = image.ordinal
                let entry = index.entries[entryOfOrdinal[ordinal]]
                for m in image.masks.masks {
                    let want: Mask.Source
                    switch kinds[m.annotationIndex] {
                    case .rleList: want = .rle
                    case .rleCompressedCanonical: want = .compressedRLE
                    default: continue
                    }
                    guard m.source == want, dataset.annotations[m.annotationIndex].imageID == image.masks.key else {
                        throw ArchiveError(.indexMismatch, "record \(ordinal) stores annotation \(m.annotationIndex)'s mask with the wrong source or image", path: path, offset: entry.recordOffset, record: ordinal)
                    }
                    let counts: RLEData.Counts
                    if want == .rle {
                        counts = .uncompressed(m.counts)
                    } else {
                        guard let rle = try? m.rle() else {
                            throw ArchiveError(.malformedRecord, "record \(ordinal): annotation \(m.annotationIndex)'s compressed mask does not fit its size", path: path, offset: entry.recordOffset, record: ordinal)
                        }
                        counts = .compressed(rle.compressedCounts)
                    }
                    dataset.annotations[m.annotationIndex].segmentation = .rle(RLEData(height: m.height, width: m.width, counts: counts))
                    kinds[m.annotationIndex] = .none
                    missing -= 1
                }
            }
            guard offset == trailer.indexOffset else {
                throw ArchiveError(.indexMismatch, "the records end at byte \(offset) but the index starts at \(trailer.indexOffset)", path: path, offset: offset)
            }
            if missing > 0, let i = kinds.firstIndex(where: { $0 != .none }) {
                throw ArchiveError(.indexMismatch, "\(missing) RLE annotations have no stored mask, the first is annotation \(i)", path: path)
            }
            return dataset
        }
    }
}
