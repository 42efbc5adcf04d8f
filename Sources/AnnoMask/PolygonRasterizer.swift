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

    /// Maps a kept 5×-grid y to a pixel row: C's `ceil(clamp((y + .5) / 5 − .5, 0, h))`, in integers.
    ///
    /// `(y + .5) / 5 − .5` is exactly `(y − 2) / 5`, a multiple of 0.2; when it is an integer the C division is
    /// exact, otherwise it is at least 0.2 away from one, so the ceiling is `⌈(y − 2) / 5⌉` for every |y| < 2^45.
    @inline(__always)
    static func row(_ yr: Int, height h: Int) -> Int {
        yr <= 2 ? 0 : Swift.min((yr + 2) / 5, h)
    }

    /// Smallest value `>= lo` that is `≡ 2 (mod 5)`.
    @inline(__always)
    static func firstColumnHit(atLeast lo: Int) -> Int {
        let r = (2 - lo) % 5
        return lo + (r < 0 ? r + 5 : r)
    }

    /// The toggles of one closed polygon (flat finite `x, y` pairs) as keys `column << 32 | row`.
    static func toggles(_ xy: UnsafeBufferPointer<Double>, height h: Int, width w: Int) -> [Int] {
        let capacity = toggleBound(xy, width: w)
        return [Int](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = writeToggles(xy, height: h, width: w, into: buffer)
        }
    }

    /// An upper bound on the toggles of a polygon: per edge, the pixel columns its x-range covers, plus slack.
    static func toggleBound(_ xy: UnsafeBufferPointer<Double>, width w: Int) -> Int {
        let k = xy.count / 2
        guard k > 0, w > 0 else { return 0 }
        let limit = 5 * w
        var total = 0
        var px = scaled(xy[0])
        let firstX = px
        for j in 0..<k {
            let nx = j + 1 < k ? scaled(xy[2 * (j + 1)]) : firstX
            let lo = Swift.max(Swift.min(px, nx), 0), hi = Swift.min(Swift.max(px, nx), limit)
            if hi >= lo { total += (hi - lo) / 5 + 3 }
            px = nx
        }
        return total
    }

    /// Writes the toggles of one closed polygon into `out` (never past its end) and returns how many.
    static func writeToggles(_ xy: UnsafeBufferPointer<Double>, height h: Int, width w: Int,
                             into out: UnsafeMutableBufferPointer<Int>) -> Int {
        let k = xy.count / 2
        guard k > 0, h > 0, w > 0 else { return 0 }
        var n = 0
        let capacity = out.count
        @inline(__always) func emit(_ key: Int) {
            if n < capacity {  // always true: `toggleBound` counts every column an edge can hit
                out[n] = key
                n += 1
            }
        }
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
                    emit(((xr - 2) / 5) << 32 | row(Swift.min(v0, v1), height: h))
                    xr += 5
                }
            } else {
                // y-major: x5 = (int)(xs + s·t + .5) changes by at most one per step; find each step that leaves
                // or enters column hit x5 ≡ 2 (mod 5) and keep it with the smaller of its two rows.
                if ys > ye { swap(&xs, &xe); swap(&ys, &ye) }
                if xe == xs { continue }
                let s = Double(xe - xs) / Double(dy)
                let fxs = Double(xs)
                let inverse = 1 / s, fdy = Double(dy)
                @inline(__always) func u(_ t: Int) -> Int { Int(fxs + s * Double(t) + 0.5) }
                // A starting guess for a step index, clamped to 0...dy; the exact search below corrects it.
                @inline(__always) func guess(_ e: Double) -> Int { e <= 0 ? 0 : (e >= fdy ? dy : Int(e) + 1) }
                let u0 = u(0), u1 = u(dy)
                if xe > xs {
                    let lo = Swift.max(u0, 2), hi = Swift.min(u1 - 1, maxHit)
                    if lo > hi { continue }
                    var xr = firstColumnHit(atLeast: lo)
                    while xr <= hi {
                        // Smallest t with u(t) >= xr + 1.
                        let target = xr + 1
                        var t = guess((Double(target) - 0.5 - fxs) * inverse)
                        while t > 0 && u(t - 1) >= target { t -= 1 }
                        while t <= dy && u(t) < target { t += 1 }
                        if t >= 1 && t <= dy && u(t - 1) == xr {
                            emit(((xr - 2) / 5) << 32 | row(ys + t - 1, height: h))
                        }
                        xr += 5
                    }
                } else {
                    let lo = Swift.max(u1, 2), hi = Swift.min(u0 - 1, maxHit)
                    if lo > hi { continue }
                    var xr = firstColumnHit(atLeast: lo)
                    while xr <= hi {
                        // Smallest t with u(t) <= xr.
                        var t = guess((Double(xr) + 0.5 - fxs) * inverse)
                        while t > 0 && u(t - 1) <= xr { t -= 1 }
                        while t <= dy && u(t) > xr { t += 1 }
                        if t >= 1 && t <= dy && u(t - 1) == xr + 1 {
                            emit(((xr - 2) / 5) << 32 | row(ys + t - 1, height: h))
                        }
                        xr += 5
                    }
                }
            }
        }
        return n
    }

    /// Turns toggle keys (`column << 32 | row`, row ≤ h) into canonical counts for an h-row mask of `pixels`.
    ///
    /// The keys are sorted by a counting sort over columns (a closed polygon hits every column it spans, so
    /// this is O(toggles)) and an insertion sort within each column. Equal toggles cancel: a zero-length run
    /// is merged into its neighbours, as pycocotools does.
    static func counts(fromToggles points: inout [Int], height h: Int, pixels: Int) -> [UInt32] {
        let n = points.count
        if n == 0 { return [UInt32(truncatingIfNeeded: pixels)] }
        var sorted = [Int](repeating: 0, count: n)
        points.withUnsafeBufferPointer { p in
            sorted.withUnsafeMutableBufferPointer { o in
                var lo = Int.max, hi = Int.min
                for key in p {
                    let c = key >> 32
                    if c < lo { lo = c }
                    if c > hi { hi = c }
                }
                let span = hi - lo + 1
                if span > 4 * n + 64 {
                    // Not from one polygon (cannot happen for rasterised polygons); sort directly.
                    for i in 0..<n { o[i] = p[i] }
                    o[0..<n].sort()
                } else {
                    var start = [Int](repeating: 0, count: span + 1)
                    start.withUnsafeMutableBufferPointer { st in
                        for key in p { st[(key >> 32) - lo + 1] += 1 }
                        for c in 0..<span { st[c + 1] += st[c] }
                        for key in p {
                            let c = (key >> 32) - lo
                            o[st[c]] = key
                            st[c] += 1
                        }
                    }
                    // Within a column the rows are few and usually nearly ordered: insertion sort.
                    var i = 1
                    while i < n {
                        let key = o[i]
                        var j = i - 1
                        if o[j] > key {
                            while j >= 0 && o[j] > key {
                                o[j + 1] = o[j]
                                j -= 1
                            }
                            o[j + 1] = key
                        }
                        i += 1
                    }
                }
            }
        }
        // Differences of the sorted flat indices (with h·w appended) are the runs; equal toggles cancel.
        return [UInt32](unsafeUninitializedCapacity: n + 1) { out, written in
            sorted.withUnsafeBufferPointer { o in
                @inline(__always) func flat(_ j: Int) -> Int {
                    j == n ? pixels : (o[j] >> 32) * h + (o[j] & 0xFFFF_FFFF)
                }
                var previous = flat(0)
                out[0] = UInt32(truncatingIfNeeded: previous)
                var m = 1
                var j = 1
                while j <= n {
                    let current = flat(j)
                    let a = current - previous
                    previous = current
                    j += 1
                    if a > 0 {
                        out[m] = UInt32(truncatingIfNeeded: a)
                        m += 1
                    } else if j <= n {
                        let next = flat(j)
                        out[m - 1] &+= UInt32(truncatingIfNeeded: next - previous)
                        previous = next
                        j += 1
                    }
                }
                written = m
            }
        }
    }
}
