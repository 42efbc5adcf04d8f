import AnnoCore
import AnnoMask
import AnnoZlib

extension Archive {
    /// Writes an archive record by record: memory stays constant in the number of masks (only small index
    /// entries are kept), output is deterministic, and a file is published atomically by `finish()`.
    public final class Writer {
        private let file: AtomicWriter?
        private let path: String
        /// The bytes written so far, for a writer created without a path.
        public private(set) var bytes: [UInt8] = []
        private var offset: UInt64 = 0
        private var ordinal: UInt32 = 0
        private var pending: [(entry: Index.Entry, stats: [Index.MaskStat])] = []
        private var annotationCount = 0
        private var wroteMetadata = false
        private var finished = false

        /// Starts an archive at `path`, writing to a temporary sibling until `finish()`.
        public init(path: String) throws {
            self.path = path
            do {
                self.file = try AtomicWriter(path: path)
            } catch {
                throw ArchiveError(.io, "cannot create \(path): \(error)", path: path, isOutput: true)
            }
            try emit(Header.current.bytes)
        }

        /// Starts an archive in memory (read the result from `bytes` after `finish()`).
        public init() {
            self.path = "<memory>"
            self.file = nil
            bytes.reserveCapacity(1 << 16)
            try? emit(Header.current.bytes)
        }

        deinit {
            if !finished { file?.abandon() }
        }

        private func emit(_ chunk: [UInt8]) throws {
            if let file {
                do {
                    try file.write(chunk)
                } catch {
                    throw ArchiveError(.io, "cannot write \(path): \(error)", path: path, offset: offset, isOutput: true)
                }
            } else {
                bytes.append(contentsOf: chunk)
            }
            offset += UInt64(chunk.count)
        }

        private func record(_ tag: RecordTag, raw: [UInt8], compress: Bool) throws -> (offset: UInt64, length: UInt64, ordinal: Int) {
            let stored: [UInt8]
            if compress {
                do {
                    stored = try Zlib.deflate(raw, level: Archive.zlibLevel)
                } catch {
                    throw ArchiveError(.compression, "cannot compress record \(ordinal): \(error)", path: path, offset: offset, record: Int(ordinal), isOutput: true)
                }
            } else {
                stored = raw
            }
            let framed = RecordHeader.frame(tag: tag, flags: compress ? RecordHeader.compressed : 0, ordinal: ordinal, stored: stored, rawLength: raw.count)
            let at = offset, n = ordinal
            try emit(framed)
            ordinal += 1
            return (at, UInt64(framed.count), Int(n))
        }

        /// Writes the whole dataset: the `META` block, then one `MASK` record per image key, in image order.
        ///
        /// Masks are built and written one image at a time: polygons are rasterised (pycocotools-exact) when the
        /// image's size is known, compressed strings are decoded, counts lists are stored as given.
        public func write(_ dataset: Dataset) throws {
            guard !wroteMetadata else { throw ArchiveError(.io, "the dataset was already written", path: path, isOutput: true) }
            wroteMetadata = true
            let anns = dataset.annotations
            annotationCount = anns.count
            guard anns.count < Int(UInt32.max), dataset.images.count < Int(UInt32.max), dataset.categories.count < Int(UInt32.max) else {
                throw ArchiveError(.limit, "the dataset has more than 2^32-1 images, categories or annotations", path: path, isOutput: true)
            }
            let kinds = anns.map { Writer.kind(of: $0.segmentation) }
            _ = try record(.meta, raw: MetadataCodec.encode(dataset, kinds: kinds), compress: true)

            var imageOrdinal: [ID: Int] = [:]
            imageOrdinal.reserveCapacity(dataset.images.count)
            for (i, image) in dataset.images.enumerated() where imageOrdinal[image.id] == nil { imageOrdinal[image.id] = i }
            var categoryOrdinal: [ID: Int] = [:]
            for (i, c) in dataset.categories.enumerated() where categoryOrdinal[c.id] == nil { categoryOrdinal[c.id] = i }

            var groups: [ID: [Int]] = [:]
            var orphanOrder: [ID] = []
            for (i, a) in anns.enumerated() where a.hasMask {
                if groups[a.imageID] == nil, imageOrdinal[a.imageID] == nil { orphanOrder.append(a.imageID) }
                groups[a.imageID, default: []].append(i)
            }
            var keys: [ID] = []
            for (i, image) in dataset.images.enumerated() where imageOrdinal[image.id] == i && groups[image.id] != nil { keys.append(image.id) }
            keys += orphanOrder

            for key in keys {
                let ordinalOfImage = imageOrdinal[key]
                let image = ordinalOfImage.map { dataset.images[$0] }
                var masks: [Mask] = []
                var needed = false
                for i in groups[key] ?? [] {
                    let a = anns[i]
                    guard let mask = Writer.mask(of: a, index: i, category: a.categoryID.flatMap { categoryOrdinal[$0] }, image: image) else { continue }
                    if kinds[i] == .rleList || kinds[i] == .rleCompressedCanonical { needed = true }
                    masks.append(mask)
                }
                guard !masks.isEmpty else { continue }
                try append(ImageMasks(key: key, imageOrdinal: ordinalOfImage, masks: masks), hasRLESource: needed)
            }
        }

