extension MaskUpgrade {
    /// The ellipse inscribed in `box`, rasterised on an image of `size`: pixel (x, y) is set iff its centre
    /// (x + 0.5, y + 0.5) satisfies ((x + 0.5 − cx) / rx)² + ((y + 0.5 − cy) / ry)² ≤ 1, where (cx, cy) is the
    /// box's centre and rx, ry are half its width and height. Pixels outside the image are cut off.
    ///
    /// Deterministic and symmetric about the box's centre for boxes with integer or half-integer edges. A box
    /// with a non-positive or non-finite side, or an invalid size, gives an empty mask. O(box width) runs.
    public static func ellipse(in box: BoundingBox, size: MaskSize) -> RLE {
        let empty = RLE.emptyMask(size)
        guard let pixels = try? size.validate(), pixels > 0 else { return empty }
        guard box.x.isFinite, box.y.isFinite, box.width.isFinite, box.height.isFinite, box.width > 0, box.height > 0
        else { return empty }
        let rx = box.width / 2, ry = box.height / 2
        let cx = box.x + rx, cy = box.y + ry
        let h = size.height
        let firstColumn = clamp((box.x - 0.5).rounded(.down), 0, size.width - 1)
        let lastColumn = clamp((box.x + box.width).rounded(.up), 0, size.width - 1)
        guard box.x < Double(size.width), box.x + box.width > 0 else { return empty }
        guard firstColumn <= lastColumn else { return empty }
        var counts: [UInt32] = []
        var end = 0  // column-major index one past the last set pixel so far
        for x in firstColumn...lastColumn {
            let dx = (Double(x) + 0.5 - cx) / rx
            let t = 1 - dx * dx
            guard t >= 0 else { continue }
            let half = ry * t.squareRoot()
            let topEdge = (cy - half - 0.5).rounded(.up), bottomEdge = (cy + half - 0.5).rounded(.down)
            guard topEdge <= bottomEdge, bottomEdge >= 0, topEdge <= Double(h - 1) else { continue }
            let top = clamp(topEdge, 0, h - 1), bottom = clamp(bottomEdge, 0, h - 1)
            let start = x * h + top, stop = x * h + bottom + 1
            if !counts.isEmpty && start == end {
                counts[counts.count - 1] += UInt32(stop - start)
            } else {
                counts.append(UInt32(start - end))
                counts.append(UInt32(stop - start))
            }
            end = stop
        }
        guard !counts.isEmpty else { return empty }
        if pixels > end { counts.append(UInt32(pixels - end)) }
        return (try? RLE(size: size, counts: counts)) ?? empty
    }
}

/// `value` clamped to `low...high` and converted to `Int` (never traps on huge or infinite values).
private func clamp(_ value: Double, _ low: Int, _ high: Int) -> Int {
    if value <= Double(low) { return low }
    if value >= Double(high) { return high }
    return Int(value)
}

extension RLE {
    /// An all-zero mask of `size`, or the 0×0 mask when `size` is invalid.
    static func emptyMask(_ size: MaskSize) -> RLE {
        if let mask = try? RLE(empty: size) { return mask }
        return RLE(box: .zero, size: MaskSize(height: 0, width: 0))
    }
}
