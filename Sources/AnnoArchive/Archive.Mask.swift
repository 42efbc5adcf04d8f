import AnnoCore
import AnnoMask

extension Archive {
    /// One stored mask: which annotation it belongs to, its statistics and its run-length counts.
    public struct Mask: Hashable, Sendable {
        /// Where the stored mask came from in the dataset.
        public enum Source: UInt8, Hashable, Sendable {
            /// The annotation's segmentation was RLE with a counts list.
            case rle = 0
            /// The annotation's segmentation was RLE with a compressed counts string.
            case compressedRLE = 1
            /// The annotation's segmentation was polygons; this is their rasterisation (pycocotools-exact).
            case polygons = 2
        }

        /// The annotation's position in `Dataset.annotations`.
        public var annotationIndex: Int
        /// The position of the annotation's category in `Dataset.categories`, or nil.
        public var categoryOrdinal: Int?
        /// Where the mask came from.
        public var source: Source
        /// Mask height in pixels.
        public var height: Int
        /// Mask width in pixels.
        public var width: Int
        /// The number of set pixels (the sum of the odd-position runs).
        public var area: UInt64
        /// The tight bounding box of the set pixels as integers `[x, y, width, height]` (all zero when empty).
        public var bbox: [Int]
        /// Column-major run lengths starting with a run of zeros, exactly as stored in the dataset.
        public var counts: [UInt32]

        /// Creates a mask record entry, computing its area and bounding box from the counts.
        public init(annotationIndex: Int, categoryOrdinal: Int?, source: Source, height: Int, width: Int, counts: [UInt32]) {
            self.annotationIndex = annotationIndex
            self.categoryOrdinal = categoryOrdinal
            self.source = source
            self.height = height
            self.width = width
            self.counts = counts
            let (area, bbox) = Mask.statistics(counts: counts, height: height)
            self.area = area
            self.bbox = bbox
        }

        init(annotationIndex: Int, categoryOrdinal: Int?, source: Source, height: Int, width: Int, area: UInt64, bbox: [Int], counts: [UInt32]) {
            self.annotationIndex = annotationIndex
            self.categoryOrdinal = categoryOrdinal
            self.source = source
            self.height = height
            self.width = width
            self.area = area
            self.bbox = bbox
            self.counts = counts
        }

        /// The mask as an AnnoMask `RLE`; throws when the stored counts are not a valid mask of the stored size.
        public func rle() throws(MaskError) -> RLE {
            try RLE(size: MaskSize(height: height, width: width), counts: counts)
        }

        /// Area and integer bounding box from counts, never trapping on counts that do not fit the size.
        static func statistics(counts: [UInt32], height: Int) -> (UInt64, [Int]) {
            var area: UInt64 = 0
            var position = 0
            var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
            for (i, c) in counts.enumerated() {
                let run = Int(c)
                if i & 1 == 1 && run > 0 {
                    area &+= UInt64(c)
                    if height > 0 {
                        let first = position, last = position + run - 1
                        let x0 = first / height, x1 = last / height
                        minX = min(minX, x0)
                        maxX = max(maxX, x1)
                        if x0 == x1 {
                            minY = min(minY, first % height)
                            maxY = max(maxY, last % height)
                        } else {
                            minY = 0
                            maxY = height - 1
                        }
                    }
                }
                position &+= run
            }
            guard maxX >= 0 else { return (area, [0, 0, 0, 0]) }
            return (area, [minX, minY, maxX - minX + 1, maxY - minY + 1])
        }
    }

    /// All masks stored for one image key: the payload of one `MASK` record.
    public struct ImageMasks: Hashable, Sendable {
        /// The image id.
        public var key: ID
        /// The position of the first image with this id in `Dataset.images`, or nil for annotations without an image.
        public var imageOrdinal: Int?
        /// The masks, by ascending annotation index.
        public var masks: [Mask]

        /// Creates an image's mask set.
        public init(key: ID, imageOrdinal: Int?, masks: [Mask]) {
            self.key = key
            self.imageOrdinal = imageOrdinal
            self.masks = masks
        }

