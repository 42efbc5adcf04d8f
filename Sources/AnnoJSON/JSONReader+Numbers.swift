#if canImport(Glibc)
import Glibc
#endif

/// What the number scanner learnt about one literal.
struct NumberScan {
    /// Offset just after the literal.
    var end: Int
    /// The value (only when asked for; else 0).
    var double: Double
    /// True when the literal has neither fraction nor exponent.
    var isInteger: Bool
    /// Whether `JSONNumber.canonicalLiteral(double)` reproduces the literal: decided from the bytes where
    /// possible (`true`/`false`), nil when the caller must compare texts.
    var canonical: Bool?
}

/// 10^k for k in 0...22, all exactly representable in a Double (a switch compiles to a constant table; a
/// global array would pay a lazy-initialisation check on every access).
@inline(__always)
func exactPowerOfTen(_ k: Int) -> Double {
    switch k {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
}

extension JSONReader {
    /// Scans the number literal at `start` against the JSON grammar and, if `computeValue`, converts it.
    ///
    /// Conversion is correctly rounded: literals with at most 15 significant digits and a decimal exponent
    /// k in -22...22 use one exact IEEE operation (`m * 10^k` or `m / 10^k`, both operands exact);
    /// everything else goes through the standard library's correctly rounded `Double(_: String)`.
    /// Literals too large for a Double give ±infinity (still valid JSON). O(length).
    @inline(__always)
    func scanNumber(at start: Int, computeValue: Bool) throws(JSONError) -> NumberScan {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var p = start
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var c = base[p]
        let intStart = p
        if c == UInt8(ascii: "0") {
            p += 1
            c = base[p]
            if isDigit(c) { throw error(.invalidNumber, at: start) }
        } else if isDigit(c) {
            // More than 19 digits wrap `mantissa`; it is then unused, as `significant` > 15 selects the slow path.
            repeat {
                mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                p += 1
                c = base[p]
            } while isDigit(c)
            significant = p - intStart
        } else {
            if p >= end { throw error(.unexpectedEnd, at: end) }
            throw error(.invalidNumber, at: start)
        }
        let intDigits = p - intStart
        var fracDigits = 0
        var lastFracDigit: UInt8 = 0
        if c == UInt8(ascii: ".") {
            p += 1
            c = base[p]
            guard isDigit(c) else {
                if p >= end { throw error(.unexpectedEnd, at: end) }
                throw error(.invalidNumber, at: start)
            }
            let fracStart = p
            if significant == 0 {
                while c == UInt8(ascii: "0") {
                    p += 1
                    c = base[p]
                }
            }
            let fracSignificantStart = p
            while isDigit(c) {
                mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                p += 1
                c = base[p]
            }
            significant += p - fracSignificantStart
            fracDigits = p - fracStart
            lastFracDigit = base[p - 1]
        }
        var exponent = 0
        var hasExponent = false
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            hasExponent = true
            p += 1
            c = base[p]
            var expNegative = false
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                expNegative = c == UInt8(ascii: "-")
                p += 1
                c = base[p]
            }
            guard isDigit(c) else {
                if p >= end { throw error(.unexpectedEnd, at: end) }
                throw error(.invalidNumber, at: start)
            }
            repeat {
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(c &- 0x30) }
                p += 1
                c = base[p]
            } while isDigit(c)
            if expNegative { exponent = -exponent }
        }
        if p - start > limits.maxNumberLength { throw error(.numberTooLong, at: start) }

        // Canonical iff JSONNumber.canonicalLiteral(value) would print these very bytes (see
        // JSONNumber.isCanonicalLiteral for the rules and why they hold).
        var canonical: Bool?
        if !hasExponent {
            if fracDigits == 0 {
                if negative && significant == 0 { canonical = false } // "-0" prints as "-0.0"
                else if intDigits <= 15 { canonical = true }
            } else if negative && significant == 0 && intDigits == 1 && fracDigits == 1 {
                canonical = true // "-0.0"
            } else if lastFracDigit == UInt8(ascii: "0") {
                canonical = false
            } else if significant <= 15 && (intDigits > 1 || base[intStart] != 0x30 || fracDigits - significant <= 3) {
                canonical = true
            }
        }

        var value = 0.0
        if computeValue {
            let k = exponent - fracDigits
            if significant <= 15 && k >= -22 && k <= 22 {
                let m = Double(mantissa)
                value = k >= 0 ? m * exactPowerOfTen(k) : m / exactPowerOfTen(-k)
                if negative { value = -value }
            } else if significant == 0 {
                value = negative ? -0.0 : 0.0
            } else {
                value = JSONReader.slowDouble(base + start, count: p - start, negative: negative, exponent: exponent)
            }
        }
        return NumberScan(end: p, double: value, isInteger: fracDigits == 0 && !hasExponent, canonical: canonical)
    }

    /// Fast path for the commonest literals: `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits in all and
    /// no exponent. Returns the offset after the literal, its exactly rounded value (one IEEE operation on exact
    /// operands) and whether it is canonical (same rules as `scanNumber`), or nil for any other shape (the caller
    /// then uses `scanNumber`, which also produces the precise error for invalid input). O(length).
    @inline(__always)
    static func parseSimpleNumber(_ base: UnsafePointer<UInt8>, at start: Int, maxLength: Int) -> (end: Int, value: Double, canonical: Bool, isInteger: Bool)? {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var p = start
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        let intStart = p
        var m: UInt64 = 0
        var c = base[p]
        if c == UInt8(ascii: "0") {
            p += 1
            c = base[p]
            if isDigit(c) { return nil }
        } else if isDigit(c) {
            repeat {
                m = m &* 10 &+ UInt64(c &- 0x30)
                p += 1
                c = base[p]
            } while isDigit(c)
        } else {
            return nil
        }
        let intDigits = p - intStart
        if intDigits > 15 { return nil }
        var canonical = !(negative && m == 0)
        var fracDigits = 0
        if c == UInt8(ascii: ".") {
            p += 1
            let fracStart = p
            c = base[p]
            while isDigit(c) {
                m = m &* 10 &+ UInt64(c &- 0x30)
                p += 1
                c = base[p]
            }
            fracDigits = p - fracStart
            if fracDigits == 0 || intDigits + fracDigits > 15 { return nil }
            if negative && m == 0 && intDigits == 1 && fracDigits == 1 {
                canonical = true // "-0.0"
            } else if base[p - 1] == UInt8(ascii: "0") {
                canonical = false
            } else if intDigits == 1 && base[intStart] == UInt8(ascii: "0") && fracDigits >= 4
                        && base[fracStart] == 0x30 && base[fracStart + 1] == 0x30 && base[fracStart + 2] == 0x30
                        && base[fracStart + 3] == 0x30 {
                canonical = false // below 1e-4: printed with an exponent
            } else {
                canonical = true
            }
        }
        if c | 0x20 == UInt8(ascii: "e") || p - start > maxLength { return nil }
        var value = fracDigits == 0 ? Double(m) : Double(m) / exactPowerOfTen(fracDigits)
        if negative { value = -value }
        return (p, value, canonical, fracDigits == 0)
    }

    /// Validates the number literal at `start` and returns the offset after it, or -1 when it breaks the grammar
    /// or the length limit (the caller then asks `scanNumber` for the precise error). No conversion. O(length).
    @inline(__always)
    static func skipNumber(_ base: UnsafePointer<UInt8>, at start: Int, maxLength: Int) -> Int {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var p = start
        if base[p] == UInt8(ascii: "-") { p += 1 }
        var c = base[p]
        if c == UInt8(ascii: "0") {
            p += 1
            c = base[p]
            if isDigit(c) { return -1 }
        } else if isDigit(c) {
            repeat {
                p += 1
                c = base[p]
            } while isDigit(c)
        } else {
            return -1
        }
        if c == UInt8(ascii: ".") {
            p += 1
            c = base[p]
            guard isDigit(c) else { return -1 }
            repeat {
                p += 1
                c = base[p]
            } while isDigit(c)
        }
        if c | 0x20 == UInt8(ascii: "e") {
            p += 1
            c = base[p]
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                p += 1
                c = base[p]
            }
            guard isDigit(c) else { return -1 }
            repeat {
                p += 1
                c = base[p]
            } while isDigit(c)
        }
        return p - start > maxLength ? -1 : p
    }

    /// Skips the number at `pos`, validating it.
    @inline(__always)
    mutating func skipNumber() throws(JSONError) {
        let e = JSONReader.skipNumber(base, at: pos, maxLength: limits.maxNumberLength)
        if e < 0 { pos = try scanNumber(at: pos, computeValue: false).end } else { pos = e }
    }

    /// Reads a number as a Double without building its literal. Errors with `typeMismatch` on other kinds.
    public mutating func readDouble() throws(JSONError) -> Double {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
        if let f = JSONReader.parseSimpleNumber(base, at: pos, maxLength: limits.maxNumberLength) {
            pos = f.end
            return f.value
        }
        let s = try scanNumber(at: pos, computeValue: true)
        pos = s.end
        return s.double
    }

    /// Reads a number, keeping its exact source text as `literal`.
    public mutating func readNumber() throws(JSONError) -> JSONNumber {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
        let start = pos
        if let f = JSONReader.parseSimpleNumber(base, at: start, maxLength: limits.maxNumberLength) {
            pos = f.end
            return JSONNumber(literal: makeString(start: start, end: f.end), double: f.value)
        }
        let s = try scanNumber(at: start, computeValue: true)
        pos = s.end
        return JSONNumber(literal: makeString(start: start, end: s.end), double: s.double)
    }

    /// Reads an integer literal (no fraction, no exponent: `10.0` and `1e2` are rejected with `notAnInteger`)
    /// that fits in `Int` (else `numberOutOfRange`). O(digits).
    public mutating func readInt() throws(JSONError) -> Int {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
        let start = pos
        let s = try scanNumber(at: start, computeValue: false)
        guard s.isInteger else { throw error(.notAnInteger, at: start) }
        var p = start
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        // Accumulate negatively so Int.min fits.
        var acc = 0
        while p < s.end {
            let d = Int(base[p] &- 0x30)
            let (m, o1) = acc.multipliedReportingOverflow(by: 10)
            let (r, o2) = m.subtractingReportingOverflow(d)
            if o1 || o2 { throw error(.numberOutOfRange, at: start) }
            acc = r
            p += 1
        }
        if !negative {
            if acc == Int.min { throw error(.numberOutOfRange, at: start) }
            acc = -acc
        }
        pos = s.end
        return acc
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONError) -> Bool {
        let c = skipWhitespace()
        if c == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        if c == UInt8(ascii: "f") {
            try expectLiteral("false")
            return false
        }
        throw mismatch(c, expected: .bool)
    }

    /// Reads `null`.
    public mutating func readNull() throws(JSONError) {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "n") else { throw mismatch(c, expected: .null) }
        try expectLiteral("null")
    }

    /// Reads `null` if that comes next (returning true), else leaves the input untouched and returns false.
    public mutating func readNullIfPresent() throws(JSONError) -> Bool {
        guard skipWhitespace() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Consumes the literal `word` at `pos` (what follows is checked by the enclosing container or `finish()`).
    @inline(__always)
    mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var i = 0
        while i < n {
            if base[pos + i] != w[i] {
                if pos + i >= end { throw error(.unexpectedEnd, at: end) }
                throw error(.invalidLiteral, at: pos)
            }
            i += 1
        }
        pos += n
    }
}

extension JSONReader {
    /// Correctly rounded conversion of a grammar-checked literal that the exact fast path cannot take (more than
    /// 15 significant digits or a large exponent). libc's `strtod` parses it in place: the literal is followed by
    /// a delimiter or the zero padding, and the process keeps the C locale, whose decimal point is `.`. Literals
    /// beyond the double range give ±infinity or ±0, as `Double(String)` does. O(length).
    @inline(never)
    static func slowDouble(_ p: UnsafePointer<UInt8>, count: Int, negative: Bool, exponent: Int) -> Double {
        if count < 64 {
            // Copy to a terminated stack buffer so strtod can never read past the literal, whatever follows it.
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buf in
                for i in 0..<count { buf[i] = CChar(bitPattern: p[i]) }
                buf[count] = 0
                return strtod(buf.baseAddress!, nil)
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        return Double(text) ?? (exponent < 0 ? (negative ? -0.0 : 0.0) : (negative ? -.infinity : .infinity))
    }
}
