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
        _ = skipWhitespace()
        let arrayStart = pos
        try beginArray()
        var p = skippingWhitespace(from: pos)
        if base[p] == UInt8(ascii: "]") {
            pos = p + 1
            pop()
            return []
        }
        // Elements go to the storage's reusable scratch buffer; the result is one exactly sized array.
        var buf = storage.scratch
        var cap = storage.scratchCapacity
        var count = 0
        let b = base
        let maxLength = limits.maxNumberLength
        var sawIntegralAsInteger = false
        var sawIntegralAsPointZero = false
        var sawOther = false
        // The element count lives in `n` and is written to the frame only on the way out (or before an error).
        var n = 1
        while true {
            let c = b[p]
            let start = p
            if count == cap {
                buf = storage.growScratch(keeping: count)
                cap = storage.scratchCapacity
            }
            // Inline fast path (same shapes and results as `parseSimpleNumber`): `-?(0|[1-9][0-9]*)(\.[0-9]+)?`,
            // at most 15 digits, no exponent. Anything else (including every error) goes to `scanNumber`.
            let negative = c == UInt8(ascii: "-")
            var q = negative ? p &+ 1 : p
            let intStart = q
            var d = b[q] &- 0x30
            var m = UInt64(d)
            var fast = d < 10
            q &+= 1
            let next = b[q] &- 0x30
            if m == 0 {
                if next < 10 { fast = false }
                d = next
            } else {
                d = next
                while d < 10 {
                    m = m &* 10 &+ UInt64(d)
                    q &+= 1
                    d = b[q] &- 0x30
                }
            }
            let intDigits = q &- intStart
            var fracDigits = 0
            if d == UInt8(ascii: ".") &- 0x30 {
                q &+= 1
                let fracStart = q
                d = b[q] &- 0x30
                while d < 10 {
                    m = m &* 10 &+ UInt64(d)
                    q &+= 1
                    d = b[q] &- 0x30
                }
                fracDigits = q &- fracStart
                if fracDigits == 0 { fast = false }
            }
            if fast && intDigits &+ fracDigits <= 15 && (d &+ 0x30) | 0x20 != UInt8(ascii: "e") && q &- start <= maxLength {
                var value = Double(m)
                if fracDigits > 0 { value /= exactPowerOfTen(fracDigits) }
                buf[count] = negative ? -value : value
                count &+= 1
                p = q
                // Style: the usual `d.dd` with a non-zero last digit and a non-zero integer part is canonical and
                // not integral, so there is nothing to note; integers are canonical unless `-0`; the rest is
                // decided by `classifySimple`.
                if !sawOther {
                    if fracDigits == 0 {
                        if negative && m == 0 {
                            if JSONReader.isPointZeroLiteral(b, start: start, end: q) { sawIntegralAsPointZero = true } else { sawOther = true }
                        } else {
                            sawIntegralAsInteger = true
                        }
                    } else if b[q &- 1] == 0x30 || b[intStart] == 0x30 || negative {
                        switch JSONReader.classifySimple(b, start: start, intStart: intStart, end: q, intDigits: intDigits,
                                                         fracDigits: fracDigits, negative: negative, zero: m == 0) {
                        case 0: break
                        case 1: sawIntegralAsPointZero = true
                        default: sawOther = true
                        }
                    }
                }
            } else {
                guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else {
                    top.count = n
                    pos = p
                    throw mismatch(c, expected: .number)
                }
                let s: NumberScan
                do {
                    s = try scanNumber(at: p, computeValue: true)
                } catch {
                    throw flushing(error, count: n, at: p)
                }
                buf[count] = s.double
                count &+= 1
                p = s.end
                if !sawOther {
                    // Canonical by the bytes, or (when the bytes cannot tell, e.g. 16-digit integers) by comparing
                    // texts; either way an integer literal must be noted, or a `.0` style would rewrite it.
                    let canonical = s.canonical ?? literalEquals(start: start, end: p, JSONNumber.canonicalLiteral(s.double))
                    if canonical {
                        if s.isInteger { sawIntegralAsInteger = true }
                    } else if isPointZeroLiteral(start: start, end: p) {
                        sawIntegralAsPointZero = true
                    } else {
                        sawOther = true
                    }
                }
            }
            var sep = b[p]
            if sep <= 0x20 {
                p = skippingWhitespace(from: p)
                sep = b[p]
            }
            if sep == UInt8(ascii: ",") {
                let comma = p
                p &+= 1
                if b[p] <= 0x20 { p = skippingWhitespace(from: p) }
                if b[p] == UInt8(ascii: "]") { throw flushing(error(.trailingComma, at: comma), count: n, at: p) }
                n &+= 1
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
        if sawOther || (sawIntegralAsInteger && sawIntegralAsPointZero) {
            style = .literals(literalTexts(arrayStart: arrayStart, count: count))
        } else if sawIntegralAsPointZero {
            style = .pointZero
        }
        return Array(UnsafeBufferPointer(start: buf, count: count))
    }

    /// Re-scans the (already validated) number array starting at `arrayStart` and returns each literal's text.
    func literalTexts(arrayStart: Int, count: Int) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        var p = arrayStart + 1
        while texts.count < count && p < self.count {
            let c = base[p]
            if c == UInt8(ascii: "-") || c &- 0x30 < 10 {
                // The array was validated while it was read, so every literal here is well formed.
                let e = JSONReader.skipNumber(base, at: p, maxLength: Int.max)
                guard e > p else { break }
                texts.append(literalText(start: p, end: e))
                p = e
            } else {
                p += 1
            }
        }
        return texts
    }

    /// Style class of a fractional literal accepted by the simple fast path (`-?(0|[1-9]d*)\.d+`, <= 15 digits):
    /// 0 when canonical (`JSONNumber.canonicalLiteral` reproduces it), 1 when it is a point-zero integer (`N.0`),
    /// 2 otherwise. Same rules as `parseSimpleNumber`'s `canonical` followed by `isPointZeroLiteral`.
    @inline(never)
    static func classifySimple(_ b: UnsafePointer<UInt8>, start: Int, intStart: Int, end q: Int, intDigits: Int,
                               fracDigits: Int, negative: Bool, zero: Bool) -> Int {
        let canonical: Bool
        if negative && zero && intDigits == 1 && fracDigits == 1 {
            canonical = true // "-0.0"
        } else if b[q - 1] == UInt8(ascii: "0") {
            canonical = false
        } else if intDigits == 1 && b[intStart] == UInt8(ascii: "0") && fracDigits >= 4
                    && b[q - fracDigits] == 0x30 && b[q - fracDigits + 1] == 0x30 && b[q - fracDigits + 2] == 0x30
                    && b[q - fracDigits + 3] == 0x30 {
            canonical = false // below 1e-4: printed with an exponent
        } else {
            canonical = true
        }
        if canonical { return 0 }
        return isPointZeroLiteral(b, start: start, end: q) ? 1 : 2
    }

    /// True for `N.0` where `N` is a canonical integer of at most 15 digits other than `-0` (whose canonical
    /// form is already `-0.0`).
    func isPointZeroLiteral(start: Int, end: Int) -> Bool {
        JSONReader.isPointZeroLiteral(base, start: start, end: end)
    }

    /// `isPointZeroLiteral(start:end:)` on a raw buffer.
    static func isPointZeroLiteral(_ base: UnsafePointer<UInt8>, start: Int, end: Int) -> Bool {
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
    @inlinable
    public mutating func readIntegerOrNumber() throws(JSONError) -> IntegerOrNumber {
        // Inlinable fast path: 1 to 17 digits, no sign, no leading zero, followed by `,`, `]` or whitespace.
        var q = pos
        var d = base[q] &- 0x30
        if d &- 1 < 9 {
            var acc = Int(d)
            q &+= 1
            d = base[q] &- 0x30
            while d < 10 {
                acc = acc &* 10 &+ Int(d)
                q &+= 1
                d = base[q] &- 0x30
            }
            let next = d &+ 0x30
            if q &- pos <= 17 && q &- pos <= limits.maxNumberLength
                && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == 0x20 || next == 0x0A) {
                pos = q
                return .int(acc)
            }
        }
        return try readIntegerOrNumberSlow()
    }

    /// `readIntegerOrNumber()` in full.
    @usableFromInline
    mutating func readIntegerOrNumberSlow() throws(JSONError) -> IntegerOrNumber {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
        let start = pos
        // Fast path: `-?(0|[1-9][0-9]*)` of at most 18 bytes, followed by neither a digit, `.`, `e` nor `E`.
        var q = start
        let negative = c == UInt8(ascii: "-")
        if negative { q += 1 }
        let digitsStart = q
        var d = base[q]
        var acc = 0
        if d == UInt8(ascii: "0") {
            q += 1
            d = base[q]
        } else {
            while d &- 0x30 < 10 {
                acc = acc &* 10 &+ Int(d &- 0x30)
                q += 1
                d = base[q]
            }
        }
        if q > digitsStart && d &- 0x30 >= 10 && d != UInt8(ascii: ".") && d | 0x20 != UInt8(ascii: "e")
            && q - start <= 18 && q - start <= limits.maxNumberLength {
            pos = q
            return .int(negative ? -acc : acc)
        }
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
