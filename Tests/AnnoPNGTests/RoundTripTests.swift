import AnnoTestSupport
import Testing
import AnnoPNG
import AnnoZlib

@Suite struct EncodeDecodeRoundTripTests {
    static let filters: [PNG.RowFilter] = [.none, .sub, .up, .average, .paeth, .adaptive]

    @Test(arguments: filters)
    func randomPaletteImages(filter: PNG.RowFilter) throws {
        var rng = SplitMix64(state: 42)
        for trial in 0..<12 {
            let width = Int.random(in: 1...70, using: &rng)
            let height = Int.random(in: 1...40, using: &rng)
            let entries = trial == 0 ? 256 : Int.random(in: 1...256, using: &rng)
            let palette = (0..<entries).map { _ in
                PNG.RGB(UInt8.random(in: 0...255, using: &rng), UInt8.random(in: 0...255, using: &rng),
                        UInt8.random(in: 0...255, using: &rng))
            }
            // Mask-like content: runs of one index with some noise.
            var indices: [UInt8] = []
            var current = UInt8(0)
            for _ in 0..<(width * height) {
                if Int.random(in: 0..<10, using: &rng) == 0 { current = UInt8(Int.random(in: 0..<entries, using: &rng)) }
                indices.append(current)
            }
            let transparency: [UInt8]? = trial % 3 == 0
                ? (0..<Int.random(in: 0...entries, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } : nil
            let level = [0, 1, 6, 9][trial % 4]
            let png = try PNG.encodeIndexed(
                width: width, height: height, indices: indices, palette: palette, transparency: transparency,
                level: level, filter: filter)
            let image = try PNG.decode(png)
            #expect(image.header == PNG.Header(width: width, height: height, bitDepth: 8, colorType: .indexed, interlaced: false))
            let alpha = transparency ?? []
            let expectedPalette = palette.enumerated().map { i, c in
                PNG.RGBA(c.r, c.g, c.b, i < alpha.count ? alpha[i] : 255)
            }
            #expect(image.pixels == .indexed(indices, palette: expectedPalette))
            #expect(image.bytesAfterEnd == 0)
        }
    }

    @Test(arguments: filters)
    func gray8AndColour(filter: PNG.RowFilter) throws {
        var rng = SplitMix64(state: 7)
        let width = 37, height = 23
        let gray = (0..<(width * height)).map { i in UInt8(truncatingIfNeeded: i * 3 + Int.random(in: 0...4, using: &rng)) }
        #expect(try PNG.decode(PNG.encodeGray8(width: width, height: height, pixels: gray, filter: filter)).pixels == .gray8(gray))
        let rgb = (0..<(width * height * 3)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(try PNG.decode(PNG.encodeRGB8(width: width, height: height, pixels: rgb, filter: filter)).pixels == .rgb8(rgb))
        let rgba = (0..<(width * height * 4)).map { i in UInt8(truncatingIfNeeded: i / 7) }
        #expect(try PNG.decode(PNG.encodeRGBA8(width: width, height: height, pixels: rgba, filter: filter)).pixels == .rgba8(rgba))
    }

    @Test func vocMaskRoundTrip() throws {
        // A VOC-style class mask: background, two classes, and a void border, with the full VOC colormap.
        let width = 64, height = 48
        var indices = [UInt8](repeating: 0, count: width * height)
        for y in 10..<30 { for x in 5..<40 { indices[y * width + x] = 15 } }
        for y in 8..<32 { for x in 3..<42 where indices[y * width + x] == 0 { indices[y * width + x] = 255 } }
        for y in 35..<45 { for x in 45..<60 { indices[y * width + x] = 1 } }
        let png = try PNG.encodeIndexed(width: width, height: height, indices: indices, palette: PNG.vocColormap)
        let image = try PNG.decode(png)
        guard case .indexed(let decoded, let palette) = image.pixels else {
            Issue.record("not indexed")
            return
        }
        #expect(decoded == indices)
        #expect(palette.map(\.rgb) == PNG.vocColormap)
        #expect(png.count < 1000)
    }

    @Test func encodingIsDeterministic() throws {
        let indices = (0..<(50 * 50)).map { UInt8($0 % 21) }
        let a = try PNG.encodeIndexed(width: 50, height: 50, indices: indices, palette: PNG.vocColormap)
        let b = try PNG.encodeIndexed(width: 50, height: 50, indices: indices, palette: PNG.vocColormap)
        #expect(a == b)
        // Layout: signature, IHDR, PLTE, IDAT, IEND and nothing else (no time or text chunks).
        #expect(Array(a.prefix(8)) == PNG.signature)
        #expect(String(decoding: a[12..<16], as: UTF8.self) == "IHDR")
        #expect(String(decoding: a[37..<41], as: UTF8.self) == "PLTE")
        #expect(String(decoding: a[(a.count - 8)..<(a.count - 4)], as: UTF8.self) == "IEND")
        #expect(Array(a.suffix(4)) == [0xAE, 0x42, 0x60, 0x82])
    }

    @Test func encodingErrors() {
        let palette = [PNG.RGB(0, 0, 0), PNG.RGB(255, 255, 255)]
        #expect(throws: PNG.EncodingError.invalidDimensions(width: 0, height: 1)) {
            try PNG.encodeIndexed(width: 0, height: 1, indices: [], palette: palette)
        }
        #expect(throws: PNG.EncodingError.pixelCountMismatch(expected: 4, actual: 3)) {
            try PNG.encodeIndexed(width: 2, height: 2, indices: [0, 1, 0], palette: palette)
        }
        #expect(throws: PNG.EncodingError.invalidPalette(entries: 0)) {
            try PNG.encodeIndexed(width: 1, height: 1, indices: [0], palette: [])
        }
        #expect(throws: PNG.EncodingError.invalidPalette(entries: 257)) {
            try PNG.encodeIndexed(width: 1, height: 1, indices: [0], palette: Array(repeating: PNG.RGB(0, 0, 0), count: 257))
        }
        #expect(throws: PNG.EncodingError.invalidTransparency(entries: 3, paletteEntries: 2)) {
            try PNG.encodeIndexed(width: 1, height: 1, indices: [0], palette: palette, transparency: [0, 0, 0])
        }
        #expect(throws: PNG.EncodingError.indexOutOfPalette(index: 7, x: 1, y: 1)) {
            try PNG.encodeIndexed(width: 2, height: 2, indices: [0, 1, 0, 7], palette: palette)
        }
        #expect(throws: PNG.EncodingError.self) {
            try PNG.encodeGray8(width: 1, height: 1, pixels: [0], level: 12)
        }
        #expect(throws: PNG.EncodingError.pixelCountMismatch(expected: 6, actual: 2)) {
            try PNG.encodeRGB8(width: 2, height: 1, pixels: [0, 0])
        }
    }

    @Test func toleratedVoidIndex() throws {
        // A hand-built palette PNG with a 2-entry palette and a 255 pixel, as some tools write VOC masks.
        let png = try PNGBuilder.indexed8(width: 2, height: 1, indices: [1, 255], paletteEntries: 2)
        #expect(decodingError(png) == PNG.DecodingError(
            .paletteIndexOutOfRange(index: 255, paletteEntries: 2, x: 1, y: 0), offset: 51))
        let image = try PNG.decode(png, toleratedIndexBeyondPalette: 255)
        #expect(image.pixels == .indexed([1, 255], palette: [PNG.RGBA(0, 0, 0), PNG.RGBA(1, 1, 1)]))
    }

    @Test func headerAndSize() throws {
        let png = try PNG.encodeGray8(width: 300, height: 7, pixels: [UInt8](repeating: 9, count: 2100))
        #expect(try PNG.readHeader(png) == PNG.Header(width: 300, height: 7, bitDepth: 8, colorType: .grayscale, interlaced: false))
        #expect(PNG.imageSize(of: png)! == (300, 7))
        #expect(ImageHeader.size(of: png)! == (300, 7))
        #expect(PNG.imageSize(of: Array(png.prefix(23))) == nil)
        #expect(PNG.imageSize(of: []) == nil)
        #expect(throws: PNG.DecodingError(.limitExceeded(.width, value: 300, maximum: 100), offset: 16)) {
            try PNG.readHeader(png, limits: PNG.Limits(maxWidth: 100))
        }
    }

    @Test func dataAfterEndIsCounted() throws {
        let png = try PNG.encodeGray8(width: 2, height: 2, pixels: [1, 2, 3, 4])
        let image = try PNG.decode(png + [0, 1, 2])
        #expect(image.bytesAfterEnd == 3)
        #expect(image.pixels == .gray8([1, 2, 3, 4]))
    }
}

/// Minimal hand-built PNGs for cases the public encoder refuses to write.
enum PNGBuilder {
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(Zlib.crc32(body))
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    static func ihdr(width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, interlace: UInt8 = 0) -> [UInt8] {
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [bitDepth, colorType, 0, 0, interlace])
    }

    /// An 8-bit palette PNG with filter 0 rows and palette entries (k, k, k).
    static func indexed8(width: Int, height: Int, indices: [UInt8], paletteEntries: Int) throws -> [UInt8] {
        var filtered: [UInt8] = []
        for y in 0..<height { filtered += [0] + indices[(y * width)..<((y + 1) * width)] }
        let plte = (0..<paletteEntries).flatMap { k in [UInt8(k), UInt8(k), UInt8(k)] }
        return PNG.signature + ihdr(width: width, height: height, bitDepth: 8, colorType: 3) + chunk("PLTE", plte)
            + chunk("IDAT", try Zlib.deflate(filtered)) + chunk("IEND", [])
    }
}
