extension PNG {
    /// A decoded image: its header and its pixels, row-major, top row first, in a form chosen for masks.
    public struct Image: Hashable, Sendable {
        /// The image's IHDR (width, height, bit depth, colour type, interlacing).
        public var header: Header
        /// The pixels, de-interlaced and unfiltered.
        public var pixels: Pixels
        /// How many bytes follow the IEND chunk (0 for a well-formed file); a caller may warn about them.
        public var bytesAfterEnd: Int

        /// Creates an image from decoded parts.
        public init(header: Header, pixels: Pixels, bytesAfterEnd: Int = 0) {
            self.header = header
            self.pixels = pixels
            self.bytesAfterEnd = bytesAfterEnd
        }

        /// Width in pixels.
        public var width: Int { header.width }
        /// Height in pixels.
        public var height: Int { header.height }
    }

    /// Decoded pixel data, row-major and top row first; the case depends on the file's colour type and bit depth.
    ///
    /// Samples of 1, 2 and 4 bits are unpacked to one byte each but **not rescaled**: a 1-bit gray image holds 0 and 1,
    /// a 4-bit palette image holds indices 0…15. That keeps mask values exact; `Header.bitDepth` gives the range.
    public enum Pixels: Hashable, Sendable {
        /// Colour type 3: one palette index per pixel, and the palette with tRNS alpha applied (255 where absent).
        case indexed([UInt8], palette: [RGBA])
        /// Colour type 0 at 1, 2, 4 or 8 bits: one gray value per pixel, not rescaled.
        case gray8([UInt8])
        /// Colour type 0 at 16 bits: one gray value per pixel.
        case gray16([UInt16])
        /// Colour type 4 at 8 bits: gray, alpha, gray, alpha, …
        case grayAlpha8([UInt8])
        /// Colour type 2 at 8 bits: r, g, b, r, g, b, …
        case rgb8([UInt8])
        /// Colour type 6 at 8 bits: r, g, b, a, r, g, b, a, …
        case rgba8([UInt8])
    }
}
