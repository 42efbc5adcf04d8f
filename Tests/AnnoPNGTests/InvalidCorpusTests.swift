import Testing
import AnnoPNG
import AnnoZlib

/// Every file in Fixtures/png/invalid/ (written by make_fixtures.py) must fail with exactly this error, quickly.
@Suite struct InvalidCorpusTests {
    typealias E = PNG.DecodingError

    static let expected: [String: E] = [
        "bad_signature.png": E(.invalidSignature, offset: 0),
        "empty.png": E(.invalidSignature, offset: 0),
        "bad_crc_ihdr.png": E(.crcMismatch(chunk: "IHDR", stored: 0xDEAD_BEEF, computed: 0x3A98_A0BD), offset: 8),
        "bad_crc_idat.png": E(.crcMismatch(chunk: "IDAT", stored: 0, computed: 0x4D5C_DAF4), offset: 33),
        "truncated_file_in_idat.png": E(.chunkPastEndOfFile(chunk: "IDAT", length: 283, available: 137), offset: 33),
        "truncated_zlib_stream.png": E(.truncatedImageData(expected: 272, actual: 100), offset: 33),
        "ihdr_larger_than_data.png": E(.truncatedImageData(expected: 64 * 65, actual: 272), offset: 33),
        "palette_index_beyond.png": E(.paletteIndexOutOfRange(index: 5, paletteEntries: 2, x: 3, y: 2), offset: 51),
        "palette_missing.png": E(.missingPalette, offset: 33),
        "plte_bad_length.png": E(.invalidPalette(length: 7), offset: 33),
        "trns_too_long.png": E(.invalidTransparency(length: 3, paletteEntries: 2), offset: 51),
        "palette_in_gray.png": E(.unexpectedPalette, offset: 33),
        "bomb_1gib.png": E(.excessImageData(expected: 272), offset: 33),
        "idat_too_long.png": E(.excessImageData(expected: 72), offset: 33),
        "zero_width.png": E(.invalidDimensions(width: 0, height: 16), offset: 16),
        "width_over_2_31.png": E(.invalidDimensions(width: 1 << 31, height: 1), offset: 16),
        "huge_dimensions.png": E(.limitExceeded(.width, value: 1_000_000, maximum: 65536), offset: 16),
        "huge_pixels.png": E(.limitExceeded(.pixels, value: 1 << 32, maximum: 1 << 28), offset: 16),
        "missing_iend.png": E(.missingEnd, offset: 328),
        "bad_filter_type.png": E(.invalidFilterType(5, row: 3), offset: 33),
        "palette_16bit.png": E(.invalidColorFormat(bitDepth: 16, colorType: 3), offset: 24),
        "rgb_4bit.png": E(.invalidColorFormat(bitDepth: 4, colorType: 2), offset: 24),
        "color_type_5.png": E(.invalidColorFormat(bitDepth: 8, colorType: 5), offset: 24),
        "rgb16_unsupported.png": E(.unsupportedColorFormat(bitDepth: 16, colorType: 2), offset: 24),
        "interlace_method_2.png": E(.invalidInterlaceMethod(2), offset: 28),
        "chunk_length_past_eof.png": E(.chunkPastEndOfFile(chunk: "IDAT", length: 0x7FFF_FFF0, available: 40), offset: 33),
        "chunk_length_over_2_31.png": E(.invalidChunkLength(chunk: "IDAT", length: 0xFFFF_FFF0), offset: 33),
        "no_idat.png": E(.missingImageData, offset: 33),
        "unknown_critical.png": E(.unknownCriticalChunk("ABCD"), offset: 33),
        "idat_not_consecutive.png": E(.idatNotConsecutive, offset: 201),
        "ihdr_not_first.png": E(.missingHeader(found: "tEXt"), offset: 8),
        "ihdr_wrong_length.png": E(.invalidChunkSize(chunk: "IHDR", length: 12), offset: 8),
        "apng_actl.png": E(.unsupportedChunk("acTL"), offset: 33),
        "bad_adler32.png": E(.compressedData(ZlibError(.dataError, message: "incorrect data check")), offset: 33),
        "bad_chunk_type.png": E(.invalidChunkType([0x49, 0x44, 0x40, 0x54]), offset: 33),
    ]

    @Test func everyFileHasAnExpectation() throws {
        let files = try fixtureNames(in: "invalid").filter { $0.hasSuffix(".png") }
        #expect(Set(files) == Set(Self.expected.keys))
        #expect(files.count >= 12)
    }

