extension RLE {
    /// Intersection over union of a detection `a` and a ground truth `b`, as pycocotools' `iou`; O(runs).
    ///
    /// With `crowd` (the ground truth is a crowd region) the denominator is `area(a)`, so a detection may match
    /// any part of the crowd. Disjoint masks give 0. Throws `sizeMismatch` (pycocotools silently returns −1).
    public static func iou(_ a: RLE, _ b: RLE, crowd: Bool) throws(MaskError) -> Double {
        guard a.size == b.size else { throw .sizeMismatch }
        return iouUnchecked(a, b, areaA: a.area, areaB: b.area, crowd: crowd)
    }

    /// IoU of every detection against every ground truth: rows are detections, columns ground truths.
    ///
    /// `crowd[g]` flags ground truth `g` as a crowd. Pairs whose bounding boxes do not overlap are skipped,
    /// as in pycocotools. Throws `crowdCountMismatch` or `sizeMismatch` (all masks must share one size).
    /// O(m·n·runs) worst case.
    public static func iou(detections: [RLE], groundTruths: [RLE], crowd: [Bool]) throws(MaskError) -> [[Double]] {
        guard crowd.count == groundTruths.count else {
            throw .crowdCountMismatch(groundTruths: groundTruths.count, flags: crowd.count)
        }
        if let size = detections.first?.size ?? groundTruths.first?.size {
            for m in detections where m.size != size { throw .sizeMismatch }
            for m in groundTruths where m.size != size { throw .sizeMismatch }
        }
        let dBoxes = detections.map(\.boundingBox), gBoxes = groundTruths.map(\.boundingBox)
        let dAreas = detections.map(\.area), gAreas = groundTruths.map(\.area)
        var out = [[Double]]()
        out.reserveCapacity(detections.count)
        for d in detections.indices {
            var row = [Double](repeating: 0, count: groundTruths.count)
            for g in groundTruths.indices where BoundingBox.iou(dBoxes[d], gBoxes[g], crowd: crowd[g]) > 0 {
                row[g] = iouUnchecked(detections[d], groundTruths[g], areaA: dAreas[d], areaB: gAreas[g], crowd: crowd[g])
            }
            out.append(row)
        }
        return out
    }

    /// The IoU of two same-sized masks whose areas are known.
    static func iouUnchecked(_ a: RLE, _ b: RLE, areaA: Int, areaB: Int, crowd: Bool) -> Double {
        let inter = intersectionArea(a.counts, b.counts, pixels: a.size.pixels)
        if inter == 0 { return 0 }
        let union = crowd ? areaA : areaA + areaB - inter
        return Double(inter) / Double(union)
    }
}
