import Testing
import AnnoPNG

/// Decodes the PNGs written by Fixtures/png/make_fixtures.py (an independent Python writer) and compares every sample.
@Suite struct ValidFixtureTests {
    static let names: [String] = (try? fixtureNames(in: "valid").filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) }) ?? []

    @Test func corpusIsPresent() {
        // 12 colour type / bit depth pairs × 2 interlace modes, 10 single-filter files, 3 small interlaced edge cases.
        #expect(Self.names.count == 37)
    }

    @Test(arguments: names)
    func decodesExactly(name: String) throws {
        let image = try PNG.decode(try fixture("valid/\(name).png"))
        let raw = try fixture("valid/\(name).raw")
        #expect(image.header.interlaced == name.contains("adam7"))
        switch image.pixels {
        case .indexed(let indices, let palette):
            #expect(indices == raw)
            let pal = try fixture("valid/\(name).pal")
            #expect(palette.flatMap { [$0.r, $0.g, $0.b, $0.a] } == pal)
        case .gray8(let samples):
            #expect(samples == raw)
        case .gray16(let samples):
            #expect(samples.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } == raw)
        case .grayAlpha8(let samples), .rgb8(let samples), .rgba8(let samples):
            #expect(samples == raw)
        }
        if name.hasPrefix("ct"), let underscore = name.dropFirst(2).firstIndex(of: "_") {
            let colorType = Int(name[name.index(name.startIndex, offsetBy: 2)..<underscore])
            let depthPart = name[name.index(underscore, offsetBy: 3)...].prefix { $0.isNumber }
            #expect(Int(image.header.colorType.rawValue) == colorType)
            #expect(image.header.bitDepth == Int(depthPart))
        }
        let expectedPixels = image.width * image.height
        switch image.pixels {
        case .indexed(let v, _), .gray8(let v): #expect(v.count == expectedPixels)
        case .gray16(let v): #expect(v.count == expectedPixels)
        case .grayAlpha8(let v): #expect(v.count == expectedPixels * 2)
        case .rgb8(let v): #expect(v.count == expectedPixels * 3)
        case .rgba8(let v): #expect(v.count == expectedPixels * 4)
        }
    }

    @Test func interlacedEqualsNonInterlaced() throws {
        // make_fixtures.py seeds samples by shape, so each file and its Adam7 twin hold the same pixels.
        for colorType in [0, 2, 3, 4, 6] {
            for depth in [1, 2, 4, 8, 16] {
                let base = "ct\(colorType)_bd\(depth)"
                guard Self.names.contains(base) else { continue }
                let plain = try PNG.decode(try fixture("valid/\(base).png"))
                let adam7 = try PNG.decode(try fixture("valid/\(base)_adam7.png"))
                #expect(!plain.header.interlaced && adam7.header.interlaced)
                #expect(plain.pixels == adam7.pixels, "\(base)")
            }
        }
    }
}
