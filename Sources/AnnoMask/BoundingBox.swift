/// An axis-aligned box `[x, y, width, height]` in pixel-edge coordinates (`[0, 0, 1, 1]` is the first pixel).
public struct BoundingBox: Hashable, Sendable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// Creates a box from its left, top, width and height.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Creates a box from a COCO `[x, y, width, height]` array; nil unless it has exactly 4 numbers.
    public init?(_ xywh: [Double]) {
        guard xywh.count == 4 else { return nil }
        self.init(x: xywh[0], y: xywh[1], width: xywh[2], height: xywh[3])
    }

    /// The box as COCO's `[x, y, width, height]`.
    public var array: [Double] { [x, y, width, height] }

    /// The empty box `[0, 0, 0, 0]`, which pycocotools reports for an empty mask.
    public static let zero = BoundingBox(x: 0, y: 0, width: 0, height: 0)
}

extension BoundingBox {
    /// IoU of a detection box and a ground-truth box, exactly as pycocotools' `bbIou`.
    ///
    /// With `crowd` the denominator is the detection's area instead of the union. Boxes that do not overlap
    /// with positive width and height give 0.
    public static func iou(_ detection: BoundingBox, _ groundTruth: BoundingBox, crowd: Bool) -> Double {
        let d = detection, g = groundTruth
        let da = d.width * d.height
        let ga = g.width * g.height
        let w = Double.minimum(d.width + d.x, g.width + g.x) - Double.maximum(d.x, g.x)
        if w <= 0 { return 0 }
        let h = Double.minimum(d.height + d.y, g.height + g.y) - Double.maximum(d.y, g.y)
        if h <= 0 { return 0 }
        let i = w * h
        let u = crowd ? da : da + ga - i
        return i / u
    }

    /// IoU of every detection against every ground truth, rows = detections, columns = ground truths.
    ///
    /// Throws `crowdCountMismatch` unless there is one crowd flag per ground truth. O(m·n).
    public static func iou(detections: [BoundingBox], groundTruths: [BoundingBox], crowd: [Bool]) throws(MaskError) -> [[Double]] {
        guard crowd.count == groundTruths.count else {
            throw .crowdCountMismatch(groundTruths: groundTruths.count, flags: crowd.count)
        }
        return detections.map { d in
            groundTruths.indices.map { g in iou(d, groundTruths[g], crowd: crowd[g]) }
        }
    }
}

extension BoundingBox: CustomStringConvertible {
    /// `[x, y, width, height]`.
    public var description: String { "[\(x), \(y), \(width), \(height)]" }
}