    @Test(arguments: expected.keys.sorted())
    func failsWithExactError(name: String) throws {
        let bytes = try fixture("invalid/\(name)")
        let clock = ContinuousClock()
        let start = clock.now
        let error = decodingError(bytes)
        let elapsed = clock.now - start
        #expect(error == Self.expected[name])
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
        if let error { #expect(!error.description.isEmpty) }
    }

    @Test func bombFixtureIsSmall() throws {
        let bytes = try fixture("invalid/bomb_1gib.png")
        #expect(bytes.count < 1_100_000)
    }

    @Test func chunkFloodHitsTheChunkLimit() throws {
        let good = try PNG.encodeGray8(width: 4, height: 4, pixels: [UInt8](repeating: 1, count: 16))
        let text = PNGBuilder.chunk("tEXt", Array("k\u{0}v".utf8))
        var flood = Array(good[0..<33])
        for _ in 0..<10_000 { flood += text }
        flood += good[33...]
        // IHDR plus 10,000 tEXt chunks: the 10,001st non-IDAT chunk is the first one over the limit.
        #expect(decodingError(flood) == E(.limitExceeded(.chunks, value: 10_001, maximum: 10_000), offset: 33 + 9_999 * 15))
        #expect(decodingError(flood, limits: PNG.Limits(maxChunks: 20_000)) == nil)
    }

    @Test func duplicateAndMisplacedChunks() throws {
        let sig = PNG.signature
        let ihdr = PNGBuilder.ihdr(width: 1, height: 1, bitDepth: 8, colorType: 3)
        let plte = PNGBuilder.chunk("PLTE", [1, 2, 3])
        let idat = PNGBuilder.chunk("IDAT", try Zlib.deflate([0, 0]))
        let iend = PNGBuilder.chunk("IEND", [])
        #expect(try PNG.decode(sig + ihdr + plte + idat + iend).pixels == .indexed([0], palette: [PNG.RGBA(1, 2, 3)]))
        #expect(decodingError(sig + ihdr + ihdr + plte + idat + iend) == E(.duplicateChunk("IHDR"), offset: 33))
        #expect(decodingError(sig + ihdr + plte + plte + idat + iend) == E(.duplicateChunk("PLTE"), offset: 48))
        // PLTE is optional for RGB, but never after IDAT.
        let rgbIHDR = PNGBuilder.ihdr(width: 1, height: 1, bitDepth: 8, colorType: 2)
        let rgbIDAT = PNGBuilder.chunk("IDAT", try Zlib.deflate([0, 9, 8, 7]))
        #expect(try PNG.decode(sig + rgbIHDR + plte + rgbIDAT + iend).pixels == .rgb8([9, 8, 7]))
        #expect(decodingError(sig + rgbIHDR + rgbIDAT + plte + iend) == E(.misplacedChunk("PLTE"), offset: 33 + rgbIDAT.count))
        let trns = PNGBuilder.chunk("tRNS", [7])
        #expect(decodingError(sig + ihdr + trns + plte + idat + iend) == E(.misplacedChunk("tRNS"), offset: 33))
        #expect(try PNG.decode(sig + ihdr + plte + trns + idat + iend).pixels == .indexed([0], palette: [PNG.RGBA(1, 2, 3, 7)]))
        #expect(decodingError(sig + ihdr + plte + idat + PNGBuilder.chunk("IEND", [0])) == E(.invalidChunkSize(chunk: "IEND", length: 1), offset: 48 + idat.count))
        // A 2-bit palette may have at most 4 entries.
        let ihdr2 = PNGBuilder.ihdr(width: 1, height: 1, bitDepth: 2, colorType: 3)
        #expect(decodingError(sig + ihdr2 + PNGBuilder.chunk("PLTE", [UInt8](repeating: 0, count: 15)) + idat + iend) == E(.invalidPalette(length: 15), offset: 33))
        // Truncated chunk header: 5 stray bytes after IHDR.
        #expect(decodingError(sig + ihdr + [0, 0, 0, 0, 0]) == E(.truncatedChunkHeader(available: 5), offset: 33))
        // Ancillary chunks, even unknown ones, are skipped.
        let extra = PNGBuilder.chunk("zzZz", [1, 2, 3]) + PNGBuilder.chunk("iCCP", [UInt8](repeating: 0, count: 40))
        #expect(decodingError(sig + ihdr + extra + plte + idat + iend) == nil)
    }

    @Test func ancillaryBombIsSkippedUninflated() throws {
        // The bomb's 1 MB zlib stream moved into an iCCP chunk of a valid image: skipped, never inflated.
        let bomb = try fixture("invalid/bomb_1gib.png")
        let stream = Array(bomb[41..<(bomb.count - 16)])
        let good = try PNG.encodeGray8(width: 4, height: 4, pixels: [UInt8](repeating: 3, count: 16))
        let withProfile = Array(good[0..<33]) + PNGBuilder.chunk("iCCP", Array("p".utf8) + [0, 0] + stream) + good[33...]
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try PNG.decode(withProfile).pixels == .gray8([UInt8](repeating: 3, count: 16)))
        #expect(clock.now - start < .milliseconds(500))
    }

    @Test func limitsAreConfigurable() throws {
        let png = try PNG.encodeGray8(width: 20, height: 30, pixels: [UInt8](repeating: 0, count: 600))
        #expect(decodingError(png, limits: PNG.Limits(maxHeight: 29)) == E(.limitExceeded(.height, value: 30, maximum: 29), offset: 20))
        #expect(decodingError(png, limits: PNG.Limits(maxPixels: 599)) == E(.limitExceeded(.pixels, value: 600, maximum: 599), offset: 16))
        #expect(decodingError(png, limits: PNG.Limits(maxPixels: 600)) == nil)
    }
}
