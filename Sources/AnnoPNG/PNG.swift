/// A pure-Swift reader and writer for the PNG subset that annotation masks use (see Specs/formats/png-subset.md).
public enum PNG {
    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Decodes a whole PNG file into pixels, checking every chunk CRC and never allocating more than `limits` allow.
    ///
    /// - Parameters:
    ///   - bytes: the complete file.
    ///   - limits: size caps applied before any pixel buffer is allocated.
    ///   - toleratedIndexBeyondPalette: one palette index (typically VOC's void index 255) that may appear in the
    ///     pixels even when the palette is shorter; every other index past the palette is an error.
    public static func decode(
        _ bytes: [UInt8], limits: Limits = .default, toleratedIndexBeyondPalette: UInt8? = nil
    ) throws(DecodingError) -> Image {
        var decoder = Decoder(bytes: bytes, limits: limits, toleratedIndex: toleratedIndexBeyondPalette)
        return try decoder.decode()
    }

    /// Reads and validates the signature and IHDR chunk (including its CRC and `limits`) without touching image data.
    public static func readHeader(_ bytes: [UInt8], limits: Limits = .default) throws(DecodingError) -> Header {
        var decoder = Decoder(bytes: bytes, limits: limits, toleratedIndex: nil)
        return try decoder.readHeader()
    }

    /// The width and height declared by a PNG's IHDR chunk, or `nil` if `bytes` does not start like a PNG (no CRC or limit checks).
    public static func imageSize(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        ImageHeader.pngSize(of: bytes)
    }
}
