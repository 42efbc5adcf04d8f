extension PNG {
    /// The validated contents of an IHDR chunk.
    public struct Header: Hashable, Sendable {
        /// Width in pixels, 1 or more.
        public var width: Int
        /// Height in pixels, 1 or more.
        public var height: Int
        /// Bits per sample (per palette index for indexed images).
        public var bitDepth: Int
        /// How samples make up a pixel.
        public var colorType: ColorType
        /// Whether the image data is Adam7-interlaced.
        public var interlaced: Bool

        /// Creates a header from its fields; `PNG.readHeader` validates them, this initializer does not.
        public init(width: Int, height: Int, bitDepth: Int, colorType: ColorType, interlaced: Bool) {
            self.width = width
            self.height = height
            self.bitDepth = bitDepth
            self.colorType = colorType
            self.interlaced = interlaced
        }

        /// Bits per pixel: `bitDepth × channels`.
        var bitsPerPixel: Int { bitDepth * colorType.channels }

        /// Bytes per complete pixel, at least 1: the distance the Sub, Average and Paeth filters look back.
        var filterStride: Int { max(1, bitsPerPixel / 8) }

        /// Bytes in one scanline of `pixels` pixels, without the filter byte, or `nil` on overflow.
        func rowBytes(pixels: Int) -> Int? {
            let (bits, overflow) = pixels.multipliedReportingOverflow(by: bitsPerPixel)
            if overflow { return nil }
            return bits / 8 + (bits % 8 == 0 ? 0 : 1)
        }

        /// The size of the filtered (decompressed) image data: every pass's scanlines plus their filter bytes, or `nil` on overflow.
        func filteredDataSize() -> Int? {
            var total = 0
            for pass in Adam7.passes(interlaced: interlaced) {
                let (w, h) = pass.size(width: width, height: height)
                if w == 0 || h == 0 { continue }
                guard let row = rowBytes(pixels: w) else { return nil }
                let (passBytes, o1) = (row + 1).multipliedReportingOverflow(by: h)
                let (sum, o2) = total.addingReportingOverflow(passBytes)
                if o1 || o2 { return nil }
                total = sum
            }
            return total
        }
    }
}
