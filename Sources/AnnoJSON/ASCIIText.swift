/// Fast construction of short ASCII strings, shared by decoders that produce many number literals and keys.
public enum ASCIIText {
    /// True when this runtime lays out small ASCII strings as `smallASCIIBits` builds them (checked once).
    static let smallStringsOK = JSONReaderStorage.checkSmallStrings()

    /// The `count` bytes at `p` as a small String when they are at most 15 ASCII bytes (built directly in the
    /// standard library's small-string form, about ten times faster than `String(decoding:as:)`), else nil. O(1).
    ///
    /// - Precondition: 16 bytes are readable at `p` (the bytes after `count` are ignored).
    @inline(__always)
    public static func small(_ p: UnsafePointer<UInt8>, count n: Int) -> String? {
        guard n <= 15 && smallStringsOK else { return nil }
        return JSONReaderStorage.smallASCIIString(p, count: n)
    }

    /// The `count` bytes at `p` as a String: `small(_:count:)` when it applies, else decoded as UTF-8 with repair.
    ///
    /// - Precondition: 16 bytes are readable at `p`, or `count > 15`.
    @inline(__always)
    public static func string(_ p: UnsafePointer<UInt8>, count n: Int) -> String {
        small(p, count: n) ?? String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
}