        /// The uncompressed `MASK` payload.
        var payload: [UInt8] {
            var w = ByteWriter(capacity: 64 + masks.reduce(0) { $0 + 16 + $1.counts.count * 2 })
            MetadataCodec.writeID(key, &w)
            w.varint(imageOrdinal.map { $0 + 1 } ?? 0)
            w.varint(masks.count)
            for m in masks {
                w.varint(m.annotationIndex)
                w.varint(m.categoryOrdinal.map { $0 + 1 } ?? 0)
                w.u8(m.source.rawValue)
                w.zigzag(Int64(m.height))
                w.zigzag(Int64(m.width))
                w.varint(m.area)
                for v in m.bbox { w.varint(v) }
                w.varint(m.counts.count)
                let c = m.counts
                for i in c.indices {
                    if i < 2 {
                        w.varint(UInt64(c[i]))
                    } else {
                        w.zigzag(Int64(c[i]) - Int64(c[i - 2]))
                    }
                }
            }
            return w.bytes
        }

        /// Decodes a `MASK` payload; `annotationCount` bounds the annotation indices.
        /// With `keepPolygonCounts` false, masks rasterised from polygons are checked but keep empty counts and
        /// bounding box (reading a dataset into the IR rebuilds polygons from `META` and never needs them).
        static func decode(_ r: inout ByteReader, annotationCount: Int, keepPolygonCounts: Bool = true) throws(PayloadError) -> ImageMasks {
            let key = try MetadataCodec.readID(&r)
            let ordinalPlusOne = try r.count(max: Int(UInt32.max), "image ordinal")
            let n = try r.itemCount("mask count", minBytes: 10)
            var masks: [Mask] = []
            masks.reserveCapacity(n)
            var previous = -1
            for _ in 0..<n {
                let annotation = try r.count(max: max(annotationCount - 1, 0), "annotation index")
                guard annotation > previous, annotationCount > 0 else { throw r.fail("annotation index \(annotation) is not after \(previous)") }
                previous = annotation
                let cat = try r.count(max: Int(UInt32.max), "category ordinal")
                let sourceRaw = try r.u8()
                guard let source = Mask.Source(rawValue: sourceRaw) else { throw r.fail("unknown mask source \(sourceRaw)") }
                let height = try r.int(), width = try r.int()
                let area = try r.varint()
                if !keepPolygonCounts && source == .polygons {
                    for _ in 0..<4 { _ = try r.count(max: Int(Int32.max) * 2, "bbox value") }
                    let runs = try r.itemCount("run count")
                    try r.skipRuns(runs)
                    masks.append(Mask(
                        annotationIndex: annotation, categoryOrdinal: cat == 0 ? nil : cat - 1, source: source,
                        height: height, width: width, area: area, bbox: [], counts: []))
                    continue
                }
                var bbox = [0, 0, 0, 0]
                for k in 0..<4 { bbox[k] = try r.count(max: Int(Int32.max) * 2, "bbox value") }
                let runs = try r.itemCount("run count")
                var counts = [UInt32](repeating: 0, count: runs)
                for i in 0..<runs {
                    if i < 2 {
                        let v = try r.varint()
                        guard v <= UInt64(UInt32.max) else { throw r.fail("run \(i) exceeds 32 bits") }
                        counts[i] = UInt32(v)
                    } else {
                        let (v, overflow) = Int64(counts[i - 2]).addingReportingOverflow(try r.zigzag())
                        guard !overflow, v >= 0, v <= Int64(UInt32.max) else { throw r.fail("run \(i) is outside 0...2^32-1") }
                        counts[i] = UInt32(v)
                    }
                }
                masks.append(Mask(
                    annotationIndex: annotation, categoryOrdinal: cat == 0 ? nil : cat - 1, source: source,
                    height: height, width: width, area: area, bbox: bbox, counts: counts))
            }
            guard r.isAtEnd else { throw r.fail("\(r.remaining) unexpected bytes after the last mask") }
            return ImageMasks(key: key, imageOrdinal: ordinalPlusOne == 0 ? nil : ordinalPlusOne - 1, masks: masks)
        }
    }
}
