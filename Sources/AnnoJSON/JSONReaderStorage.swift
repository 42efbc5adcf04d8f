/// The reader's private, zero-padded copy of the input plus a lazily built index of line starts.
///
/// The padding (16 zero bytes) lets the scanners read a few bytes ahead without bounds checks: a zero byte is
/// never valid where the scanners look ahead, so running into it ends the token and the caller then tells
/// "end of input" from "bad byte" by comparing the position with the real length.
final class JSONReaderStorage {
    /// Number of zero bytes after the input.
    static let padding = 16

    /// First byte of the copy.
    let base: UnsafeMutablePointer<UInt8>
    /// Length of the input, without padding.
    let count: Int
    /// 3 when the input starts with a UTF-8 byte order mark, else 0.
    let bomLength: Int
    /// Offsets at which lines start (`lineStarts[0] == 0`), built on first use.
    private var lineStarts: [Int]?

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
        bomLength = (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
    }

    deinit { base.deallocate() }

    /// 1-based line and byte column of `offset` (clamped to the input); a BOM does not count towards line 1's
    /// columns. The first call is O(n) to index the newlines, later calls O(log lines).
    func location(at offset: Int) -> (line: Int, column: Int) {
        let off = max(0, min(offset, count))
        let starts: [Int]
        if let s = lineStarts {
            starts = s
        } else {
            var s = [0]
            var i = 0
            while i < count {
                if base[i] == 0x0A { s.append(i + 1) }
                i += 1
            }
            lineStarts = s
            starts = s
        }
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
