/// How the numbers of one array were written, so a writer can reproduce them without keeping every literal.
public enum NumberStyle: Hashable, Sendable {
    /// Every literal is ``JSONNumber/canonicalLiteral(_:)`` of its value (integral values as `100`).
    case canonical
    /// As `canonical`, except that integral values are written with `.0` (`100.0`), as Python's `json` does
    /// for floats.
    case pointZero
    /// Neither: the exact literal of every element, in order.
    case literals([String])

    /// The literal text of `value` in this style at `index`.
    public func literal(_ value: Double, at index: Int) -> String {
        switch self {
        case .canonical:
            return JSONNumber.canonicalLiteral(value)
        case .pointZero:
            let text = JSONNumber.canonicalLiteral(value)
            return JSONNumber.isIntegralLiteral(text) ? text + ".0" : text
        case .literals(let texts):
            return index < texts.count ? texts[index] : JSONNumber.canonicalLiteral(value)
        }
    }
}

extension JSONNumber {
    /// True for canonical integer text (`100`, `-3`, `0`), which `pointZero` style writes as `100.0`.
    @inlinable
    public static func isIntegralLiteral(_ text: String) -> Bool {
        var sawDigit = false
        for c in text.utf8 {
            if c == UInt8(ascii: "-") && !sawDigit { continue }
            guard c &- 0x30 < 10 else { return false }
            sawDigit = true
        }
        return sawDigit
    }
}

extension JSONReader {
    /// Reads an array of numbers as doubles and reports the style they were written in, deciding from the
    /// bytes alone (no number formatting) in the common cases. Errors with `typeMismatch` at the first element
    /// that is not a number, leaving the reader before it. O(bytes).
    public mutating func readDoubleArray(style: inout NumberStyle) throws(JSONError) -> [Double] {
        style = .canonical
        let c0 = skipWhitespace()
        let arrayStart = pos
        try beginArray()
        _ = c0
        var out: [Double] = []
        out.reserveCapacity(64)
        var sawIntegralAsInteger = false
        var sawIntegralAsPointZero = false
        var sawOther = false
        while try advanceInArray(frames[frames.count - 1]) {
            let c = skipWhitespace()
            guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
            let start = pos
            let s = try scanNumber(at: start, computeValue: true)
            pos = s.end
            out.append(s.double)
            if sawOther { continue }
            if s.canonical == true {
                if s.isInteger { sawIntegralAsInteger = true }
            } else if isPointZeroLiteral(start: start, end: s.end) {
                sawIntegralAsPointZero = true
            } else if s.canonical == false || !literalEquals(start: start, end: s.end, JSONNumber.canonicalLiteral(s.double)) {
                sawOther = true
            }
        }
        if sawOther || (sawIntegralAsInteger && sawIntegralAsPointZero) {
            style = .literals(literalTexts(arrayStart: arrayStart, count: out.count))
        } else if sawIntegralAsPointZero {
            style = .pointZero
        }
        return out
    }

    /// Re-scans the (already validated) number array starting at `arrayStart` and returns each literal's text.
    func literalTexts(arrayStart: Int, count: Int) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        var p = arrayStart + 1
        while texts.count < count && p < self.count {
            let c = base[p]
            if c == UInt8(ascii: "-") || c &- 0x30 < 10 {
                var e = p
                while e < self.count {
                    let d = base[e]
                    if d &- 0x30 < 10 || d == UInt8(ascii: "-") || d == UInt8(ascii: "+") || d == UInt8(ascii: ".") || d == UInt8(ascii: "e") || d == UInt8(ascii: "E") {
                        e += 1
                    } else {
                        break
                    }
                }
                texts.append(literalText(start: p, end: e))
                p = e
            } else {
                p += 1
            }
        }
        return texts
    }

    /// True for `N.0` where `N` is a canonical integer of at most 15 digits other than `-0` (whose canonical
    /// form is already `-0.0`).
    func isPointZeroLiteral(start: Int, end: Int) -> Bool {
        let n = end - start
        guard n >= 3, base[end - 1] == UInt8(ascii: "0"), base[end - 2] == UInt8(ascii: ".") else { return false }
        var p = start
        if base[p] == UInt8(ascii: "-") { p += 1 }
        let digits = end - 2 - p
        guard digits >= 1, digits <= 15 else { return false }
        if base[p] == UInt8(ascii: "0") {
            // Only "0.0" itself; "-0.0" is canonical already and "01.0" is not JSON.
            return digits == 1 && p == start
        }
        for i in p..<(end - 2) where base[i] &- 0x30 >= 10 { return false }
        return true
    }
}

/// A number read by ``JSONReader/readIntegerOrNumber()``: an `Int` when the literal is a plain integer that
/// fits, else the number as written.
public enum IntegerOrNumber: Hashable, Sendable {
    /// A plain integer literal that fits in `Int`.
    case int(Int)
    /// Anything else (fractions, exponents, huge integers), as written.
    case number(JSONNumber)
}

extension JSONReader {
    /// Reads a number, returning an `Int` without building any text when the literal is a plain integer that
    /// fits (the RLE-counts fast path). O(digits).
    public mutating func readIntegerOrNumber() throws(JSONError) -> IntegerOrNumber {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
        let start = pos
        let s = try scanNumber(at: start, computeValue: false)
        if s.isInteger && s.end - start <= 18 {
            var p = start
            let negative = base[p] == UInt8(ascii: "-")
            if negative { p += 1 }
            var acc = 0
            while p < s.end {
                acc = acc * 10 + Int(base[p] &- 0x30)
                p += 1
            }
            pos = s.end
            return .int(negative ? -acc : acc)
        }
        return .number(try readNumber())
    }
}