        /// Writes one `MASK` record and remembers its index entry.
        func append(_ image: ImageMasks, hasRLESource: Bool) throws {
            let at = try record(.mask, raw: image.payload, compress: true)
            let stats = image.masks.map { Index.MaskStat(annotationIndex: $0.annotationIndex, categoryOrdinal: $0.categoryOrdinal, area: $0.area) }
            let entry = Index.Entry(
                key: image.key, imageOrdinal: image.imageOrdinal, hasRLESource: hasRLESource, recordOffset: at.offset,
                recordLength: at.length, recordOrdinal: at.ordinal, firstMask: 0, maskCount: image.masks.count)
            pending.append((entry, stats))
        }

        /// Writes the sorted index and the trailer, then publishes the file (fsync and rename).
        public func finish() throws {
            pending.sort { $0.entry.key < $1.entry.key }
            var entries: [Index.Entry] = []
            entries.reserveCapacity(pending.count)
            var stats: [Index.MaskStat] = []
            for (i, p) in pending.enumerated() {
                if i > 0, pending[i - 1].entry.key == p.entry.key {
                    throw ArchiveError(.indexMismatch, "two mask records for image \(p.entry.key)", path: path, isOutput: true)
                }
                var e = p.entry
                e.firstMask = stats.count
                stats += p.stats
                entries.append(e)
            }
            pending = []
            let index = Index(entries: entries, masks: stats, metaOffset: UInt64(Archive.headerSize), annotationCount: annotationCount)
            let payload = index.payload
            let recordCount = UInt64(ordinal)
            let framed = RecordHeader.frame(tag: .index, flags: 0, ordinal: ordinal, stored: payload, rawLength: payload.count)
            let indexOffset = offset
            try emit(framed)
            let crc = LittleEndian.u32(framed, 32)
            let trailer = Trailer(
                indexOffset: indexOffset, indexLength: UInt64(framed.count), recordCount: recordCount,
                fileLength: offset + UInt64(Archive.trailerSize), indexCRC: crc)
            try emit(trailer.bytes)
            finished = true
            if let file {
                do {
                    try file.commit()
                } catch {
                    throw ArchiveError(.io, "cannot publish \(path): \(error)", path: path, isOutput: true)
                }
            }
        }

        /// Discards everything written; the final path is untouched.
        public func abandon() {
            finished = true
            file?.abandon()
        }

        /// How the `META` block stores a segmentation (decoding compressed strings to test canonicity).
        static func kind(of s: Segmentation) -> SegmentationKind {
            switch s {
            case .none: return .none
            case .polygons: return .polygons
            case .rle(let r):
                switch r.counts {
                case .uncompressed: return .rleList
                case .compressed(let string):
                    guard let rle = try? RLE(compressedCounts: string, size: MaskSize(height: r.height, width: r.width)),
                          rle.compressedCounts == string else { return .rleCompressedLiteral }
                    return .rleCompressedCanonical
                }
            }
        }

        /// The stored mask of an annotation, or nil when there is none (no segmentation, an undecodable string,
        /// or polygons on an image of unknown size).
        static func mask(of a: Annotation, index: Int, category: Int?, image: Image?) -> Mask? {
            switch a.segmentation {
            case .none:
                return nil
            case .rle(let r):
                switch r.counts {
                case .uncompressed(let counts):
                    return Mask(annotationIndex: index, categoryOrdinal: category, source: .rle, height: r.height, width: r.width, counts: counts)
                case .compressed(let string):
                    guard let rle = try? RLE(compressedCounts: string, size: MaskSize(height: r.height, width: r.width)) else { return nil }
                    return Mask(annotationIndex: index, categoryOrdinal: category, source: .compressedRLE, height: r.height, width: r.width, counts: rle.counts)
                }
            case .polygons(let p):
                guard let h = image?.height, let w = image?.width,
                      let rle = try? RLE(polygons: p.polygons, size: MaskSize(height: h, width: w)) else { return nil }
                return Mask(annotationIndex: index, categoryOrdinal: category, source: .polygons, height: h, width: w, counts: rle.counts)
            }
        }
    }
}
