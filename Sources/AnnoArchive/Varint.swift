import AnnoJSON

/// Little-endian fixed-width fields, LEB128 varints and zigzag integers, appended to a growing byte array.
struct ByteWriter {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
    }

    mutating func u64(_ v: UInt64) {
        for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
    }

    mutating func f64(_ v: Double) { u64(v.bitPattern) }

    /// Unsigned LEB128: 7 bits per byte, low groups first, high bit set on every byte but the last.
    mutating func varint(_ v: UInt64) {
        var x = v
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    mutating func varint(_ v: Int) { varint(UInt64(truncatingIfNeeded: v)) }

    /// Zigzag then LEB128: 0, -1, 1, -2, ... become 0, 1, 2, 3, ...
    mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    /// A varint byte length then the UTF-8 bytes.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Appends zero bytes until the length is a multiple of 8.
    mutating func pad8() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
}

/// Why a payload could not be decoded: a short message and the byte position inside the (inflated) payload.
struct PayloadError: Error {
    var message: String
    var position: Int
}

/// A bounds-checked cursor over bytes: every read checks the remaining length first and throws past the end.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var position: Int = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - position }
    var isAtEnd: Bool { position >= buffer.count }

    func fail(_ message: String) -> PayloadError { PayloadError(message: message, position: position) }

    @inline(__always)
    mutating func u8() throws(PayloadError) -> UInt8 {
        guard position < buffer.count else { throw fail("unexpected end of payload") }
        let v = buffer[position]
        position += 1
        return v
    }

    mutating func u32() throws(PayloadError) -> UInt32 {
        guard remaining >= 4 else { throw fail("unexpected end of payload") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(buffer[position + i]) << UInt32(8 * i) }
        position += 4
        return v
    }

    mutating func u64() throws(PayloadError) -> UInt64 {
        guard remaining >= 8 else { throw fail("unexpected end of payload") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(buffer[position + i]) << UInt64(8 * i) }
        position += 8
        return v
    }

    mutating func f64() throws(PayloadError) -> Double { Double(bitPattern: try u64()) }

    /// Reads an unsigned LEB128 of at most 10 bytes; rejects values beyond 64 bits.
    ///
    /// One- and two-byte varints (almost every coordinate delta and count) take an inlined path.
    @inline(__always)
    mutating func varint() throws(PayloadError) -> UInt64 {
        let p = position
        if p &+ 1 < buffer.count {
            let b0 = buffer[p]
            if b0 < 0x80 {
                position = p &+ 1
                return UInt64(b0)
            }
            let b1 = buffer[p &+ 1]
            if b1 < 0x80 {
                position = p &+ 2
                return UInt64(b0 & 0x7F) | UInt64(b1) << 7
            }
        }
        return try varintSlow()
    }

    /// The general varint loop: any length, every error.
    @inline(never)
    mutating func varintSlow() throws(PayloadError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw fail("unexpected end of payload in a varint") }
            let b = buffer[position]
            position += 1
            if shift == 63 && b > 1 { throw fail("varint overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw fail("varint longer than 10 bytes") }
        }
    }

    /// Skips `n` runs of a `MASK` record (two varints, then zigzag deltas) checking only that each is a
    /// well-formed varint of at most 10 bytes inside the payload.
    ///
    /// Eight bytes at a time: a byte below 0x80 ends a varint, so a word's varint ends are the popcount of its
    /// clear high bits. A word that would end the last varint, or a continuation run that reaches 9 bytes, goes
    /// to the byte loop, which gives every error its exact position.
    mutating func skipRuns(_ n: Int) throws(PayloadError) {
        var left = n
        var run = 0 // continuation bytes since the last varint end
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while left > 8, buffer.count - position >= 8 {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let ends = ~word & highBits
            let c = ends.nonzeroBitCount
            guard c > 0, c < left, run + ends.trailingZeroBitCount / 8 < 9 else { break }
            left -= c
            run = ends.leadingZeroBitCount / 8
            position += 8
        }
        // Restart the exact loop at the start of the varint in progress.
        position -= run
        var length = 0
        while left > 0 {
            guard position < buffer.count else { throw fail("unexpected end of payload in a varint") }
            let b = buffer[position]
            position += 1
            length += 1
            if b < 0x80 {
                if length == 10 && b > 1 { throw fail("varint overflows 64 bits") }
                left -= 1
                length = 0
            } else if length >= 10 {
                throw fail("varint longer than 10 bytes")
            }
        }
    }

    /// A varint that must fit in `0...limit`.
    @inline(__always)
    mutating func count(max limit: Int, _ what: String) throws(PayloadError) -> Int {
        let start = position
        let v = try varint()
        guard v <= UInt64(limit) else {
            throw PayloadError(message: "\(what) \(v) exceeds \(limit)", position: start)
        }
        return Int(v)
    }

    /// The signed value of a zigzag-coded varint (0, −1, 1, −2, … for 0, 1, 2, 3, …).
    @inline(__always)
    static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))) }

    /// A count of items that each take at least `minBytes`, so it cannot exceed what is left.
    mutating func itemCount(_ what: String, minBytes: Int = 1) throws(PayloadError) -> Int {
        try count(max: remaining / max(minBytes, 1), what)
    }

    @inline(__always)
    mutating func zigzag() throws(PayloadError) -> Int64 {
        let u = try varint()
        return Self.unzigzag(u)
    }

    /// A zigzag varint that fits in `Int`.
    mutating func int() throws(PayloadError) -> Int { Int(try zigzag()) }

    /// A length-prefixed UTF-8 string; invalid UTF-8 is an error.
    mutating func string() throws(PayloadError) -> String {
        let start = position
        let n = try count(max: remaining, "string length")
        // The bound above was taken before the length varint was read: check against what is left after it.
        guard n <= remaining else { throw PayloadError(message: "string length \(n) exceeds \(remaining)", position: start) }
        if n == 0 { return "" }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + n)])
        let typed = slice.assumingMemoryBound(to: UInt8.self)
        // Short strings with a whole word readable behind them: built directly when ASCII (checked inside).
        if position + 16 <= buffer.count, let p = typed.baseAddress, let s = ASCIIText.small(p, count: n) {
            position += n
            return s
        }
        // ASCII (checked eight bytes at a time) is valid UTF-8, so it skips the general validating initialiser.
        var ascii = true
        var i = 0
        while i &+ 8 <= n {
            if slice.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                ascii = false
                break
            }
            i &+= 8
        }
        while ascii && i < n {
            if typed[i] >= 0x80 { ascii = false }
            i &+= 1
        }
        if ascii {
            position += n
            return String(decoding: typed, as: UTF8.self)
        }
        guard let s = String(validating: typed, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
        position += n
        return s
    }

    mutating func bytes(_ n: Int) throws(PayloadError) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw fail("unexpected end of payload") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + n)])
        position += n
        return slice
    }
}

/// Little-endian reads from fixed positions of a byte array that the caller has already length-checked.
enum LittleEndian {
    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(b[at + i]) << UInt32(8 * i) }
        return v
    }

    static func u64(_ b: [UInt8], _ at: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(b[at + i]) << UInt64(8 * i) }
        return v
    }
}
