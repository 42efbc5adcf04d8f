import AnnoZlib

extension PNG {
    /// How the image data (IDAT) is compressed.
    public enum Compression: Hashable, Sendable {
        /// zlib at `level` 0…9.
        case zlib(level: Int)
        /// A run-length DEFLATE encoder for masks: about ten times faster than zlib level 1 on masks, files about
        /// 1.5–2× larger, the same bytes with every zlib version.
        case runLength
    }

    /// Encodes an 8-bit palette image whose rows are already laid out as PNG scanlines with filter type 0: each of
    /// the `height` rows is a 0 byte then `width` indices, so a caller that paints masks in such a buffer needs no
    /// copy. Deterministic; the same bytes as ``encodeIndexed(width:height:indices:palette:transparency:level:filter:)``
    /// with `filter: .none` and the same zlib level.
    ///
    /// - Complexity: O(width × height); one pass to check the indices and filter bytes, then compression.
    public static func encodeIndexed(
        width: Int, height: Int, scanlines: [UInt8], palette: [RGB], transparency: [UInt8]? = nil,
        compression: Compression = .zlib(level: 6)
    ) throws(EncodingError) -> [UInt8] {
        if width < 1 || height < 1 || width > 0x7FFF_FFFF || height > 0x7FFF_FFFF {
            throw EncodingError.invalidDimensions(width: width, height: height)
        }
        let (rows, o1) = (width + 1).multipliedReportingOverflow(by: height)
        if o1 { throw EncodingError.invalidDimensions(width: width, height: height) }
        if rows != scanlines.count { throw EncodingError.pixelCountMismatch(expected: rows, actual: scanlines.count) }
        let extra = try paletteChunks(palette: palette, transparency: transparency)
        for y in 0..<height {
            let row = y * (width + 1)
            if scanlines[row] != 0 { throw EncodingError.unsupportedScanlineFilter(type: scanlines[row], y: y) }
            if palette.count < 256 {
                for x in 0..<width where Int(scanlines[row + 1 + x]) >= palette.count {
                    throw EncodingError.indexOutOfPalette(index: scanlines[row + 1 + x], x: x, y: y)
                }
            }
        }
        return frame(width: width, height: height, colorType: .indexed, extraChunks: extra,
                     compressed: try ZlibFraming.stream(scanlines, compression))
    }

    /// Encodes an 8-bit palette image: one index per pixel, row-major; output is deterministic (no timestamps, fixed filters).
    ///
    /// - Parameters:
    ///   - indices: `width × height` palette indices, each below `palette.count`.
    ///   - palette: 1…256 colours (the PLTE chunk).
    ///   - transparency: optional alpha per palette entry (the tRNS chunk), at most `palette.count` values.
    ///   - level: zlib level 0…9.
    ///   - filter: the scanline filter strategy; `.none` is what the PNG specification recommends for palettes.
    public static func encodeIndexed(
        width: Int, height: Int, indices: [UInt8], palette: [RGB], transparency: [UInt8]? = nil,
        level: Int = 6, filter: RowFilter = .none
    ) throws(EncodingError) -> [UInt8] {
        try checkSize(width: width, height: height, count: indices.count, channels: 1)
        let extra = try paletteChunks(palette: palette, transparency: transparency)
        if palette.count < 256 {
            for (i, index) in indices.enumerated() where Int(index) >= palette.count {
                throw EncodingError.indexOutOfPalette(index: index, x: i % width, y: i / width)
            }
        }
        return try encode(
            width: width, height: height, colorType: .indexed, raw: indices, extraChunks: extra, level: level,
            filter: filter)
    }

    /// Encodes an 8-bit grayscale image: one value per pixel, row-major; output is deterministic.
    public static func encodeGray8(
        width: Int, height: Int, pixels: [UInt8], level: Int = 6, filter: RowFilter = .adaptive
    ) throws(EncodingError) -> [UInt8] {
        try checkSize(width: width, height: height, count: pixels.count, channels: 1)
        return try encode(
            width: width, height: height, colorType: .grayscale, raw: pixels, extraChunks: [], level: level,
            filter: filter)
    }

    /// Encodes an 8-bit RGB image: r, g, b per pixel, row-major; output is deterministic.
    public static func encodeRGB8(
        width: Int, height: Int, pixels: [UInt8], level: Int = 6, filter: RowFilter = .adaptive
    ) throws(EncodingError) -> [UInt8] {
        try checkSize(width: width, height: height, count: pixels.count, channels: 3)
        return try encode(
            width: width, height: height, colorType: .rgb, raw: pixels, extraChunks: [], level: level, filter: filter)
    }

    /// Encodes an 8-bit RGBA image: r, g, b, a per pixel, row-major; output is deterministic.
    public static func encodeRGBA8(
        width: Int, height: Int, pixels: [UInt8], level: Int = 6, filter: RowFilter = .adaptive
    ) throws(EncodingError) -> [UInt8] {
        try checkSize(width: width, height: height, count: pixels.count, channels: 4)
        return try encode(
            width: width, height: height, colorType: .rgba, raw: pixels, extraChunks: [], level: level, filter: filter)
    }

