extension PNG {
    /// The PNG colour types (IHDR byte 9).
    public enum ColorType: UInt8, Hashable, Sendable {
        /// One gray sample per pixel; bit depths 1, 2, 4, 8, 16.
        case grayscale = 0
        /// Red, green and blue samples; bit depths 8, 16.
        case rgb = 2
        /// One palette index per pixel; bit depths 1, 2, 4, 8.
        case indexed = 3
        /// Gray and alpha samples; bit depths 8, 16.
        case grayscaleAlpha = 4
        /// Red, green, blue and alpha samples; bit depths 8, 16.
        case rgba = 6

        /// Samples per pixel.
        public var channels: Int {
            switch self {
            case .grayscale, .indexed: return 1
            case .grayscaleAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }

        /// Whether the PNG specification allows `bitDepth` with this colour type.
        public func allows(bitDepth: Int) -> Bool {
            switch self {
            case .grayscale: return [1, 2, 4, 8, 16].contains(bitDepth)
            case .indexed: return [1, 2, 4, 8].contains(bitDepth)
            case .rgb, .grayscaleAlpha, .rgba: return bitDepth == 8 || bitDepth == 16
            }
        }

        /// Whether AnnoPNG decodes `bitDepth` with this colour type (everything legal except 16-bit RGB, gray+alpha and RGBA).
        public func isSupported(bitDepth: Int) -> Bool {
            switch self {
            case .grayscale, .indexed: return allows(bitDepth: bitDepth)
            case .rgb, .grayscaleAlpha, .rgba: return bitDepth == 8
            }
        }
    }
}
