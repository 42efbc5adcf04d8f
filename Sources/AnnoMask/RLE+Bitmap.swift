extension RLE {
    /// Encodes a dense mask (pycocotools `encode`): canonical runs, the first one a possibly empty run of 0s.
    ///
    /// O(height·width).
    public init(encoding mask: BinaryMask) {
        let n = mask.bits.count
        var counts = [UInt32]()
        mask.bits.withUnsafeBufferPointer { b in
            var previous: UInt8 = 0
            var start = 0
            for j in 0..<n where b[j] != previous {
                counts.append(UInt32(truncatingIfNeeded: j - start))
                start = j
                previous = b[j]
            }
            counts.append(UInt32(truncatingIfNeeded: n - start))
        }
        self.init(uncheckedSize: mask.size, counts: counts)
    }

    /// Decodes to a dense column-major mask (pycocotools `decode`), filling whole runs at a time.
    ///
    /// O(height·width) memory writes, done as one `memset`-like fill per run.
    public func decoded() -> BinaryMask {
        let n = size.pixels
        let bits = [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
            guard let base = buffer.baseAddress else {
                initialized = 0
                return
            }
            var p = 0
            var value: UInt8 = 0
            counts.withUnsafeBufferPointer { c in
                for run in c {
                    // The counts were validated to sum to n; the clamp keeps even a broken invariant in bounds.
                    let length = Swift.min(Int(run), n - p)
                    (base + p).initialize(repeating: value, count: length)
                    p += length
                    value ^= 1
                }
            }
            if p < n { (base + p).initialize(repeating: 0, count: n - p) }
            initialized = n
        }
        return BinaryMask(uncheckedSize: size, bits: bits)
    }
}
