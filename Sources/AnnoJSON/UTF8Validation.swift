/// Well-formed UTF-8 checks per Unicode 15, Table 3-7 (no overlongs, no encoded surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The length (2...4) of the well-formed multi-byte sequence starting at `p`, or 0 if it is ill-formed.
    ///
    /// `p[0]` must be >= 0x80. Reads at most 4 bytes; the caller guarantees that many are addressable
    /// (the reader pads its buffer with zero bytes, and 0 is never a continuation byte, so a truncated
    /// sequence at the end is reported as ill-formed). O(1).
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>) -> Int {
        let b0 = p[0]
        @inline(__always) func cont(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(p[1]) ? 2 : 0
        case 0xE0:
            return (p[1] >= 0xA0 && p[1] <= 0xBF && cont(p[2])) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return (cont(p[1]) && cont(p[2])) ? 3 : 0
        case 0xED:
            return (p[1] >= 0x80 && p[1] <= 0x9F && cont(p[2])) ? 3 : 0
        case 0xF0:
            return (p[1] >= 0x90 && p[1] <= 0xBF && cont(p[2]) && cont(p[3])) ? 4 : 0
        case 0xF1...0xF3:
            return (cont(p[1]) && cont(p[2]) && cont(p[3])) ? 4 : 0
        case 0xF4:
            return (p[1] >= 0x80 && p[1] <= 0x8F && cont(p[2]) && cont(p[3])) ? 4 : 0
        default:
            return 0
        }
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (already known to be valid) to `out`.
    @inline(__always)
    static func append(scalar v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
