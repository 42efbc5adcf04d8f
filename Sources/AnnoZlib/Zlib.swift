/// Compression, decompression and checksums backed by the system zlib.
///
/// All pointer work lives in `ZStream.swift`; everything here works on `[UInt8]`.
public enum Zlib {
    /// The container around a DEFLATE stream.
    public enum Format: Hashable, Sendable {
        /// RFC 1950 zlib: two-byte header, DEFLATE data, Adler-32 trailer (what PNG uses).
        case zlib
        /// RFC 1951 raw DEFLATE with no header or trailer (what ZIP uses).
        case raw
        /// RFC 1952 gzip: header, DEFLATE data, CRC-32 and size trailer.
        case gzip

        /// zlib's `windowBits` argument selecting this format with a 32 KiB window.
        var windowBits: Int32 {
            switch self {
            case .zlib: return 15
            case .raw: return -15
            case .gzip: return 31
            }
        }
    }

    /// Compresses `bytes` into one complete stream at `level` (0 = stored … 9 = smallest, −1 = zlib's default 6); the output is deterministic for a given level and format.
    public static func deflate(_ bytes: [UInt8], level: Int = 6, format: Format = .zlib) throws(ZlibError) -> [UInt8] {
        let deflater = try Deflater(level: level, format: format)
        var output = try deflater.process(bytes)
        output += try deflater.finish()
        return output
    }

    /// Decompresses one complete stream, failing with `outputLimitExceeded` before buffering more than `limit` bytes, `truncatedInput` if the stream does not end, and `trailingData` if bytes follow its end.
    public static func inflate(_ bytes: [UInt8], limit: Int, format: Format = .zlib) throws(ZlibError) -> [UInt8] {
        let inflater = try Inflater(limit: limit, format: format)
        let output = try inflater.process(bytes)
        try inflater.finish()
        return output
    }

    /// zlib's CRC-32 (the one PNG, gzip and ZIP use) of `bytes`, continuing from `seed` (0 to start).
    public static func crc32(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { ZStream.crc32(seed, $0) }
    }

    /// zlib's CRC-32 of the bytes in `buffer`, continuing from `seed` (0 to start).
    public static func crc32(_ buffer: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        ZStream.crc32(seed, buffer)
    }

    /// zlib's Adler-32 of `bytes`, continuing from `seed` (1 to start).
    public static func adler32(_ bytes: [UInt8], seed: UInt32 = 1) -> UInt32 {
        bytes.withUnsafeBytes { ZStream.adler32(seed, $0) }
    }

    /// zlib's Adler-32 of the bytes in `buffer`, continuing from `seed` (1 to start).
    public static func adler32(_ buffer: UnsafeRawBufferPointer, seed: UInt32 = 1) -> UInt32 {
        ZStream.adler32(seed, buffer)
    }
}
