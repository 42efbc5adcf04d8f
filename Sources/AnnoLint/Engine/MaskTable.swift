import AnnoCore
import AnnoMask

/// What the mask table knows about one annotation's shape.
enum MaskEntry: Sendable {
    /// The annotation has no segmentation.
    case none
    /// The mask, rasterised or decoded, with facts rules share.
    case mask(MaskFacts)
    /// The RLE could not be decoded (bad counts or string); the message says why.
    case unreadable(String)
}

/// The figures several rules need about one mask, computed once. The mask itself is not kept (it would double the
/// memory of a large dataset); `MaskTable.rle(_:in:)` rebuilds it for the few rules that compare masks.
struct MaskFacts: Sendable {
    /// The size the mask was rasterised or decoded at.
    var size: MaskSize
    /// Mask pixels whose centres lie outside the annotation's declared box (nil without a usable box).
    var pixelsOutsideBox: Int?
    /// Mask pixels.
    var area: Int
    /// The tight pixel box `[x, y, w, h]` (pycocotools `toBbox`), zero for an empty mask.
    var tightBox: BoundingBox
    /// For polygons: the extent of the valid polygons' vertices `[x, y, w, h]`.
    var polygonExtent: BoundingBox?
    /// For polygons: the sum of the valid polygons' shoelace areas.
    var polygonArea: Double?
    /// True when some polygons were invalid and left out of the raster (AK108 reports them).
    var droppedPolygons: Bool
    /// True when the mask was rasterised at a size guessed from the polygon, because the image size is unknown.
    var sizeGuessed: Bool
}

/// Each annotation's mask, rasterised once per lint run (in parallel) and shared by the geometry rules.
///
/// A table built by a `LintStream` describes annotations whose polygon and run-length values were dropped after
/// their facts were taken: it then also holds the AK108 findings, and rebuilds a mask by reading its annotation
/// again (`reload`).
struct MaskTable: Sendable {
    /// One entry per annotation, in file order (empty when no selected rule needs masks).
    let entries: [MaskEntry]
    /// For streamed annotations: the polygon problems (AK108) by annotation index; nil when the annotations
    /// still hold their values and the problems are found on demand.
    let polygonProblems: [Int: [String]]?
    /// For streamed annotations: reads an annotation's shape again (nil when it cannot).
    let reload: (@Sendable (Annotation) -> Annotation?)?

    /// A table with no masks, for runs where no rule needs them.
    static let empty = MaskTable(entries: [])

    /// A table of entries taken while annotations streamed (see `LintStream`).
    init(entries: [MaskEntry], polygonProblems: [Int: [String]]? = nil, reload: (@Sendable (Annotation) -> Annotation?)? = nil) {
        self.entries = entries
        self.polygonProblems = polygonProblems
        self.reload = reload
    }

    /// Rasterises every annotation's segmentation, chunked across cores. O(annotations × mask work).
    init(_ context: RuleContext) {
        let annotations = context.dataset.annotations
        let images = context.dataset.images
        self.polygonProblems = nil
        self.reload = nil
        self.entries = Parallel.map(count: annotations.count, minimumChunk: 128) { range in
            range.map { i in
                // Read the size in place: copying every Image per annotation shows in profiles.
                let imageIndex = context.imageIndex[annotations[i].imageID]
                let size = imageIndex.map { (images[$0].height ?? 0, images[$0].width ?? 0) } ?? (0, 0)
                return MaskTable.entry(for: annotations[i], height: size.0, width: size.1)
            }
        }
    }

    /// The entry for annotation `index` (`.none` when the table is empty).
    subscript(index: Int) -> MaskEntry { index < entries.count ? entries[index] : .none }

    /// The facts for annotation `index` when it has a readable mask.
    func facts(_ index: Int) -> MaskFacts? {
        if case .mask(let f) = self[index] { return f }
        return nil
    }

    /// Builds one entry.
    static func entry(for annotation: Annotation, image: Image?) -> MaskEntry {
        entry(for: annotation, height: image?.height ?? 0, width: image?.width ?? 0)
    }

    /// Builds one entry for an annotation on an image of `height × width` (0 when unknown).
    static func entry(for annotation: Annotation, height imageHeight: Int, width imageWidth: Int) -> MaskEntry {
        build(for: annotation, height: imageHeight, width: imageWidth).entry
    }

    /// Rebuilds the mask of annotation `index` (the same raster as its entry), or nil when it has none.
    func rle(_ index: Int, in context: LintContext) -> RLE? {
        guard let facts = facts(index) else { return nil }
        var annotation = context.annotations[index]
        // A stream drops values only where it can read them again (`origin.span`); others kept theirs.
        if let reload, annotation.origin.span != nil {
            guard let full = reload(annotation) else { return nil }
            annotation = full
        }
        return MaskTable.build(for: annotation, height: facts.size.height, width: facts.size.width).rle
    }

