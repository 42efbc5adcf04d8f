import AnnoZlib

extension PNG {
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
        if palette.isEmpty || palette.count > 256 { throw EncodingError.invalidPalette(entries: palette.count) }
        if let transparency, transparency.count > palette.count {
            throw EncodingError.invalidTransparency(entries: transparency.count, paletteEntries: palette.count)
        }
        if palette.count < 256 {
            for (i, index) in indices.enumerated() where Int(index) >= palette.count {
                throw EncodingError.indexOutOfPalette(index: index, x: i % width, y: i / width)
            }
        }
        var plte: [UInt8] = []
        plte.reserveCapacity(palette.count * 3)
        for color in palette { plte += [color.r, color.g, color.b] }
        var extra: [(String, [UInt8])] = [("PLTE", plte)]
        if let transparency { extra.append(("tRNS", transparency)) }
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
        let compressed: [UInt8]
        do {
            compressed = try Zlib.deflate(filtered, level: level)
        } catch {
            throw EncodingError.compression(error)
        }

        var out = PNG.signature
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
