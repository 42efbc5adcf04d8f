extension JSONReader {
    /// Stores `n` as the innermost frame's element count and re-derives `error`'s pointer from it (used by the
    /// loops below, which keep the count in a local and only write it back on the way out).
    @inline(never)
    mutating func flushing(_ error: JSONError, count n: Int, at p: Int) -> JSONError {
        top.count = n
        pos = p
        var e = error
        e.pointer = pointer
        return e
    }

    /// Skips whitespace starting at `p` and returns the first other offset.
    @inline(__always)
    func skippingWhitespace(from p: Int) -> Int {
        var q = p
        var c = base[q]
        while c <= 0x20 && (c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) {
            q += 1
            c = base[q]
        }
        return q
    }

    /// Inside an array whose current element starts at `pos`: skips consecutive scalar elements (numbers,
    /// strings, literals) in a tight loop. Returns true when it consumed the closing `]` (the frame is popped),
    /// false when it stopped at an element that is an array or object (`pos` at it, the frame's count naming it).
    @inline(__always)
    mutating func skipScalarElements() throws(JSONError) -> Bool {
        var n = top.count
        var p = pos
        while true {
            let c = base[p]
            if c &- 0x30 < 10 || c == UInt8(ascii: "-") {
                let e = JSONReader.skipNumber(base, at: p, maxLength: limits.maxNumberLength)
                if e < 0 {
                    do {
                        _ = try scanNumber(at: p, computeValue: false)
                    } catch {
                        throw flushing(error, count: n, at: p)
                    }
                    throw flushing(error(.invalidNumber, at: p), count: n, at: p)
                }
                p = e
            } else if c == UInt8(ascii: "\"") {
                do {
                    p = try scanStringInPlace(at: p).close + 1
                } catch {
                    throw flushing(error, count: n, at: p)
                }
            } else if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n") {
                top.count = n
                pos = p
                try expectLiteral(c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null")
                p = pos
            } else {
                top.count = n
                pos = p
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { return false }
                throw unexpected(c, at: p, expected: "a value")
            }
            p = skippingWhitespace(from: p)
            let sep = base[p]
            if sep == UInt8(ascii: ",") {
                let comma = p
                p = skippingWhitespace(from: p + 1)
                if base[p] == UInt8(ascii: "]") { throw flushing(error(.trailingComma, at: comma), count: n, at: p) }
                n += 1
                continue
            }
            if sep == UInt8(ascii: "]") {
                pos = p + 1
                pop()
                return true
            }
            top.count = n
            pos = p
            throw unexpected(sep, at: p, expected: "',' or ']' after array element")
        }
    }
}
