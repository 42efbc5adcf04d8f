extension RLE {
    /// The tight pixel box `[x, y, width, height]` of the set pixels, as pycocotools' `toBbox`; O(runs).
    ///
    /// A run of 1s that continues from one column into the next covers the bottom of one and the top of the
    /// other, so the box spans the full height. An empty mask (or a zero-sized one) gives `[0, 0, 0, 0]`.
    /// Unlike pycocotools, zero-length runs inside `counts` do not distort the box (cocoapi PR #477).
    public var boundingBox: BoundingBox {
        let h = size.height
        guard h > 0, size.width > 0 else { return .zero }
        var xs = Int.max, ys = Int.max, xe = -1, ye = -1
        counts.withUnsafeBufferPointer { c in
            var position = 0
            var j = 0
            while j < c.count {
                let length = Int(c[j])
                if j & 1 == 1 && length > 0 {
                    let start = position, end = position + length - 1
                    let x0 = start / h, y0 = start - x0 * h
                    let x1 = end / h, y1 = end - x1 * h
                    if x0 < xs { xs = x0 }
                    if x1 > xe { xe = x1 }
                    if x1 > x0 {
                        ys = 0
                        ye = h - 1
                    } else {
                        if y0 < ys { ys = y0 }
                        if y1 > ye { ye = y1 }
                    }
                }
                position += length
                j += 1
            }
        }
        guard xe >= 0 else { return .zero }
        return BoundingBox(x: Double(xs), y: Double(ys), width: Double(xe - xs + 1), height: Double(ye - ys + 1))
    }
}
