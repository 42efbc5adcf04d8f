import AnnoCore
import AnnoMask

/// Box arithmetic shared by the geometry rules.
enum BoxMath {
    /// The annotation's declared box when all four values are finite and width and height are positive.
    static func usableBox(_ a: Annotation) -> BoundingBox? {
        guard let v = a.bbox?.doubles, v.allSatisfy(\.isFinite), v[2] > 0, v[3] > 0 else { return nil }
        return BoundingBox(x: v[0], y: v[1], width: v[2], height: v[3])
    }

    /// The largest distance between corresponding edges of two boxes (left, top, right, bottom).
    static func edgeDistance(_ a: BoundingBox, _ b: BoundingBox) -> Double {
        max(abs(a.x - b.x), abs(a.y - b.y), abs((a.x + a.width) - (b.x + b.width)), abs((a.y + a.height) - (b.y + b.height)))
    }

    /// `[x, y, w, h]` as message text.
    static func text(_ b: BoundingBox) -> String { Text.box([b.x, b.y, b.width, b.height]) }

    /// The number of mask pixels whose centres lie outside `box` (pixel (x, y) is inside when
    /// `box.x <= x + 0.5 <= box.x + box.width`, and the same for y). O(runs + columns spanned).
    static func pixelsOutside(_ rle: RLE, _ box: BoundingBox) -> Int {
        let h = rle.size.height
        guard h > 0 else { return 0 }
        // Inclusive pixel ranges whose centres are inside the box.
        let cx0 = Int((box.x - 0.5).rounded(.up)), cx1 = Int((box.x + box.width - 0.5).rounded(.down))
        let ry0 = max(0, Int((box.y - 0.5).rounded(.up))), ry1 = min(h - 1, Int((box.y + box.height - 0.5).rounded(.down)))
        var inside = 0, total = 0
        var pos = 0
        var one = false
        for c in rle.counts {
            let n = Int(c)
            if one && n > 0 {
                total += n
                let start = pos, end = pos + n - 1
                var col = start / h
                let lastCol = end / h
                while col <= lastCol {
                    if col >= cx0 && col <= cx1 && ry0 <= ry1 {
                        let r0 = col == start / h ? start % h : 0
                        let r1 = col == lastCol ? end % h : h - 1
                        let lo = max(r0, ry0), hi = min(r1, ry1)
                        if hi >= lo { inside += hi - lo + 1 }
                    }
                    col += 1
                }
            }
            pos += n
            one.toggle()
        }
        return total - inside
    }
}
