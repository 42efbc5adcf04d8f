extension RLE {
    /// The ellipse inscribed in `box`: a pixel is set iff its centre lies inside or on the ellipse.
    ///
    /// The ellipse has centre `(x + w/2, y + h/2)` and semi-axes `w/2`, `h/2`; pixel `(px, py)` is set iff
    /// `((px + ½ − cx) / (w/2))² + ((py + ½ − cy) / (h/2))² ≤ 1`, evaluated in `Double`. Never throws: a box
    /// that is not finite or has no positive width and height gives an empty mask, and an invalid `size` gives
    /// the empty 0×0 mask (as `init(box:size:)`). O(columns of the box inside the image).
    public init(ellipseIn box: BoundingBox, size: MaskSize) {
        guard let pixels = try? size.validate() else {
            self.init(uncheckedSize: MaskSize(height: 0, width: 0), counts: [0])
            return
        }
        let h = size.height, w = size.width
        var points = [Int]()
        let a = box.width / 2, b = box.height / 2
        let cx = box.x + a, cy = box.y + b
        if a > 0, b > 0, a.isFinite, b.isFinite, cx.isFinite, cy.isFinite, h > 0, w > 0 {
            @inline(__always) func inside(_ px: Int, _ py: Int) -> Bool {
                let dx = (Double(px) + 0.5 - cx) / a, dy = (Double(py) + 0.5 - cy) / b
                return dx * dx + dy * dy <= 1
            }
            let firstColumn = Swift.max(0, (box.x - 1).rounded(.down))
            let lastColumn = Swift.min(Double(w - 1), (box.x + box.width).rounded(.up))
            if firstColumn <= lastColumn {
                for px in Int(firstColumn)...Int(lastColumn) {
                    let dx = (Double(px) + 0.5 - cx) / a
                    let r = 1 - dx * dx
                    if r < 0 { continue }
                    let half = b * r.squareRoot()
                    // Start from the closed-form row range, then settle the boundary rows with the exact test.
                    var y0 = Int(Swift.min(Swift.max((cy - half - 0.5).rounded(.up), -1), Double(h)))
                    var y1 = Int(Swift.min(Swift.max((cy + half - 0.5).rounded(.down), -1), Double(h)))
                    y0 = Swift.max(y0, 0)
                    y1 = Swift.min(y1, h - 1)
                    while y0 > 0 && inside(px, y0 - 1) { y0 -= 1 }
                    while y0 <= y1 && !inside(px, y0) { y0 += 1 }
                    while y1 < h - 1 && inside(px, y1 + 1) { y1 += 1 }
                    while y1 >= y0 && !inside(px, y1) { y1 -= 1 }
                    if y0 > y1 { continue }
                    points.append(px << 32 | y0)
                    points.append(px << 32 | (y1 + 1))
                }
            }
        }
        self.init(uncheckedSize: size, counts: PolygonRasterizer.counts(fromToggles: &points, height: h, pixels: pixels))
    }
}
