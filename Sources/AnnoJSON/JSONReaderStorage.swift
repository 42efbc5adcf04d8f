#if canImport(Glibc)
import Glibc
#endif
/// The reader's private, zero-padded copy of the input plus a lazily built index of line starts.
///
/// The padding (16 zero bytes) lets the scanners read a few bytes ahead without bounds checks: a zero byte is
/// never valid where the scanners look ahead, so running into it ends the token and the caller then tells
/// "end of input" from "bad byte" by comparing the position with the real length.
final class JSONReaderStorage {
    /// Number of zero bytes after the input.
    static let padding = 16

    /// First byte of the padded input.
    let base: UnsafeMutablePointer<UInt8>
    /// The caller's array when the input was adopted (`init(consuming:)`); never mutated after `init`, so its
    /// buffer (which `base` points into) stays put for the storage's lifetime. Nil when `base` is our own copy.
    private let adopted: [UInt8]?
    /// True when the standard library lays out small ASCII strings as `makeSmallASCIIString` assumes (checked
    /// once per reader against strings the standard library built itself).
    let smallStringsOK: Bool
    /// Length of the input, without padding.
    let count: Int
    /// 3 when the input starts with a UTF-8 byte order mark, else 0.
    let bomLength: Int
    /// Offsets at which lines start (`lineStarts[0] == 0`), built on first use.
    private var lineStarts: [Int]?
    /// The storage whose input this one reads (see `init(sharing:)`), kept alive while this one is.
    private let owner: JSONReaderStorage?

    /// Copies `bytes` into a padded buffer. O(n).
    init(bytes: [UInt8]) {
        let n = bytes.count
        count = n
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: n + JSONReaderStorage.padding)
        bytes.withUnsafeBufferPointer { src in
            if let a = src.baseAddress { b.initialize(from: a, count: n) }
        }
        (b + n).initialize(repeating: 0, count: JSONReaderStorage.padding)
        base = b
        adopted = nil
        owner = nil
        bomLength = (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        smallStringsOK = JSONReaderStorage.checkSmallStrings()
    }

