extension PNG {
    /// Caps checked against the IHDR and the chunk stream before any pixel memory is allocated.
    public struct Limits: Hashable, Sendable {
        /// The widest image accepted, in pixels.
        public var maxWidth: Int
        /// The tallest image accepted, in pixels.
        public var maxHeight: Int
        /// The most pixels (width × height) accepted.
        public var maxPixels: Int
        /// The most chunks other than IDAT accepted in one file (a flood of tiny ancillary chunks is refused).
        public var maxChunks: Int

        /// Creates limits; every value is a maximum.
        public init(maxWidth: Int = 1 << 16, maxHeight: Int = 1 << 16, maxPixels: Int = 1 << 28, maxChunks: Int = 10_000) {
            self.maxWidth = maxWidth
            self.maxHeight = maxHeight
            self.maxPixels = maxPixels
            self.maxChunks = maxChunks
        }

        /// 65,536 × 65,536 at most, 2^28 pixels, 10,000 non-IDAT chunks.
        public static let `default` = Limits()
    }

    /// Which of the `Limits` an input exceeded.
    public enum Limit: String, Hashable, Sendable {
        /// `Limits.maxWidth`.
        case width
        /// `Limits.maxHeight`.
        case height
        /// `Limits.maxPixels`.
        case pixels
        /// `Limits.maxChunks`.
        case chunks
    }
}