    /// The PLTE chunk (and tRNS, when given) after checking the palette has 1…256 entries and at most as many
    /// alpha values.
    private static func paletteChunks(palette: [RGB], transparency: [UInt8]?) throws(EncodingError) -> [(String, [UInt8])] {
        if palette.isEmpty || palette.count > 256 { throw EncodingError.invalidPalette(entries: palette.count) }
        if let transparency, transparency.count > palette.count {
            throw EncodingError.invalidTransparency(entries: transparency.count, paletteEntries: palette.count)
        }
        var plte: [UInt8] = []
        plte.reserveCapacity(palette.count * 3)
        for color in palette { plte += [color.r, color.g, color.b] }
        var extra: [(String, [UInt8])] = [("PLTE", plte)]
        if let transparency { extra.append(("tRNS", transparency)) }
        return extra
    }

    /// Checks dimensions and that `count` equals width × height × channels.
    private static func checkSize(width: Int, height: Int, count: Int, channels: Int) throws(EncodingError) {
        if width < 1 || height < 1 || width > 0x7FFF_FFFF || height > 0x7FFF_FFFF {
            throw EncodingError.invalidDimensions(width: width, height: height)
        }
        let (pixels, o1) = width.multipliedReportingOverflow(by: height)
        let (samples, o2) = pixels.multipliedReportingOverflow(by: channels)
        if o1 || o2 { throw EncodingError.invalidDimensions(width: width, height: height) }
        if samples != count { throw EncodingError.pixelCountMismatch(expected: samples, actual: count) }
    }

    /// Filters, compresses and frames 8-bit raw rows as signature, IHDR, `extraChunks`, IDAT (1 MiB pieces), IEND.
    private static func encode(
        width: Int, height: Int, colorType: ColorType, raw: [UInt8], extraChunks: [(String, [UInt8])],
        level: Int, filter: RowFilter
    ) throws(EncodingError) -> [UInt8] {
        let channels = colorType.channels
        let rowBytes = width * channels
        if filter.fixedType == 0 {
            // Filter type 0 copies each row after its type byte: one bulk copy per row.
            var filtered = [UInt8](repeating: 0, count: height * (rowBytes + 1))
            filtered.withUnsafeMutableBufferPointer { out in
                raw.withUnsafeBufferPointer { src in
                    guard let o = out.baseAddress, let s = src.baseAddress else { return }
                    for y in 0..<height { (o + y * (rowBytes + 1) + 1).update(from: s + y * rowBytes, count: rowBytes) }
                }
            }
            return frame(width: width, height: height, colorType: colorType, extraChunks: extraChunks,
                         compressed: try ZlibFraming.stream(filtered, .zlib(level: level)))
        }
        var filtered: [UInt8] = []
        filtered.reserveCapacity(height * (rowBytes + 1))
        var candidate: [UInt8] = []
        for y in 0..<height {
            let row = raw[(y * rowBytes)..<((y + 1) * rowBytes)]
            let previous = y == 0 ? nil : raw[((y - 1) * rowBytes)..<(y * rowBytes)]
            if let type = filter.fixedType {
                appendFiltered(type, row: row, previous: previous, stride: channels, to: &filtered)
                continue
            }
            var best: [UInt8] = []
            var bestScore = Int.max
            for type in UInt8(0)...4 {
                candidate.removeAll(keepingCapacity: true)
                appendFiltered(type, row: row, previous: previous, stride: channels, to: &candidate)
                var score = 0
                for byte in candidate.dropFirst() { score += byte < 128 ? Int(byte) : 256 - Int(byte) }
                if score < bestScore {
                    bestScore = score
                    best = candidate
                }
            }
            filtered += best
        }
        return frame(width: width, height: height, colorType: colorType, extraChunks: extraChunks,
                     compressed: try ZlibFraming.stream(filtered, .zlib(level: level)))
    }

    /// Frames a compressed image stream as signature, IHDR, `extraChunks`, IDAT (1 MiB pieces), IEND.
    private static func frame(
        width: Int, height: Int, colorType: ColorType, extraChunks: [(String, [UInt8])], compressed: [UInt8]
    ) -> [UInt8] {
        var out = PNG.signature
        out.reserveCapacity(compressed.count + 64 + extraChunks.reduce(0) { $0 + $1.1.count + 12 })
        var ihdr: [UInt8] = []
        appendUInt32(UInt32(width), to: &ihdr)
        appendUInt32(UInt32(height), to: &ihdr)
        ihdr += [8, colorType.rawValue, 0, 0, 0]
        appendChunk("IHDR", ihdr, to: &out)
        for (type, data) in extraChunks { appendChunk(type, data, to: &out) }
        let piece = 1 << 20
        var start = 0
        repeat {
            let end = min(compressed.count, start + piece)
            appendChunk("IDAT", Array(compressed[start..<end]), to: &out)
            start = end
        } while start < compressed.count
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// Appends `value` big-endian.
    private static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    /// Appends one chunk: length, type, data, CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        appendUInt32(UInt32(data.count), to: &out)
        let typeAndData = Array(type.utf8) + data
        out += typeAndData
        appendUInt32(Zlib.crc32(typeAndData), to: &out)
    }
}
