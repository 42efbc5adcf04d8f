/// The pycocotools polygon rasteriser (`maskApi.c::rleFrPoly`), rewritten to visit only the points it keeps.
///
/// pycocotools scales vertices by 5, rounds them to integers, walks every edge densely along its major axis in
/// that 5× grid, and keeps a boundary point only where the walk moves to a new x whose pixel-column centre is
/// exactly hit (`x5 ≡ 2 mod 5`). Those points become column-major toggle indices `x·h + y`; sorting them and
/// taking differences yields the RLE. This implementation computes the same kept points directly: on an x-major
/// edge it steps 5 grid columns at a time, on a y-major edge it solves for the step where the rounded x crosses
/// each pixel column. Every kept point is evaluated with the same floating-point expressions as the C code, so
/// the output is bit-identical, while the work is O(columns crossed) per edge and bounded by the image width
/// (pycocotools' is proportional to the edge length in the 5× grid, unbounded for huge coordinates).
enum PolygonRasterizer {
    /// Coordinates are clamped to ±2^40 before scaling so that all arithmetic stays exact and finite.
    ///
    /// pycocotools uses 32-bit ints here and crashes far below this bound, so no valid reference output differs.
    static let coordinateLimit: Double = 1_099_511_627_776

    /// Scales one coordinate into the 5× grid exactly as `(int)(5·c + 0.5)` does in C (truncation toward zero).
    @inline(__always)
    static func scaled(_ c: Double) -> Int {
        let clamped = c < -coordinateLimit ? -coordinateLimit : (c > coordinateLimit ? coordinateLimit : c)
        return Int(5.0 * clamped + 0.5)
    }

    /// Maps a kept 5×-grid y to a pixel row: `ceil(clamp((y + .5) / 5 − .5, 0, h))`, as in C.
    @inline(__always)
    static func row(_ yr: Int, height h: Int) -> Int {
        var yd = (Double(yr) + 0.5) / 5.0 - 0.5
        if yd < 0 { yd = 0 } else if yd > Double(h) { yd = Double(h) }
        return Int(yd.rounded(.up))
    }

    /// Smallest value `>= lo` that is `≡ 2 (mod 5)`.
    @inline(__always)
    static func firstColumnHit(atLeast lo: Int) -> Int {
        let r = (2 - lo) % 5
        return lo + (r < 0 ? r + 5 : r)
    }

    /// Appends the toggle indices of one closed polygon (flat finite `x, y` pairs, at least one point).
    static func appendToggles(_ xy: UnsafeBufferPointer<Double>, height h: Int, width w: Int, into points: inout [Int]) {
        let k = xy.count / 2
        guard k > 0, h > 0, w > 0 else { return }
        let maxHit = 5 * w - 3  // the last x5 that maps to a column inside the image (w − 1)
        var px = scaled(xy[0]), py = scaled(xy[1])
        let firstX = px, firstY = py
        for j in 0..<k {
            let nx: Int, ny: Int
            if j + 1 < k {
                nx = scaled(xy[2 * (j + 1)])
                ny = scaled(xy[2 * (j + 1) + 1])
            } else {
                nx = firstX
                ny = firstY
            }
            defer { px = nx; py = ny }
            var xs = px, ys = py, xe = nx, ye = ny
            let dx = abs(xe - xs), dy = abs(ys - ye)
            if dx == 0 && dy == 0 { continue }
            if dx >= dy {
                // x-major: every step moves one grid column; keep the steps from x5 to x5 + 1 with x5 ≡ 2 (mod 5).
                if xs > xe { swap(&xs, &xe); swap(&ys, &ye) }
                let s = Double(ye - ys) / Double(dx)
                let lo = Swift.max(xs, 2), hi = Swift.min(xe - 1, maxHit)
                if lo > hi { continue }
                let fys = Double(ys)
                var xr = firstColumnHit(atLeast: lo)
                while xr <= hi {
                    let t = xr - xs
                    let v0 = Int(fys + s * Double(t) + 0.5)
                    let v1 = Int(fys + s * Double(t + 1) + 0.5)
                    points.append((xr - 2) / 5 * h + row(Swift.min(v0, v1), height: h))
                    xr += 5
                }
            } else {
                // y-major: x5 = (int)(xs + s·t + .5) changes by at most one per step; find each step that leaves
                // or enters column hit x5 ≡ 2 (mod 5) and keep it with the smaller of its two rows.
                if ys > ye { swap(&xs, &xe); swap(&ys, &ye) }
                if xe == xs { continue }
                let s = Double(xe - xs) / Double(dy)
                let fxs = Double(xs)
                @inline(__always) func u(_ t: Int) -> Int { Int(fxs + s * Double(t) + 0.5) }
                let u0 = u(0), u1 = u(dy)
                if xe > xs {
                    let lo = Swift.max(u0, 2), hi = Swift.min(u1 - 1, maxHit)
                    if lo > hi { continue }
                    var xr = firstColumnHit(atLeast: lo)
                    while xr <= hi {
                        // Smallest t with u(t) >= xr + 1.
                        let target = xr + 1
                        let estimate = ((Double(target) - 0.5 - fxs) / s).rounded(.up)
                        var t = estimate <= 0 ? 0 : (estimate >= Double(dy) ? dy : Int(estimate))
                        while t > 0 && u(t - 1) >= target { t -= 1 }
                        while t <= dy && u(t) < target { t += 1 }
                        if t >= 1 && t <= dy && u(t - 1) == xr {
                            points.append((xr - 2) / 5 * h + row(ys + t - 1, height: h))
                        }
                        xr += 5
                    }
                } else {
                    let lo = Swift.max(u1, 2), hi = Swift.min(u0 - 1, maxHit)
                    if lo > hi { continue }
                    var xr = firstColumnHit(atLeast: lo)
                    while xr <= hi {
                        // Smallest t with u(t) <= xr.
                        let estimate = ((Double(xr) + 0.5 - fxs) / s).rounded(.up)
                        var t = estimate <= 0 ? 0 : (estimate >= Double(dy) ? dy : Int(estimate))
                        while t > 0 && u(t - 1) <= xr { t -= 1 }
                        while t <= dy && u(t) > xr { t += 1 }
                        if t >= 1 && t <= dy && u(t - 1) == xr + 1 {
                            points.append((xr - 2) / 5 * h + row(ys + t - 1, height: h))
                        }
                        xr += 5
                    }
                }
            }
        }
    }

    /// Turns toggle indices into canonical counts for a mask of `pixels` pixels (sorts `points` in place).
    ///
    /// Equal toggles cancel: a zero-length run is merged into its neighbours, as pycocotools does.
    static func counts(fromToggles points: inout [Int], pixels: Int) -> [UInt32] {
        points.append(pixels)
        points.sort()
        var out = [UInt32]()
        out.reserveCapacity(points.count)
        points.withUnsafeBufferPointer { p in
            let k = p.count
            @inline(__always) func run(_ j: Int) -> UInt32 {
                let d = p[j] - (j == 0 ? 0 : p[j - 1])
                return UInt32(truncatingIfNeeded: d)
            }
            out.append(run(0))
            var j = 1
            while j < k {
                let a = run(j)
                if a > 0 {
                    out.append(a)
                    j += 1
                } else {
                    j += 1
                    if j < k {
                        out[out.count - 1] &+= run(j)
                        j += 1
                    }
                }
            }
        }
        return out
    }
}
