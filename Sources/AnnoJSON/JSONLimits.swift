/// Resource limits and strictness switches for `JSONReader`.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted; the value at depth `maxDepth + 1` is rejected
    /// with `depthLimitExceeded`. The reader never recurses, so any value is safe.
    public var maxDepth: Int
    /// The longest string accepted, counted in source bytes between the quotes (escapes included).
    public var maxStringBytes: Int
    /// The longest number literal accepted, in bytes.
    public var maxNumberLength: Int
    /// When true, a duplicate key is a thrown `duplicateKey` error instead of a warning.
    public var rejectDuplicateKeys: Bool

    /// Creates limits; the defaults are those of `JSONLimits.default`.
    public init(maxDepth: Int = 512, maxStringBytes: Int = 1 << 24, maxNumberLength: Int = 1024, rejectDuplicateKeys: Bool = false) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberLength = maxNumberLength
        self.rejectDuplicateKeys = rejectDuplicateKeys
    }

    /// Depth 512, strings up to 16 MiB, number literals up to 1024 bytes, duplicate keys as warnings.
    public static let `default` = JSONLimits()
}
