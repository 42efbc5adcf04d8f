/// A binary mask as COCO run-length encoding: column-major runs that alternate 0s and 1s, starting with 0s.
///
/// `counts` always sums to `height × width`. Masks built by AnnoMask are canonical: only the first run may be
/// zero (when the first pixel is set), exactly as pycocotools' `encode` writes them. Counts given explicitly are
/// kept as given (pycocotools keeps them too); every operation treats zero-length interior runs correctly.
public struct RLE: Hashable, Sendable {
    /// The mask's size.
    public private(set) var size: MaskSize
    /// Run lengths, column-major, starting with a run of zeros (which may be empty).
    public private(set) var counts: [UInt32]

    /// Wraps counts already known to be valid for `size`.
    init(uncheckedSize size: MaskSize, counts: [UInt32]) {
        self.size = size
        self.counts = counts
    }

    /// Creates an RLE from run lengths; throws unless they sum to `height × width`. O(runs).
    ///
    /// Throws `invalidSize`/`sizeOverflow`/`sizeLimitExceeded` for a bad size, `tooManyRuns` for more than
    /// `height × width + 1` runs and `countsSumMismatch` when the sum is wrong.
    @_disfavoredOverload  // so that an array literal such as `[]` picks the `[Int]` initialiser
    public init(size: MaskSize, counts: [UInt32]) throws(MaskError) {
        let pixels = try size.validate()
        guard counts.count <= pixels + 1 else { throw .tooManyRuns(count: counts.count, limit: pixels + 1) }
        var sum = 0
        for c in counts {
            let (next, overflow) = sum.addingReportingOverflow(Int(c))
            sum = overflow ? Int.max : next
        }
        guard sum == pixels else { throw .countsSumMismatch(expected: pixels, actual: sum) }
        self.size = size
        self.counts = counts
    }

    /// Creates an RLE from run lengths given as `Int`s, rejecting negative and over-32-bit runs. O(runs).
    public init(size: MaskSize, counts: [Int]) throws(MaskError) {
        let pixels = try size.validate()
        guard counts.count <= pixels + 1 else { throw .tooManyRuns(count: counts.count, limit: pixels + 1) }
        var sum = 0
        var out = [UInt32]()
        out.reserveCapacity(counts.count)
        for (i, c) in counts.enumerated() {
            guard c >= 0 else { throw .negativeCount(index: i) }
            guard c <= Int(UInt32.max) else { throw .countOverflow(index: i) }
            let (next, overflow) = sum.addingReportingOverflow(c)
            sum = overflow ? Int.max : next
            out.append(UInt32(c))
        }
        guard sum == pixels else { throw .countsSumMismatch(expected: pixels, actual: sum) }
        self.size = size
        self.counts = out
    }

    /// Creates an all-zero mask of `size`.
    public init(empty size: MaskSize) throws(MaskError) {
        let pixels = try size.validate()
        self.init(uncheckedSize: size, counts: [UInt32(pixels)])
    }

    /// Creates an all-one mask of `size`.
    public init(full size: MaskSize) throws(MaskError) {
        let pixels = try size.validate()
        self.init(uncheckedSize: size, counts: pixels == 0 ? [0] : [0, UInt32(pixels)])
    }

    /// Number of set pixels: the sum of the odd-indexed runs (pycocotools `area`). O(runs).
    public var area: Int {
        counts.withUnsafeBufferPointer { c in
            var a = 0
            var i = 1
            while i < c.count {
                a &+= Int(c[i])
                i &+= 2
            }
            return a
        }
    }

    /// True when no run other than the first is zero-length (the form pycocotools' `encode` produces).
    public var isCanonical: Bool {
        counts.dropFirst().allSatisfy { $0 != 0 }
    }

    /// The same mask with zero-length interior runs merged away. O(runs).
    public func canonicalized() -> RLE {
        if isCanonical { return self }
        var out = [UInt32]()
        out.reserveCapacity(counts.count)
        var value = false  // value of the last run in `out`
        var current = false
        for (i, c) in counts.enumerated() {
            defer { current.toggle() }
            if i == 0 {
                out.append(c)
                value = false
                continue
            }
            if c == 0 { continue }
            if current == value, let last = out.last {
                out[out.count - 1] = last &+ c
            } else {
                out.append(c)
                value = current
            }
        }
        if out.isEmpty { out = [0] }
        return RLE(uncheckedSize: size, counts: out)
    }
}

extension RLE: CustomStringConvertible {
    /// `RLE([h, w], counts: [...])`, abbreviated for long masks.
    public var description: String {
        let shown = counts.prefix(16).map(String.init).joined(separator: ", ")
        return "RLE(\(size), counts: [\(shown)\(counts.count > 16 ? ", … \(counts.count) runs" : "")])"
    }
}
