@testable import AnnoPNG
import AnnoZlib
import Testing

/// The prepared-scanline entry point, its hand-made zlib framing and the run-length DEFLATE encoder.
@Suite struct ScanlineEncoderTests {
    /// `indices` laid out as filter-type-0 scanlines.
    static func scanlines(_ indices: [UInt8], width: Int, height: Int) -> [UInt8] {
        var rows: [UInt8] = []
        for y in 0..<height { rows.append(0); rows += indices[(y * width)..<((y + 1) * width)] }
        return rows
    }

    /// The concatenated IDAT payloads of a PNG.
    static func idat(_ png: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 8
        while i + 8 <= png.count {
            let n = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            if png[(i + 4)..<(i + 8)].elementsEqual("IDAT".utf8) { out += png[(i + 8)..<(i + 8 + n)] }
            i += 12 + n
        }
        return out
    }

    @Test func scanlinesGiveTheSameBytesAsIndicesAndZlibsOwnFraming() throws {
        var g = SystemRandomNumberGenerator()
        for (w, h) in [(1, 1), (7, 5), (640, 480), (3, 2000), (1500, 1000)] {
            let idx = (0..<(w * h)).map { _ in UInt8([0, 1, 2, 7, 255].randomElement(using: &g) ?? 0) }
            let rows = Self.scanlines(idx, width: w, height: h)
            for level in [1, 6] {
                let fast = try PNG.encodeIndexed(width: w, height: h, scanlines: rows, palette: PNG.vocColormap, compression: .zlib(level: level))
                let reference = try PNG.encodeIndexed(width: w, height: h, indices: idx, palette: PNG.vocColormap, level: level, filter: .none)
                #expect(fast == reference, "\(w)x\(h) level \(level)")
                // The hand-framed stream is exactly zlib's own.
                #expect(Self.idat(fast) == (try Zlib.deflate(rows, level: level)), "\(w)x\(h) level \(level)")
                guard case .indexed(let back, _) = try PNG.decode(fast).pixels else { Issue.record("not indexed"); return }
                #expect(back == idx)
            }
        }
    }

    @Test func runLengthStreamsInflate() throws {
        var g = SystemRandomNumberGenerator()
        var inputs: [[UInt8]] = [[], [7], [0, 0], [1, 1, 1], [UInt8](repeating: 0, count: 300_000), (0..<1000).map { UInt8($0 % 256) }]
        for _ in 0..<40 {
            var bytes: [UInt8] = []
            while bytes.count < 5000 {
                let v = UInt8.random(in: 0...255, using: &g)
                bytes += [UInt8](repeating: v, count: [1, 2, 3, 4, 9, 257, 258, 259, 260, 516, 1000].randomElement(using: &g) ?? 1)
            }
            inputs.append(bytes)
        }
        for bytes in inputs {
            let stream = PNG.RunLengthDeflater.zlibStream(bytes)
            #expect(try Zlib.inflate(stream, limit: bytes.count + 1) == bytes, "\(bytes.count) bytes")
        }
        // Whole PNGs decode to the painted indices.
        var idx = [UInt8](repeating: 0, count: 640 * 480)
        for i in 0..<idx.count { idx[i] = UInt8(i / 640 / 50 + (i % 640 > 300 ? 1 : 0)) }
        let png = try PNG.encodeIndexed(
            width: 640, height: 480, scanlines: Self.scanlines(idx, width: 640, height: 480), palette: PNG.vocColormap,
            compression: .runLength)
        guard case .indexed(let back, _) = try PNG.decode(png).pixels else { Issue.record("not indexed"); return }
        #expect(back == idx)
    }

    @Test func adler32AndHeaderMatchZlib() throws {
        var g = SystemRandomNumberGenerator()
        for n in [0, 1, 7, 8, 9, 5553, 100_000, 1 << 20] {
            var bytes = [UInt8](repeating: 0, count: n)
            for _ in 0..<(n / 50) { bytes[Int.random(in: 0..<n, using: &g)] = UInt8.random(in: 0...255, using: &g) }
            #expect(PNG.ZlibFraming.adler32(bytes) == Zlib.adler32(bytes), "n \(n)")
        }
        let ones = [UInt8](repeating: 255, count: 300_000)
        #expect(PNG.ZlibFraming.adler32(ones) == Zlib.adler32(ones))
        for level in [0, 1, 3, 6, 9] {
            #expect(Array(try Zlib.deflate([1, 2, 3], level: level).prefix(2)) == PNG.ZlibFraming.header(level: level), "level \(level)")
        }
    }

    @Test func preparedScanlinesAreChecked() {
        let palette = [PNG.RGB(0, 0, 0), PNG.RGB(255, 0, 0)]
        #expect(throws: PNG.EncodingError.unsupportedScanlineFilter(type: 1, y: 1)) {
            try PNG.encodeIndexed(width: 2, height: 2, scanlines: [0, 1, 0, 1, 0, 1], palette: palette)
        }
        #expect(throws: PNG.EncodingError.pixelCountMismatch(expected: 6, actual: 5)) {
            try PNG.encodeIndexed(width: 2, height: 2, scanlines: [0, 1, 0, 0, 1], palette: palette)
        }
        #expect(throws: PNG.EncodingError.indexOutOfPalette(index: 2, x: 1, y: 1)) {
            try PNG.encodeIndexed(width: 2, height: 2, scanlines: [0, 1, 0, 0, 0, 2], palette: palette)
        }
        #expect(throws: PNG.EncodingError.invalidDimensions(width: 0, height: 2)) {
            try PNG.encodeIndexed(width: 0, height: 2, scanlines: [], palette: palette)
        }
    }
}
