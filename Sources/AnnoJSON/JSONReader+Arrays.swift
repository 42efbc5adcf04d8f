extension JSONReader {
    /// Reads an array of numbers as Doubles (e.g. a bbox or polygon). Errors with `typeMismatch` at the first
    /// element that is not a number (its pointer names the index). O(bytes).
    public mutating func readDoubleArray() throws(JSONError) -> [Double] {
        var ignored: [String]? = nil
        return try readDoubleArray(literals: &ignored, keepLiterals: false)
    }

    /// Reads an array of numbers as Doubles and says whether writing them back with `JSONWriter.double(_:)`
    /// (that is, `JSONNumber.canonicalLiteral`) reproduces every literal byte for byte.
    ///
    /// On return `literals` is nil when every literal is canonical (see `JSONNumber.isCanonical`), else it holds
    /// every element's exact source text, in order, so a writer can use `JSONWriter.number(_:)` to reproduce
    /// the input. The canonical test is decided from the literal's bytes for the common shapes (integers of
    /// up to 15 digits; decimals without exponent of up to 15 significant digits) and by comparing texts
    /// otherwise. O(bytes).
    public mutating func readDoubleArray(literals: inout [String]?) throws(JSONError) -> [Double] {
        try readDoubleArray(literals: &literals, keepLiterals: true)
    }

    @inline(__always)
    private mutating func readDoubleArray(literals: inout [String]?, keepLiterals: Bool) throws(JSONError) -> [Double] {
        literals = nil
        try beginArray()
        var out: [Double] = []
        out.reserveCapacity(8)
        var kept: [String]? = nil
        var p = skippingWhitespace(from: pos)
        if base[p] == UInt8(ascii: "]") {
            pos = p + 1
            pop()
            return out
        }
        let firstElement = p
        var n = 1
        while true {
            let c = base[p]
            guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else {
                top.count = n
                pos = p
                throw mismatch(c, expected: .number)
            }
            let s: NumberScan
            if let f = JSONReader.parseSimpleNumber(base, at: p, maxLength: limits.maxNumberLength) {
                s = NumberScan(end: f.end, double: f.value, isInteger: false, canonical: f.canonical)
            } else {
                do {
                    s = try scanNumber(at: p, computeValue: true)
                } catch {
                    throw flushing(error, count: n, at: p)
                }
            }
            out.append(s.double)
            if keepLiterals {
                if kept == nil {
                    let isCanonical = s.canonical ?? literalEquals(start: p, end: s.end, JSONNumber.canonicalLiteral(s.double))
                    if !isCanonical {
                        // Re-walk the (already validated) earlier elements to collect their texts.
                        var list: [String] = []
                        list.reserveCapacity(out.count + 8)
                        var q = firstElement
                        for _ in 0..<(out.count - 1) {
                            let e = JSONReader.skipNumber(base, at: q, maxLength: Int.max)
                            list.append(literalText(start: q, end: e))
                            q = skippingWhitespace(from: skippingWhitespace(from: e) + 1)
                        }
                        list.append(literalText(start: p, end: s.end))
                        kept = list
                    }
                } else {
                    kept?.append(literalText(start: p, end: s.end))
                }
            }
            p = skippingWhitespace(from: s.end)
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
                break
            }
            top.count = n
            pos = p
            throw unexpected(sep, at: p, expected: "',' or ']' after array element")
        }
        literals = kept
        return out
    }

    /// Reads an array of integer literals that fit in `Int` (e.g. RLE counts). O(bytes).
    public mutating func readIntArray() throws(JSONError) -> [Int] {
        try beginArray()
        var out: [Int] = []
        while try advanceInArray() {
            out.append(try readInt())
        }
        return out
    }

    /// The source text `start..<end` as a String.
    @inline(__always)
    func literalText(start: Int, end e: Int) -> String {
        makeString(start: start, end: e)
    }

    /// Whether the source bytes `start..<end` equal `text`'s UTF-8.
    func literalEquals(start: Int, end e: Int, _ text: String) -> Bool {
        var t = text
        return t.withUTF8 { u in
            guard u.count == e - start else { return false }
            var i = 0
            while i < u.count {
                if u[i] != base[start + i] { return false }
                i += 1
            }
            return true
        }
    }
}