    /// Adopts `bytes`, appending the padding in place (no copy when the array is unique and has the capacity).
    init(consuming bytes: consuming [UInt8]) {
        var a = consume bytes
        let n = a.count
        count = n
        a.reserveCapacity(n + JSONReaderStorage.padding)
        a.append(contentsOf: repeatElement(0, count: JSONReaderStorage.padding))
        adopted = a
        owner = nil
        // The array is stored in a `let` and never mutated again, so its (uniquely owned) buffer does not move.
        let b = adopted!.withUnsafeBufferPointer { UnsafeMutablePointer(mutating: $0.baseAddress!) }
        base = b
        bomLength = (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        smallStringsOK = JSONReaderStorage.checkSmallStrings()
    }

    /// Reads the same input as `other` with its own scratch buffer and line index, so a reader on another
    /// thread (``JSONReader/resuming(atArraySeparator:)``) never touches `other`'s mutable state. O(1).
    ///
    /// When `other` discards input it has read (`discardsInput`), its line index is built first and shared, and this
    /// storage discards only from `start` on: it never reads the other half's bytes, which may be gone.
    init(sharing other: JSONReaderStorage, start: Int) {
        owner = other
        base = other.base
        adopted = nil
        count = other.count
        bomLength = other.bomLength
        smallStringsOK = other.smallStringsOK
        if other.discardsInput {
            lineStarts = other.buildLineStarts()
            discardsInput = true
            discardedUpTo = start
        }
    }

    /// True when bytes the reader has passed are handed back to the system (see `discard(upTo:)`).
    private(set) var discardsInput = false
    /// Bytes before this offset may already be gone (read back as zeros).
    private(set) var discardedUpTo = 0
    /// Bytes kept behind the position passed to `discard` (callers pass a position between values, and readers
    /// look back only within the value they are reading, so this is a safety margin).
    static let discardMargin = 64 << 10
    /// The least amount worth one `madvise` call.
    static let discardStep = 2 << 20

    /// Starts handing back read input from now on: builds the line index first (it needs every byte), so
    /// locations stay exact. Only for inputs no one reads again behind the reader's position.
    func startDiscarding() {
        _ = buildLineStarts()
        discardsInput = true
        discardedUpTo = max(discardedUpTo, bomLength)
    }

    /// Gives the memory of whole pages in `floor..<offset` (less a safety margin) back to the system once a few
    /// megabytes have accumulated; those bytes then read as zeros, so callers must never look at them again.
    func discard(from floor: Int, upTo offset: Int) {
        guard discardsInput else { return }
        discardedUpTo = max(discardedUpTo, floor)
        guard offset - Self.discardMargin - discardedUpTo >= Self.discardStep else { return }
        #if canImport(Glibc)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let startAddress = (Int(bitPattern: base) + discardedUpTo + page - 1) / page * page
        let endAddress = (Int(bitPattern: base) + offset - Self.discardMargin) / page * page
        if endAddress > startAddress, let p = UnsafeMutableRawPointer(bitPattern: startAddress) {
            _ = madvise(p, endAddress - startAddress, MADV_DONTNEED)
        }
        #endif
        discardedUpTo = offset - Self.discardMargin
    }

    deinit {
        if adopted == nil && owner == nil { base.deallocate() }
        scratch.deallocate()
    }

    /// Reusable buffer where `readDoubleArray(style:)` collects elements before making an exactly sized array.
    private(set) var scratch = UnsafeMutablePointer<Double>.allocate(capacity: 256)
    /// Capacity of `scratch`.
    private(set) var scratchCapacity = 256

    /// Doubles `scratch`'s capacity, keeping its first `count` elements; returns the new buffer.
    @inline(never)
    func growScratch(keeping count: Int) -> UnsafeMutablePointer<Double> {
        let bigger = UnsafeMutablePointer<Double>.allocate(capacity: scratchCapacity * 2)
        bigger.initialize(from: scratch, count: count)
        scratch.deallocate()
        scratch = bigger
        scratchCapacity *= 2
        return bigger
    }

    /// Whether `makeSmallASCIIString` produces exactly the bits the standard library uses for small ASCII
    /// strings of every length 0...15.
    static func checkSmallStrings() -> Bool {
        guard MemoryLayout<String>.size == 16, UInt64(1).littleEndian == 1 else { return false }
        let sample: [UInt8] = Array("0123456789abcde".utf8) + [UInt8](repeating: 0, count: 16)
        return sample.withUnsafeBufferPointer { buf -> Bool in
            let p = buf.baseAddress!
            for n in 0...15 {
                let reference = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
                let bits = unsafeBitCast(reference, to: (UInt64, UInt64).self)
                let mine = smallASCIIBits(p, count: n)
                guard bits == mine else { return false }
            }
            return true
        }
    }

    /// The `count` (<= 15) bytes at `p` as a small String when they are all ASCII, else nil; 16 bytes must be
    /// readable at `p`. Only valid where `checkSmallStrings()` returned true.
    @inline(__always)
    static func smallASCIIString(_ p: UnsafePointer<UInt8>, count n: Int) -> String? {
        let bits = smallASCIIBits(p, count: n)
        guard (bits.0 | (bits.1 & 0x00FF_FFFF_FFFF_FFFF)) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return unsafeBitCast(bits, to: String.self)
    }

    /// The two words of a small ASCII string holding the `count` (<= 15) bytes at `p` (16 readable bytes there).
    @inline(__always)
    static func smallASCIIBits(_ p: UnsafePointer<UInt8>, count n: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if n < 8 {
            w0 &= (1 &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1
            w1 = 0
        } else {
            w1 &= (1 &<< UInt64(truncatingIfNeeded: 8 &* (n &- 8))) &- 1
        }
        return (w0, w1 | (UInt64(0xE0 | n) &<< 56))
    }

    /// The offsets at which lines start, indexed on first use. O(n) once.
    func buildLineStarts() -> [Int] {
        if let s = lineStarts { return s }
        var s = [0]
        var i = 0
        while i < count, let hit = memchr(base + i, 0x0A, count - i) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            s.append(at + 1)
            i = at + 1
        }
        lineStarts = s
        return s
    }

    /// 1-based line and byte column of `offset` (clamped to the input); a BOM does not count towards line 1's
    /// columns. The first call is O(n) to index the newlines, later calls O(log lines).
    func location(at offset: Int) -> (line: Int, column: Int) {
        let off = max(0, min(offset, count))
        let starts = buildLineStarts()
        // Largest index whose start is <= off.
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if starts[mid] <= off { lo = mid } else { hi = mid - 1 }
        }
        var column = off - starts[lo] + 1
        if lo == 0 && off >= bomLength { column -= bomLength }
        return (lo + 1, column)
    }
}