    /// Why the polygons of annotation `index` cannot be rasterised (one message per bad polygon), or empty.
    func polygonProblems(_ index: Int, in context: LintContext) -> [String] {
        if let polygonProblems { return polygonProblems[index] ?? [] }
        return PolygonCheck.problems(context.annotations[index])
    }

    /// The entry and, when there is one, the mask it describes.
    static func build(for annotation: Annotation, height imageHeight: Int, width imageWidth: Int) -> (entry: MaskEntry, rle: RLE?) {
        func facts(_ rle: RLE, extent: BoundingBox?, polygonArea: Double?, dropped: Bool, guessed: Bool) -> (entry: MaskEntry, rle: RLE?) {
            let outside = BoxMath.usableBox(annotation).map { BoxMath.pixelsOutside(rle, $0) }
            return (.mask(MaskFacts(
                size: rle.size, pixelsOutsideBox: outside, area: rle.area, tightBox: rle.boundingBox, polygonExtent: extent,
                polygonArea: polygonArea, droppedPolygons: dropped, sizeGuessed: guessed)), rle)
        }
        switch annotation.segmentation {
        case .none:
            return (.none, nil)
        case .rle(let data):
            do {
                return facts(try data.rle(), extent: nil, polygonArea: nil, dropped: false, guessed: false)
            } catch {
                return (.unreadable(String(describing: error)), nil)
            }
        case .polygons(let set) where set.polygons.isEmpty:
            return (.none, nil)
        case .polygons(let set):
            // One pass per polygon: the same validity rules as PolygonCheck.problem, with each area computed once.
            var valid: [[Double]] = []
            valid.reserveCapacity(set.polygons.count)
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            var shoelace = 0.0
            for p in set.polygons {
                guard p.count % 2 == 0, p.count >= 6, !p.contains(where: { !$0.isFinite }) else { continue }
                let area = PolygonCheck.area(p)
                guard area != 0 else { continue }
                valid.append(p)
                shoelace += area
                var i = 0
                while i + 1 < p.count {
                    minX = min(minX, p[i]); maxX = max(maxX, p[i])
                    minY = min(minY, p[i + 1]); maxY = max(maxY, p[i + 1])
                    i += 2
                }
            }
            let dropped = valid.count != set.polygons.count
            var height = imageHeight, width = imageWidth
            var guessed = false
            if height <= 0 || width <= 0 {
                guard maxX.isFinite, maxY.isFinite, maxX < 1e6, maxY < 1e6 else { return (.none, nil) }
                height = max(1, Int(maxY.rounded(.up)) + 1)
                width = max(1, Int(maxX.rounded(.up)) + 1)
                guessed = true
            }
            do {
                let size = MaskSize(height: height, width: width)
                let rle = valid.isEmpty ? try RLE(empty: size) : try RLE(polygons: valid, size: size)
                let extent = valid.isEmpty ? nil : BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
                return facts(rle, extent: extent, polygonArea: valid.isEmpty ? nil : shoelace, dropped: dropped, guessed: guessed)
            } catch {
                return (.unreadable(String(describing: error)), nil)
            }
        }
    }
}

/// Structural checks on one flat polygon `[x1, y1, x2, y2, ...]`, shared by AK108 and the mask table.
enum PolygonCheck {
    /// One message per polygon of `annotation` that cannot be rasterised (AK108's wording), in polygon order.
    static func problems(_ annotation: Annotation) -> [String] {
        guard case .polygons(let set) = annotation.segmentation else { return [] }
        var problems: [String] = []
        for (k, p) in set.polygons.enumerated() {
            if let problem = problem(p) {
                problems.append(set.polygons.count == 1 ? "the polygon \(problem)" : "polygon \(k + 1) of \(set.polygons.count) \(problem)")
            }
        }
        return problems
    }

    /// Why the polygon cannot be rasterised, or nil when it is fine.
    static func problem(_ p: [Double]) -> String? {
        if p.count % 2 != 0 { return "has an odd number of values (\(p.count))" }
        if p.count < 6 { return "has \(p.count) values; a polygon needs at least 3 points (6 values)" }
        if p.contains(where: { !$0.isFinite }) { return "has a non-finite coordinate" }
        if area(p) == 0 { return "has zero area (its points are collinear or repeated)" }
        return nil
    }

    /// The shoelace area of a flat polygon (absolute value).
    static func area(_ p: [Double]) -> Double {
        let n = p.count / 2
        guard n >= 3 else { return 0 }
        var s = 0.0
        for i in 0..<n {
            let j = (i + 1) % n
            s += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1]
        }
        return abs(s) / 2
    }
}
