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
        var kept: [String]? = nil
        while try advanceInArray(frames[frames.count - 1]) {
            let c = skipWhitespace()
            guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
            let start = pos
            let s = try scanNumber(at: start, computeValue: true)
            pos = s.end
            out.append(s.double)
            if keepLiterals {
                if kept == nil {
                    var isCanonical: Bool
                    if let known = s.canonical {
                        isCanonical = known
                    } else {
                        isCanonical = literalEquals(start: start, end: s.end, JSONNumber.canonicalLiteral(s.double))
                    }
                    if !isCanonical {
                        var list: [String] = []
                        list.reserveCapacity(out.count + 8)
                        for d in out.dropLast() { list.append(JSONNumber.canonicalLiteral(d)) }
                        list.append(literalText(start: start, end: s.end))
                        kept = list
                    }
                } else {
                    kept?.append(literalText(start: start, end: s.end))
                }
            }
        }
        literals = kept
        return out
    }

    /// Reads an array of integer literals that fit in `Int` (e.g. RLE counts). O(bytes).
    public mutating func readIntArray() throws(JSONError) -> [Int] {
        try beginArray()
        var out: [Int] = []
        while try advanceInArray(frames[frames.count - 1]) {
            out.append(try readInt())
        }
        return out
    }

    /// The source text `start..<end` as a String.
    @inline(__always)
    func literalText(start: Int, end e: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: e - start), as: UTF8.self)
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
