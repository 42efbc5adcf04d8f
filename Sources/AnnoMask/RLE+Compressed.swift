extension RLE {
    /// The compressed counts string, byte for byte what pycocotools' `rleToString` writes. O(runs).
    ///
    /// Each run (for index > 2, its difference to the run two places back) is written as a signed number in
    /// 5-bit groups, least significant first, one ASCII character (48 + group, + 32 when more follow) per group.
    public var compressedCounts: String {
        var out = [UInt8]()
        out.reserveCapacity(counts.count * 2 + 1)
        counts.withUnsafeBufferPointer { c in
            for i in 0..<c.count {
                var x = Int64(c[i])
                if i > 2 { x -= Int64(c[i - 2]) }
                var more = true
                while more {
                    var ch = UInt8(truncatingIfNeeded: x & 0x1f)
                    x >>= 5
                    more = (ch & 0x10) != 0 ? x != -1 : x != 0
                    if more { ch |= 0x20 }
                    out.append(ch &+ 48)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a compressed counts string (pycocotools `rleFrString`), validating everything. O(length).
    ///
    /// Throws `illegalCharacter` for bytes outside 48...111, `truncatedString` when the last value is unfinished,
    /// `countOverflow` for values that do not fit in 32 bits, `negativeCount` for negative runs after delta
    /// decoding, `tooManyRuns`, and `countsSumMismatch` when the runs do not add up to `height × width`.
    public init(compressedCounts string: String, size: MaskSize) throws(MaskError) {
        let pixels = try size.validate()
        var s = string
        let parsed: Result<[UInt32], MaskError> = s.withUTF8 { bytes in
            RLE.parseCompressed(bytes, pixels: pixels)
        }
        let counts = try parsed.get()
        var sum = 0
        for c in counts {
            let (next, overflow) = sum.addingReportingOverflow(Int(c))
            sum = overflow ? Int.max : next
        }
        guard sum == pixels else { throw .countsSumMismatch(expected: pixels, actual: sum) }
        self.init(uncheckedSize: size, counts: counts)
    }

    /// Parses the string's bytes into runs, checking each run against `pixels` as it goes.
    static func parseCompressed(_ bytes: UnsafeBufferPointer<UInt8>, pixels: Int) -> Result<[UInt32], MaskError> {
        var counts = [UInt32]()
        counts.reserveCapacity(bytes.count)
        let limit = pixels + 1
        var p = 0
        let n = bytes.count
        while p < n {
            var x: Int64 = 0
            var k: Int64 = 0
            var more = true
            while more {
                guard p < n else { return .failure(.truncatedString) }
                let raw = bytes[p]
                guard raw >= 48 && raw <= 111 else { return .failure(.illegalCharacter(offset: p, character: raw)) }
                // 7 groups (35 bits) hold any 32-bit run or delta; more means a malformed or hostile value.
                guard k < 7 else { return .failure(.countOverflow(index: counts.count)) }
                let c = Int64(raw - 48)
                x |= (c & 0x1f) << (5 * k)
                more = (c & 0x20) != 0
                p += 1
                k += 1
                if !more && (c & 0x10) != 0 { x |= -1 << (5 * k) }
            }
            let m = counts.count
            if m > 2 { x += Int64(counts[m - 2]) }
            guard x >= 0 else { return .failure(.negativeCount(index: m)) }
            guard x <= Int64(UInt32.max) else { return .failure(.countOverflow(index: m)) }
            guard m < limit else { return .failure(.tooManyRuns(count: m + 1, limit: limit)) }
            counts.append(UInt32(x))
        }
        return .success(counts)
    }
}
