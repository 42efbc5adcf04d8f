extension RLE {
    /// The union of masks of one size (pycocotools `merge(…, intersect=False)`); O(total runs × masks).
    ///
    /// A single mask is returned unchanged; the result of two or more is canonical.
    /// Throws `emptyInput` for no masks and `sizeMismatch` when sizes differ.
    public static func union(_ masks: [RLE]) throws(MaskError) -> RLE {
        try combine(masks, intersect: false)
    }

    /// The intersection of masks of one size (pycocotools `merge(…, intersect=True)`); O(total runs × masks).
    ///
    /// A single mask is returned unchanged; the result of two or more is canonical.
    /// Throws `emptyInput` for no masks and `sizeMismatch` when sizes differ.
    public static func intersection(_ masks: [RLE]) throws(MaskError) -> RLE {
        try combine(masks, intersect: true)
    }

    /// Folds the masks pairwise with one run walk each.
    static func combine(_ masks: [RLE], intersect: Bool) throws(MaskError) -> RLE {
        guard let first = masks.first else { throw .emptyInput }
        for m in masks.dropFirst() where m.size != first.size { throw .sizeMismatch }
        if masks.count == 1 { return first }
        var accumulated = first.counts
        var scratch = [UInt32]()
        for m in masks.dropFirst() {
            scratch.removeAll(keepingCapacity: true)
            merge(accumulated, m.counts, pixels: first.size.pixels, intersect: intersect, into: &scratch)
            swap(&accumulated, &scratch)
        }
        return RLE(uncheckedSize: first.size, counts: accumulated)
    }

    /// Walks two run lists in step and appends the canonical runs of their union or intersection to `out`.
    static func merge(_ a: [UInt32], _ b: [UInt32], pixels: Int, intersect: Bool, into out: inout [UInt32]) {
        out.reserveCapacity(a.count + b.count)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var ia = 0, ib = 0
                var ra = a.isEmpty ? 0 : Int(a[0]), rb = b.isEmpty ? 0 : Int(b[0])
                var va = false, vb = false
                var current = false
                var accumulated = 0
                var position = 0
                while position < pixels {
                    while ra == 0 && ia + 1 < a.count { ia += 1; ra = Int(a[ia]); va.toggle() }
                    while rb == 0 && ib + 1 < b.count { ib += 1; rb = Int(b[ib]); vb.toggle() }
                    let step = Swift.min(ra, rb)
                    if step == 0 { break }  // only reachable if a count invariant was broken
                    let v = intersect ? (va && vb) : (va || vb)
                    if v != current {
                        out.append(UInt32(truncatingIfNeeded: accumulated))
                        accumulated = 0
                        current = v
                    }
                    accumulated += step
                    ra -= step
                    rb -= step
                    position += step
                }
                out.append(UInt32(truncatingIfNeeded: accumulated))
            }
        }
    }

    /// Number of pixels set in both masks, by one run walk; the masks must have the same pixel count.
    static func intersectionArea(_ a: [UInt32], _ b: [UInt32], pixels: Int) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var ia = 0, ib = 0
                var ra = a.isEmpty ? 0 : Int(a[0]), rb = b.isEmpty ? 0 : Int(b[0])
                var va = false, vb = false
                var inter = 0
                var position = 0
                while position < pixels {
                    while ra == 0 && ia + 1 < a.count { ia += 1; ra = Int(a[ia]); va.toggle() }
                    while rb == 0 && ib + 1 < b.count { ib += 1; rb = Int(b[ib]); vb.toggle() }
                    let step = Swift.min(ra, rb)
                    if step == 0 { break }
                    if va && vb { inter += step }
                    ra -= step
                    rb -= step
                    position += step
                }
                return inter
            }
        }
    }
}
