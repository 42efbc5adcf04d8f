extension JSONReader {
    /// Reads a string value and returns it unescaped. Errors with `typeMismatch` if the next value is not a string.
    /// O(length); strings without escapes are decoded straight from the buffer.
    public mutating func readString() throws(JSONError) -> String {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "\"") else { throw mismatch(c, expected: .string) }
        let start = pos
        let (close, escaped) = try scanStringInPlace(at: start)
        pos = close + 1
        if escaped { return decodeEscaped(from: start + 1, to: close) }
        return makeString(start: start + 1, end: close)
    }

    /// The already validated UTF-8 bytes `start..<end` as a String. Short ASCII runs (the usual keys and number
    /// literals) are built directly in the standard library's small-string form when `smallStrings` says that
    /// form is the one this runtime uses; everything else goes through `String(decoding:as:)`. O(length).
    @inline(__always)
    func makeString(start: Int, end e: Int) -> String {
        let n = e - start
        // Reads 16 bytes; `start <= end` and the 16 bytes of zero padding make that safe.
        if n <= 15 && smallStrings, let s = JSONReaderStorage.smallASCIIString(base + start, count: n) { return s }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: n), as: UTF8.self)
    }

    /// Reads a string value and passes its raw UTF-8 bytes to `body` without building a `String` when it has no
    /// escapes (escaped strings are decoded into a temporary buffer first). The bytes are valid only inside `body`.
    public mutating func withStringBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(JSONError) -> R) throws(JSONError) -> R {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "\"") else { throw mismatch(c, expected: .string) }
        let start = pos
        let (close, escaped) = try scanStringInPlace(at: start)
        pos = close + 1
        if escaped {
            let bytes = decodeEscapedBytes(from: start + 1, to: close)
            return try bytes.withUnsafeBufferPointer { (buf) throws(JSONError) -> R in try body(buf) }
        }
        return try body(UnsafeBufferPointer(start: base + start + 1, count: close - start - 1))
    }

    /// SWAR test: does any byte of `w` equal zero?
    @inline(__always)
    static func hasZeroByte(_ w: UInt64) -> Bool {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0
    }

    /// The offset of the first byte at or after `p` that is not plain string content: a quote, a backslash, a
    /// control byte or a non-ASCII byte (the zero padding stops it at the end). Skips 8 bytes per step on plain
    /// ASCII. Static, so mutating callers do not copy the reader to use it.
    @inline(__always)
    static func skipPlainBytes(_ base: UnsafePointer<UInt8>, from start: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        var p = start
        while true {
            let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let quote = w ^ 0x2222_2222_2222_2222
            let slash = w ^ 0x5C5C_5C5C_5C5C_5C5C
            let special = ((quote &- 0x0101_0101_0101_0101) & ~quote)
                | ((slash &- 0x0101_0101_0101_0101) & ~slash)
                | ((w &- 0x2020_2020_2020_2020) & ~w)
                | w
            let hits = special & 0x8080_8080_8080_8080
            if hits != 0 {
                // The lowest flagged byte is a real hit (borrows only spill into higher bytes): jump to it.
                return p &+ (hits.trailingZeroBitCount &>> 3)
            }
            p &+= 8
        }
    }

    /// Validates the string whose opening quote is at `start`; returns the offset of the closing quote and
    /// whether it contains escapes. Checks UTF-8, control characters, escapes, surrogate pairs and the length
    /// limit. O(length), 8 bytes per step on plain ASCII runs.
    @inline(__always)
    func scanString(at start: Int) throws(JSONError) -> (close: Int, escaped: Bool) {
        var p = start + 1
        var escaped = false
        while true {
            p = JSONReader.skipPlainBytes(base, from: p)
            let c = base[p]
            if c == 0x22 { break }
            if c == 0x5C {
                escaped = true
                p = try scanEscape(at: p)
            } else if c < 0x20 {
                if p >= end { throw error(.unexpectedEnd, at: end) }
                throw error(.controlCharacterInString(c), at: p)
            } else {
                let n = UTF8Validation.sequenceLength(base + p)
                if n == 0 {
                    if p >= end { throw error(.unexpectedEnd, at: end) }
                    throw error(.invalidUTF8, at: p)
                }
                p += n
            }
        }
        if p - start - 1 > limits.maxStringBytes { throw error(.stringTooLong, at: start) }
        return (p, escaped)
    }

    /// `scanString(at:)` for mutating callers: the common case (plain ASCII up to the closing quote) is scanned
    /// here without copying the reader (calling a non-mutating method from a mutating one copies `self`); anything
    /// else (escapes, non-ASCII, control bytes, the end, the length limit) re-scans with `scanString`.
    @inline(__always)
    mutating func scanStringInPlace(at start: Int) throws(JSONError) -> (close: Int, escaped: Bool) {
        let p = JSONReader.skipPlainBytes(base, from: start &+ 1)
        let c = base[p]
        if c == 0x22 && p &- start &- 1 <= limits.maxStringBytes { return (p, false) }
        return try scanStringSlow(at: start)
    }

    /// The full `scanString`, out of line.
    @inline(never)
    func scanStringSlow(at start: Int) throws(JSONError) -> (close: Int, escaped: Bool) {
        try scanString(at: start)
    }

    /// Value of the hex digit `c`, or nil.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c &- 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c &- 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c &- 55)
        default: nil
        }
    }

    /// The 16-bit value of the four hex digits at `p`, or nil (reads 4 bytes; padding makes that safe near the end).
    @inline(__always)
    func hex4(at p: Int) -> UInt32? {
        guard let a = JSONReader.hexValue(base[p]), let b = JSONReader.hexValue(base[p + 1]),
              let c = JSONReader.hexValue(base[p + 2]), let d = JSONReader.hexValue(base[p + 3]) else { return nil }
        return a << 12 | b << 8 | c << 4 | d
    }

    /// Validates the escape whose backslash is at `p` and returns the offset after it.
    func scanEscape(at p: Int) throws(JSONError) -> Int {
        let e = base[p + 1]
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return p + 2
        case UInt8(ascii: "u"):
            guard let v = hex4(at: p + 2) else {
                if p + 6 > end { throw error(.unexpectedEnd, at: end) }
                throw error(.invalidEscape, at: p)
            }
            if v >= 0xD800 && v <= 0xDBFF {
                // A high surrogate needs `\uDC00`...`\uDFFF` right after it; input that ends on the way is truncated.
                var i = 6
                while i < 12 {
                    if p + i >= end { throw error(.unexpectedEnd, at: end) }
                    let b = base[p + i]
                    let ok = i == 6 ? b == 0x5C : i == 7 ? b == UInt8(ascii: "u") : JSONReader.hexValue(b) != nil
                    if !ok { throw error(.loneSurrogate, at: p) }
                    i += 1
                }
                guard let lo = hex4(at: p + 8), lo >= 0xDC00 && lo <= 0xDFFF else { throw error(.loneSurrogate, at: p) }
                return p + 12
            }
            if v >= 0xDC00 && v <= 0xDFFF { throw error(.loneSurrogate, at: p) }
            return p + 6
        default:
            if p + 1 >= end { throw error(.unexpectedEnd, at: end) }
            throw error(.invalidEscape, at: p)
        }
    }

    /// Unescapes the already validated string content `from..<to` into UTF-8 bytes. O(length).
    func decodeEscapedBytes(from: Int, to: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var p = from
        while p < to {
            let c = base[p]
            if c != 0x5C {
                out.append(c)
                p += 1
                continue
            }
            let e = base[p + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08); p += 2
            case UInt8(ascii: "f"): out.append(0x0C); p += 2
            case UInt8(ascii: "n"): out.append(0x0A); p += 2
            case UInt8(ascii: "r"): out.append(0x0D); p += 2
            case UInt8(ascii: "t"): out.append(0x09); p += 2
            case UInt8(ascii: "u"):
                var v = hex4(at: p + 2) ?? 0xFFFD
                p += 6
                if v >= 0xD800 && v <= 0xDBFF, let lo = hex4(at: p + 2) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    p += 6
                }
                UTF8Validation.append(scalar: v, to: &out)
            default: out.append(e); p += 2 // " \ /
            }
        }
        return out
    }

    /// Unescapes validated string content into a `String`.
    func decodeEscaped(from: Int, to: Int) -> String {
        String(decoding: decodeEscapedBytes(from: from, to: to), as: UTF8.self)
    }

    /// Decodes the (already validated) string whose opening quote is at `offset`; "" if it does not validate.
    func decodeStringUnchecked(at offset: Int) -> String {
        guard offset >= 0, offset < end, base[offset] == 0x22, let (close, escaped) = try? scanString(at: offset) else { return "" }
        if escaped { return decodeEscaped(from: offset + 1, to: close) }
        return makeString(start: offset + 1, end: close)
    }
}
