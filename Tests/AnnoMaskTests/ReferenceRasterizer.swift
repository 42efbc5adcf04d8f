@testable import AnnoMask

/// A literal, dense re-statement of pycocotools' `rleFrPoly` rules (Specs/masks/rle.md): every point of every
/// edge in the 5× grid, then the kept x-steps, then sort and difference. Slow, but obviously faithful; the fast
/// rasteriser must agree with it on every polygon.
enum ReferenceRasterizer {
    static func rle(_ xy: [Double], _ size: MaskSize) -> [UInt32] {
        let h = size.height, w = size.width, k = xy.count / 2
        var x = (0..<k).map { Int(5 * xy[2 * $0] + 0.5) }
        var y = (0..<k).map { Int(5 * xy[2 * $0 + 1] + 0.5) }
        x.append(x[0]); y.append(y[0])
        var u = [Int](), v = [Int]()
        for j in 0..<k {
            var xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1]
            let dx = abs(xe - xs), dy = abs(ys - ye)
            let flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye)
            if flip { swap(&xs, &xe); swap(&ys, &ye) }
            if dx == 0 && dy == 0 {
                // C computes 0/0 here; the point's v is never used because its u equals its neighbours'.
                u.append(xs); v.append(Int.min); continue
            }
            if dx >= dy {
                let s = Double(ye - ys) / Double(dx)
                for d in 0...dx {
                    let t = flip ? dx - d : d
                    u.append(t + xs); v.append(Int(Double(ys) + s * Double(t) + 0.5))
                }
            } else {
                let s = Double(xe - xs) / Double(dy)
                for d in 0...dy {
                    let t = flip ? dy - d : d
                    v.append(t + ys); u.append(Int(Double(xs) + s * Double(t) + 0.5))
                }
            }
        }
        var points = [Int]()
        for j in 1..<u.count where u[j] != u[j - 1] {
            var xd = Double(u[j] < u[j - 1] ? u[j] : u[j] - 1)
            xd = (xd + 0.5) / 5 - 0.5
            if xd.rounded(.down) != xd || xd < 0 || xd > Double(w - 1) { continue }
            var yd = Double(min(v[j], v[j - 1]))
            yd = (yd + 0.5) / 5 - 0.5
            if yd < 0 { yd = 0 } else if yd > Double(h) { yd = Double(h) }
            yd.round(.up)
            points.append(Int(xd) * h + Int(yd))
        }
        points.append(h * w)
        points.sort()
        var a = [Int](), p = 0
        for t in points { a.append(t - p); p = t }
        var b = [a[0]]
        var j = 1
        while j < a.count {
            if a[j] > 0 { b.append(a[j]); j += 1 } else { j += 1; if j < a.count { b[b.count - 1] += a[j]; j += 1 } }
        }
        return b.map { UInt32($0) }
    }
}
