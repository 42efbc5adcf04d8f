extension RLE {
    /// Rasterises one polygon exactly as pycocotools' `frPyObjects`/`rleFrPoly`: a pixel is set iff its centre
    /// lies inside (with pycocotools' 5× sub-pixel rounding deciding centres on the boundary).
    ///
    /// `polygon` is a flat `[x1, y1, x2, y2, ...]` list in pixel-edge coordinates, implicitly closed.
    /// Throws `oddCoordinateCount`, `tooFewPoints` (under 3 points), `nonFiniteCoordinate`, or a size error.
    /// Coordinates beyond ±2^40 are clamped. O(vertices + pixel columns crossed by the edges), never
    /// proportional to coordinate magnitude.
    public init(polygon: [Double], size: MaskSize) throws(MaskError) {
        let pixels = try size.validate()
        try RLE.validatePolygon(polygon)
        var points = polygon.withUnsafeBufferPointer { xy in
            PolygonRasterizer.toggles(xy, height: size.height, width: size.width)
        }
        self.init(uncheckedSize: size, counts: PolygonRasterizer.counts(fromToggles: &points, height: size.height, pixels: pixels))
    }

    /// Rasterises the union of several polygons (one object in several parts), as pycocotools' `annToRLE`.
    ///
    /// An empty list gives an empty mask. Throws the first part's error, if any (see `init(polygon:size:)`).
    public init(polygons: [[Double]], size: MaskSize) throws(MaskError) {
        try size.validate()
        switch polygons.count {
        case 0:
            self = try RLE(empty: size)
        case 1:
            self = try RLE(polygon: polygons[0], size: size)
        default:
            var parts = [RLE]()
            parts.reserveCapacity(polygons.count)
            for p in polygons { parts.append(try RLE(polygon: p, size: size)) }
            self = try RLE.union(parts)
        }
    }

    /// Rasterises a box exactly as pycocotools' `frBbox`: the polygon `[x, y, x, y+h, x+w, y+h, x+w, y]`.
    ///
    /// Never throws: a box with a NaN gives an empty mask, infinite edges are clamped, and an invalid `size`
    /// (negative, overflowing or over `MaskSize.maxPixels`) gives the empty 0×0 mask. O(box width in pixels).
    public init(box: BoundingBox, size: MaskSize) {
        guard let pixels = try? size.validate() else {
            self.init(uncheckedSize: MaskSize(height: 0, width: 0), counts: [0])
            return
        }
        let xs = box.x, ys = box.y
        let xe = xs + box.width, ye = ys + box.height
        let xy = [xs, ys, xs, ye, xe, ye, xe, ys]
        var points = [Int]()
        if !xy.contains(where: { $0.isNaN }) {
            points = xy.withUnsafeBufferPointer { b in
                PolygonRasterizer.toggles(b, height: size.height, width: size.width)
            }
        }
        self.init(uncheckedSize: size, counts: PolygonRasterizer.counts(fromToggles: &points, height: size.height, pixels: pixels))
    }

    /// Checks a flat polygon: even count, at least 3 points, all finite.
    static func validatePolygon(_ polygon: [Double]) throws(MaskError) {
        guard polygon.count % 2 == 0 else { throw .oddCoordinateCount(polygon.count) }
        guard polygon.count >= 6 else { throw .tooFewPoints(polygon.count / 2) }
        for (i, c) in polygon.enumerated() where !c.isFinite { throw .nonFiniteCoordinate(index: i) }
    }
}
