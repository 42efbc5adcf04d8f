import AnnoZlib

extension PNG {
    /// Why pixels could not be encoded as a PNG.
    public enum EncodingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Width or height is 0 or above 2^31 − 1.
        case invalidDimensions(width: Int, height: Int)
        /// The pixel array does not hold width × height samples.
        case pixelCountMismatch(expected: Int, actual: Int)
        /// The palette has no entries or more than 256.
        case invalidPalette(entries: Int)
        /// The transparency array has more entries than the palette.
        case invalidTransparency(entries: Int, paletteEntries: Int)
        /// A pixel's index has no palette entry.
        case indexOutOfPalette(index: UInt8, x: Int, y: Int)
        /// A prepared scanline does not start with filter type 0.
        case unsupportedScanlineFilter(type: UInt8, y: Int)
        /// zlib failed (for example, an invalid compression level).
        case compression(ZlibError)

        /// A one-line description for people.
        public var description: String {
            switch self {
            case .invalidDimensions(let w, let h): return "PNG encoding: invalid dimensions \(w)x\(h)"
            case .pixelCountMismatch(let expected, let actual):
                return "PNG encoding: \(actual) samples given, \(expected) needed"
            case .invalidPalette(let entries): return "PNG encoding: a palette needs 1…256 entries, not \(entries)"
            case .invalidTransparency(let entries, let paletteEntries):
                return "PNG encoding: \(entries) transparency entries for a \(paletteEntries)-entry palette"
            case .indexOutOfPalette(let index, let x, let y):
                return "PNG encoding: index \(index) at (\(x),\(y)) has no palette entry"
            case .unsupportedScanlineFilter(let type, let y):
                return "PNG encoding: scanline \(y) starts with filter type \(type); prepared scanlines must use type 0"
            case .compression(let error): return "PNG encoding: \(error)"
            }
        }
    }
}
