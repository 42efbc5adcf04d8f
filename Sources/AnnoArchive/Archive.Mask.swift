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
        var payload: [UInt8] { encoded().bytes }

        /// Whether a mask's counts are needed to fill the IR (sources 0 and 1); in version-1.1 files these come first.
        static func holdsStoredCounts(_ m: Mask) -> Bool { m.source != .polygons }

        /// The payload and the byte position where the first source-2 mask starts (the end when there is none).
        func encoded() -> (bytes: [UInt8], polygonsStart: Int) {
            var polygonsStart: Int?
            var w = ByteWriter(capacity: 64 + masks.reduce(0) { $0 + 16 + $1.counts.count * 2 })
            MetadataCodec.writeID(key, &w)
            w.varint(imageOrdinal.map { $0 + 1 } ?? 0)
            w.varint(masks.count)
            for m in masks {
                if polygonsStart == nil && m.source == .polygons { polygonsStart = w.bytes.count }
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
            return (w.bytes, polygonsStart ?? w.bytes.count)
        }

        /// Decodes a `MASK` payload; `annotationCount` bounds the annotation indices.
        /// With `keepPolygonCounts` false, masks rasterised from polygons are checked but keep empty counts and
        /// bounding box (reading a dataset into the IR rebuilds polygons from `META` and never needs them).
        ///
        /// `grouped` (version-1.1 files): masks with stored counts (sources 0 and 1) come first, then rasterised
        /// polygons, each group by ascending annotation index; otherwise all masks ascend by annotation index.
        static func decode(_ r: inout ByteReader, annotationCount: Int, keepPolygonCounts: Bool = true, grouped: Bool = false) throws(PayloadError) -> ImageMasks {
            try decode(&r, annotationCount: annotationCount, keepPolygonCounts: keepPolygonCounts, grouped: grouped, prefix: nil).image
        }

        /// Decodes a `MASK` payload, or with `prefix` = k only its first k masks (the first part of a two-part
        /// record, which must end there); returns the masks decoded and the declared mask count.
        static func decode(
            _ r: inout ByteReader, annotationCount: Int, keepPolygonCounts: Bool, grouped: Bool, prefix: Int?
        ) throws(PayloadError) -> (image: ImageMasks, declared: Int) {
            let key = try MetadataCodec.readID(&r)
            let ordinalPlusOne = try r.count(max: Int(UInt32.max), "image ordinal")
            let n = prefix == nil ? try r.itemCount("mask count", minBytes: 10) : try r.count(max: Int(UInt32.max), "mask count")
            let decoded = min(n, prefix ?? n)
            guard decoded <= r.remaining / 10 else { throw r.fail("\(decoded) masks do not fit in the \(r.remaining) bytes left") }
            var masks: [Mask] = []
            masks.reserveCapacity(decoded)
            var previous = -1
            var inPolygons = false
            for _ in 0..<decoded {
                let annotation = try r.count(max: max(annotationCount - 1, 0), "annotation index")
                let cat = try r.count(max: Int(UInt32.max), "category ordinal")
                let sourceRaw = try r.u8()
                guard let source = Mask.Source(rawValue: sourceRaw) else { throw r.fail("unknown mask source \(sourceRaw)") }
                if grouped && source == .polygons && !inPolygons {
                    inPolygons = true
                    previous = -1
                }
                guard annotation > previous, annotationCount > 0, !(inPolygons && source != .polygons) else {
                    throw r.fail("annotation \(annotation)'s mask is out of order (after annotation \(previous)\(grouped ? ", RLE-sourced masks first" : ""))")
                }
                previous = annotation
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
            return (ImageMasks(key: key, imageOrdinal: ordinalPlusOne == 0 ? nil : ordinalPlusOne - 1, masks: masks), n)
        }
    }
}
