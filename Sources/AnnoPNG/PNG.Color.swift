extension PNG {
    /// An opaque 8-bit colour, as stored in a PLTE entry.
    public struct RGB: Hashable, Sendable, CustomStringConvertible {
        /// Red.
        public var r: UInt8
        /// Green.
        public var g: UInt8
        /// Blue.
        public var b: UInt8

        /// Creates a colour from its three components.
        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
            self.r = r
            self.g = g
            self.b = b
        }

        /// `(r,g,b)`.
        public var description: String { "(\(r),\(g),\(b))" }
    }

    /// An 8-bit colour with alpha, as a palette entry combined with its tRNS value (255 when absent).
    public struct RGBA: Hashable, Sendable, CustomStringConvertible {
        /// Red.
        public var r: UInt8
        /// Green.
        public var g: UInt8
        /// Blue.
        public var b: UInt8
        /// Alpha: 0 is fully transparent, 255 fully opaque.
        public var a: UInt8

        /// Creates a colour from its four components.
        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
            self.r = r
            self.g = g
            self.b = b
            self.a = a
        }

        /// The colour without its alpha.
        public var rgb: RGB { RGB(r, g, b) }

        /// `(r,g,b,a)`.
        public var description: String { "(\(r),\(g),\(b),\(a))" }
    }
}
