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
        private var wroteHeader = false
        /// Whether this file has the version-1.1 layout (multi-part `META`, RLE-sourced masks first in `MASK`).
        private var multiPartRecords = false
        private var finished = false
        /// The raw size at which a new `META` part starts (`Archive.metaPartBytes`; smaller in tests).
        let metaPartBytes: Int

        /// Starts an archive at `path`, writing to a temporary sibling until `finish()`.
        public convenience init(path: String) throws {
            try self.init(path: path, metaPartBytes: Archive.metaPartBytes)
        }

        init(path: String, metaPartBytes: Int) throws {
            self.path = path
            self.metaPartBytes = metaPartBytes
            do {
                self.file = try AtomicWriter(path: path)
            } catch {
                throw ArchiveError(.io, "cannot create \(path): \(error)", path: path, isOutput: true)
            }
        }

        /// Starts an archive in memory (read the result from `bytes` after `finish()`).
        public convenience init() {
            self.init(metaPartBytes: Archive.metaPartBytes)
        }

        init(metaPartBytes: Int) {
            self.path = "<memory>"
            self.file = nil
            self.metaPartBytes = metaPartBytes
            bytes.reserveCapacity(1 << 16)
        }

        /// Writes the file header (version 1.1 with the multi-part feature only when `META` is multi-part).
        private func emitHeader(multiPart: Bool) throws {
            guard !wroteHeader else { return }
            wroteHeader = true
            try emit((multiPart ? Header.multiPart : Header.current).bytes)
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

        private func deflate(_ raw: [UInt8]) throws -> [UInt8] {
            do {
                return try Zlib.deflate(raw, level: Archive.zlibLevel)
            } catch {
                throw ArchiveError(.compression, "cannot compress record \(ordinal): \(error)", path: path, offset: offset, record: Int(ordinal), isOutput: true)
            }
        }

        private func record(_ tag: RecordTag, raw: [UInt8], compress: Bool) throws -> (offset: UInt64, length: UInt64, ordinal: Int) {
            try record(tag, flags: compress ? RecordHeader.compressed : 0, stored: compress ? deflate(raw) : raw, rawLength: raw.count)
        }

        private func record(_ tag: RecordTag, flags: UInt16, stored: [UInt8], rawLength: Int) throws -> (offset: UInt64, length: UInt64, ordinal: Int) {
            let framed = RecordHeader.frame(tag: tag, flags: flags, ordinal: ordinal, stored: stored, rawLength: rawLength)
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
            try writeMeta(MetadataCodec.encodeWithBoundaries(dataset, kinds: kinds))

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

        /// Writes the header and the `META` record: one zlib stream when the block is at most `metaPartBytes`, else
        /// a multi-part record cut at the first annotation start at or past every `metaPartBytes` raw bytes.
        /// Each part is deflated, or stored when deflating does not save at least a fifth of it (parts of
        /// polygon coordinates barely compress, and storing them keeps reading fast).
        func writeMeta(_ block: (bytes: [UInt8], annotationStarts: [Int])) throws {
            let raw = block.bytes
            var cuts: [Int] = [] // annotation indices where parts 1, 2, ... start
            var partStart = 0
            for (i, at) in block.annotationStarts.enumerated() where at - partStart >= metaPartBytes {
                cuts.append(i)
                partStart = at
            }
            guard !cuts.isEmpty else {
                try emitHeader(multiPart: false)
                _ = try record(.meta, raw: raw, compress: true)
                return
            }
            try emitHeader(multiPart: true)
            multiPartRecords = true
            let bounds = [0] + cuts.map { block.annotationStarts[$0] } + [raw.count]
            let firsts = [0] + cuts + [block.annotationStarts.count]
            let parts = (0...cuts.count).map { p in (raw[bounds[p]..<bounds[p + 1]], firsts[p + 1] - firsts[p]) }
            _ = try record(.meta, flags: RecordHeader.multiPart, stored: multiPartPayload(parts), rawLength: raw.count)
        }

        /// A multi-part payload: the part table, then each part deflated, or stored when deflating does not save
        /// at least a fifth of it.
        private func multiPartPayload(_ parts: [(bytes: ArraySlice<UInt8>, items: Int)]) throws -> [UInt8] {
            var table = ByteWriter(capacity: RecordIO.partTableHead + RecordIO.partEntrySize * parts.count)
            table.u32(UInt32(parts.count))
            var body: [UInt8] = []
            for (bytes, items) in parts {
                let part = Array(bytes)
                let deflated = try deflate(part)
                let compress = deflated.count * 5 <= part.count * 4
                table.u8(compress ? 1 : 0)
                table.u8(0)
                table.u16(0)
                table.u32(UInt32(items))
                table.u64(UInt64(compress ? deflated.count : part.count))
                table.u64(UInt64(part.count))
                body += compress ? deflated : part
            }
            return table.bytes + body
        }

        /// Writes one `MASK` record and remembers its index entry.
        ///
        /// In a version-1.1 file the masks with stored counts go first, and a record that also has rasterised
        /// polygons is two-part (those masks, then the polygons), so reading the IR inflates only the first part.
        func append(_ image: ImageMasks, hasRLESource: Bool) throws {
            var image = image
            let at: (offset: UInt64, length: UInt64, ordinal: Int)
            if multiPartRecords {
                let first = image.masks.filter(ImageMasks.holdsStoredCounts)
                image.masks = first + image.masks.filter { !ImageMasks.holdsStoredCounts($0) }
                let (raw, split) = image.encoded()
                if first.isEmpty || first.count == image.masks.count {
                    at = try record(.mask, raw: raw, compress: true)
                } else {
                    let parts = [(raw[..<split], first.count), (raw[split...], image.masks.count - first.count)]
                    at = try record(.mask, flags: RecordHeader.multiPart, stored: multiPartPayload(parts), rawLength: raw.count)
                }
            } else {
                at = try record(.mask, raw: image.payload, compress: true)
            }
            let stats = image.masks.map { Index.MaskStat(annotationIndex: $0.annotationIndex, categoryOrdinal: $0.categoryOrdinal, area: $0.area) }
            let entry = Index.Entry(
                key: image.key, imageOrdinal: image.imageOrdinal, hasRLESource: hasRLESource, recordOffset: at.offset,
                recordLength: at.length, recordOrdinal: at.ordinal, firstMask: 0, maskCount: image.masks.count)
            pending.append((entry, stats))
        }

        /// Writes the sorted index and the trailer, then publishes the file (fsync and rename).
        public func finish() throws {
            try emitHeader(multiPart: false)
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
