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
            try checkMaskRecord(loaded.header, entry)
            var (image, declared) = try RecordIO.decodeMasks(
                loaded, annotationCount: index.annotationCount, keepPolygonCounts: keepPolygonCounts, grouped: header.hasMultiPartRecords, path: path)
            try checkAgainstIndex(image, declared: declared, entry)
            // Version-1.1 records store RLE-sourced masks first; callers get them by annotation index.
            if header.hasMultiPartRecords && keepPolygonCounts { image.masks.sort { $0.annotationIndex < $1.annotationIndex } }
            return image
        }

        func checkMaskRecord(_ h: RecordHeader, _ entry: Index.Entry) throws(ArchiveError) {
            guard h.tag == RecordTag.mask.rawValue, h.totalLength == entry.recordLength else {
                throw ArchiveError(.indexMismatch, "index entry for image \(entry.key) points at record \(entry.recordOrdinal), which is not its MASK record", path: path, offset: entry.recordOffset, record: entry.recordOrdinal)
            }
            guard !h.isMultiPart || header.hasMultiPartRecords else {
                throw ArchiveError(.malformedRecord, "record \(entry.recordOrdinal) is multi-part but the file header lacks the multi-part feature bit", path: path, offset: entry.recordOffset, record: entry.recordOrdinal)
            }
        }

        /// The record's key, declared mask count and image ordinal match the entry, and each decoded mask (all, or
        /// the first part's) matches its index statistics.
        func checkAgainstIndex(_ image: ImageMasks, declared: Int, _ entry: Index.Entry) throws(ArchiveError) {
            let ordinal = entry.recordOrdinal
            guard image.key == entry.key, declared == entry.maskCount, image.masks.count <= declared, image.imageOrdinal == entry.imageOrdinal else {
                throw ArchiveError(.indexMismatch, "record \(ordinal) holds image \(image.key) with \(declared) masks; the index says image \(entry.key) with \(entry.maskCount)", path: path, offset: entry.recordOffset, record: ordinal)
            }
            for (k, m) in image.masks.enumerated() {
                let s = index.masks[entry.firstMask + k]
                guard s.annotationIndex == m.annotationIndex, s.categoryOrdinal == m.categoryOrdinal, s.area == m.area else {
                    throw ArchiveError(.indexMismatch, "record \(ordinal) mask \(k) (annotation \(m.annotationIndex)) disagrees with its index statistics", path: path, offset: entry.recordOffset, record: ordinal)
                }
            }
        }

        /// Reads a `MASK` record for the IR: CRCs always; for a two-part record only the first part (the masks
        /// with stored counts) is inflated and decoded, the polygon part stays CRC-checked only.
        func readMasksForIR(_ all: ByteSource, at offset: UInt64, _ entry: Index.Entry) throws(ArchiveError) -> (ImageMasks, UInt64) {
            let f = try RecordIO.frame(all, at: offset, limit: trailer.indexOffset, expectedOrdinal: entry.recordOrdinal, path: path)
            try RecordIO.checkCRC(f, path: path)
            try checkMaskRecord(f.header, entry)
            guard f.header.isMultiPart else {
                let loaded = try RecordIO.inflate(f, path: path, maxPayloadBytes: maxPayloadBytes)
                return (try checkedMasks(loaded, entry, keepPolygonCounts: false), f.header.totalLength)
            }
            let parts = try RecordIO.partTable(f, path: path, maxPayloadBytes: maxPayloadBytes)
            let first = try RecordIO.partBytes(f, parts[0], number: 0, path: path)
            let loaded = RecordIO.Loaded(header: f.header, offset: offset, payload: Array(first), parts: parts)
            let (image, declared) = try RecordIO.decodeMaskPrefix(loaded, annotationCount: index.annotationCount, keepPolygonCounts: false, path: path)
            try checkAgainstIndex(image, declared: declared, entry)
            return (image, f.header.totalLength)
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
            try checkMetaHeader(loaded.header)
            let (dataset, kinds) = try RecordIO.decodeMeta(loaded, path: path)
            guard dataset.annotations.count == index.annotationCount else {
                throw ArchiveError(.indexMismatch, "the dataset block has \(dataset.annotations.count) annotations; the index says \(index.annotationCount)", path: path, offset: index.metaOffset, record: 0)
            }
            return (dataset, kinds, index.metaOffset + loaded.header.totalLength)
        }

        /// Record 0 must be `META`, and multi-part only in a file whose header has the multi-part feature.
        func checkMetaHeader(_ h: RecordHeader) throws(ArchiveError) {
            guard h.tag == RecordTag.meta.rawValue else {
                throw ArchiveError(.malformedRecord, "record 0 is not the META record", path: path, offset: index.metaOffset, record: 0)
            }
            guard !h.isMultiPart || header.hasMultiPartRecords else {
                throw ArchiveError(.malformedRecord, "record 0 is multi-part but the file header lacks the multi-part feature bit", path: path, offset: index.metaOffset, record: 0)
            }
        }

        /// Walks records `ordinals` from `start`, checking each against its index entry and its CRCs, and
        /// decodes the `MASK` records that hold RLE counts (keeping only those masks' counts). Returns the decoded
        /// records in file order and the offset where the walk ends.
        func readMaskRecords(_ all: ByteSource, from start: UInt64, ordinals: Range<Int>, entryOfOrdinal: [Int]) throws(ArchiveError) -> ([(ordinal: Int, masks: ImageMasks)], UInt64) {
            var offset = start
            var images: [(ordinal: Int, masks: ImageMasks)] = []
            for ordinal in ordinals {
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
                guard entry.hasRLESource else {
                    let loaded = try RecordIO.read(
                        all, at: offset, limit: trailer.indexOffset, expectedOrdinal: ordinal, path: path,
                        maxPayloadBytes: maxPayloadBytes, inflate: false)
                    offset += loaded.header.totalLength
                    guard loaded.header.tag == RecordTag.mask.rawValue, loaded.header.totalLength == entry.recordLength else {
                        throw ArchiveError(.indexMismatch, "record \(ordinal) is not the MASK record its index entry describes", path: path, offset: entry.recordOffset, record: ordinal)
                    }
                    continue
                }
                let (image, length) = try readMasksForIR(all, at: offset, entry)
                offset += length
                images.append((ordinal, image))
            }
            return (images, offset)
        }

        /// Which index entry describes each record ordinal (-1 for none); two entries naming one record is an error.
        func entriesByOrdinal() throws(ArchiveError) -> [Int] {
            var entryOfOrdinal = [Int](repeating: -1, count: Int(trailer.recordCount))
            for (i, e) in index.entries.enumerated() {
                guard entryOfOrdinal[e.recordOrdinal] < 0 else {
                    throw ArchiveError(.indexMismatch, "two index entries name record \(e.recordOrdinal)", path: path, record: e.recordOrdinal)
                }
                entryOfOrdinal[e.recordOrdinal] = i
            }
            return entryOfOrdinal
        }

        /// Reads everything, in order, checking every record's CRC: the dataset block, then each `MASK` record
        /// (inflating those that hold RLE counts), and fills in the RLE segmentations. Lossless.
        ///
        /// The work runs as independent jobs on all cores: the `META` CRC, each `META` part (a multi-part block)
        /// or the whole block, and runs of consecutive `MASK` records. When any job fails, everything is read
        /// again on one core in file order, so the error reported is always the first one in the file.
        public func readDataset() throws -> Dataset {
            let all = MemorySource(try source.read(0, Int(source.size)), path: path)
            let entryOfOrdinal = try entriesByOrdinal()
            if let parallel = try? readInParallel(all, entryOfOrdinal: entryOfOrdinal) { return parallel }
            var (dataset, kinds, metaEnd) = try readMetadata(from: all)
            let (images, end) = try readMaskRecords(all, from: metaEnd, ordinals: 1..<max(Int(trailer.recordCount), 1), entryOfOrdinal: entryOfOrdinal)
            try assemble(&dataset, &kinds, images, end: end, entryOfOrdinal: entryOfOrdinal)
            return dataset
        }

        /// Runs of consecutive record ordinals (each starting at a record with an index entry) of similar stored size.
        func maskChunks(entryOfOrdinal: [Int], chunks wanted: Int) -> [Range<Int>] {
            let recordCount = Int(trailer.recordCount)
            guard recordCount > 1 else { return [] }
            let total = index.entries.reduce(UInt64(0)) { $0 + $1.recordLength }
            let target = max(total / UInt64(max(wanted, 1)), 1)
            var ranges: [Range<Int>] = []
            var start = 1, size: UInt64 = 0
            for ordinal in 1..<recordCount {
                let e = entryOfOrdinal[ordinal]
                if e >= 0, size >= target, ordinal > start {
                    ranges.append(start..<ordinal)
                    start = ordinal
                    size = 0
                }
                if e >= 0 { size += index.entries[e].recordLength }
            }
            ranges.append(start..<recordCount)
            return ranges
        }

        /// The parallel read; any failure (returned as an error) makes `readDataset` read again in file order.
        func readInParallel(_ all: MemorySource, entryOfOrdinal: [Int]) throws(ArchiveError) -> Dataset {
            let meta = try RecordIO.frame(all, at: index.metaOffset, limit: trailer.indexOffset, expectedOrdinal: 0, path: path)
            try checkMetaHeader(meta.header)
            let metaEnd = index.metaOffset + meta.header.totalLength
            let parts = meta.header.isMultiPart ? try RecordIO.partTable(meta, path: path, maxPayloadBytes: maxPayloadBytes) : nil
            let total = try parts.map { (p) throws(ArchiveError) in try MetaAssembly.annotationTotal(p, header: meta.header, offset: meta.offset, path: path) } ?? 0
            let chunks = maskChunks(entryOfOrdinal: entryOfOrdinal, chunks: 4 * Parallel.coreCount)
            for c in chunks.dropFirst() where entryOfOrdinal[c.lowerBound] < 0 {
                throw ArchiveError(.indexMismatch, "record \(c.lowerBound) has no index entry", path: path)
            }
            enum Outcome {
                case meta(Result<(Dataset, [SegmentationKind]), ArchiveError>)
                case checked(ArchiveError?)
                case part
                case masks(Result<([(ordinal: Int, masks: ImageMasks)], UInt64), ArchiveError>)
            }
            let partCount = parts?.count ?? 0
            // Jobs: the META parts (or the whole single-stream block), then the META CRC, then the MASK runs.
            let metaJobs = max(partCount, 1)
            var outcomes: [Outcome] = []
            var joined: Result<(Dataset, [SegmentationKind]), ArchiveError>?
            // The parts decode straight into the final annotation array's storage.
            let annotations = [Annotation](unsafeUninitializedCapacity: total) { storage, initialized in
                var assembly: MetaAssembly?
                if let parts {
                    do throws(ArchiveError) {
                        assembly = try MetaAssembly(parts: parts, header: meta.header, offset: meta.offset, path: path, storage: storage.baseAddress)
                    } catch {
                        joined = .failure(error)
                        return
                    }
                }
                outcomes = Parallel.jobs(metaJobs + 1 + chunks.count) { job -> Outcome in
                    if job < metaJobs {
                        guard let assembly, let parts else {
                            return .meta(Result { () throws(ArchiveError) in
                                try RecordIO.checkCRC(meta, path: path)
                                return try RecordIO.decodeMeta(RecordIO.inflate(meta, path: path, maxPayloadBytes: maxPayloadBytes), path: path)
                            })
                        }
                        do throws(ArchiveError) {
                            assembly.decodePart(job, try RecordIO.partBytes(meta, parts[job], number: job, path: path))
                        } catch {
                            assembly.fail(job, error)
                        }
                        return .part
                    }
                    if job == metaJobs {
                        do throws(ArchiveError) {
                            try RecordIO.checkCRC(meta, path: path)
                            return .checked(nil)
                        } catch {
                            return .checked(error)
                        }
                    }
                    let range = chunks[job - metaJobs - 1]
                    let start = range.lowerBound == 1 ? metaEnd : index.entries[entryOfOrdinal[range.lowerBound]].recordOffset
                    return .masks(Result { () throws(ArchiveError) in
                        try self.readMaskRecords(all, from: start, ordinals: range, entryOfOrdinal: entryOfOrdinal)
                    })
                }
                guard let assembly else { return }
                if storage.baseAddress == nil {
                    joined = Result { () throws(ArchiveError) in try assembly.finish() }
                } else {
                    joined = Result { () throws(ArchiveError) in try assembly.finishParts() }
                    if case .success = joined { initialized = total }
                }
            }
            var dataset: Dataset, kinds: [SegmentationKind]
            if case .failure(let e) = joined { throw e }
            if case .checked(let e) = outcomes[metaJobs], let e { throw e }
            if let joined {
                (dataset, kinds) = try joined.get()
                if total > 0 { dataset.annotations = consume annotations }
            } else {
                guard case .meta(let result) = outcomes[0] else { preconditionFailure("job 0 is the META job") }
                (dataset, kinds) = try result.get()
            }
            guard dataset.annotations.count == index.annotationCount else {
                throw ArchiveError(.indexMismatch, "the dataset block has \(dataset.annotations.count) annotations; the index says \(index.annotationCount)", path: path, offset: index.metaOffset, record: 0)
            }
            var images: [(ordinal: Int, masks: ImageMasks)] = []
            var end = metaEnd
            for (k, range) in chunks.enumerated() {
                guard case .masks(let result) = outcomes[metaJobs + 1 + k] else { preconditionFailure("a MASK job") }
                let (found, chunkEnd) = try result.get()
                let start = range.lowerBound == 1 ? metaEnd : index.entries[entryOfOrdinal[range.lowerBound]].recordOffset
                guard start == end else {
                    throw ArchiveError(.indexMismatch, "record \(range.lowerBound) is at byte \(end), the index says \(start)", path: path, offset: end, record: range.lowerBound)
                }
                images += found
                end = chunkEnd
            }
            try assemble(&dataset, &kinds, images, end: end, entryOfOrdinal: entryOfOrdinal)
            return dataset
        }

        /// Fills the RLE segmentations from the decoded `MASK` records and checks that every one was found.
        func assemble(_ dataset: inout Dataset, _ kinds: inout [SegmentationKind], _ images: [(ordinal: Int, masks: ImageMasks)], end offset: UInt64, entryOfOrdinal: [Int]) throws(ArchiveError) {
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
        }
    }
}
