import AnnoTestSupport
import Testing
import AnnoPNG

@Suite struct ImageHeaderTests {
    /// A JPEG-shaped byte sequence: SOI, APP0, DQT-like filler, a DHT, then `frame` marker with the size, then SOS, EOI.
    static func jpeg(frame: UInt8 = 0xC0, width: Int = 640, height: Int = 480, fill: Bool = false) -> [UInt8] {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [0xFF, 0xC4, 0x00, 0x07, 0, 0, 0, 0, 0]  // DHT (0xC4) is not a frame header
        if fill { b += [0xFF, 0xFF, 0xFF] }
        b += [0xFF, frame, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8),
              UInt8(width & 0xFF), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        b += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9]
        return b
    }

    @Test func frameMarkers() {
        for frame: UInt8 in [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF] {
            #expect(ImageHeader.size(of: Self.jpeg(frame: frame))! == (640, 480), "SOF \(frame)")
        }
        // DHT, JPG and DAC share the range but are not frame headers: no size is found before SOS.
        for notFrame: UInt8 in [0xC4, 0xC8, 0xCC] {
            #expect(ImageHeader.size(of: Self.jpeg(frame: notFrame)) == nil)
        }
        #expect(ImageHeader.size(of: Self.jpeg(width: 65535, height: 1, fill: true))! == (65535, 1))
    }

    @Test func malformedJPEGsGiveNil() {
        let good = Self.jpeg()
        #expect(ImageHeader.size(of: Self.jpeg(height: 0)) == nil)  // height defined later by DNL
        #expect(ImageHeader.size(of: [0xFF, 0xD8]) == nil)
        #expect(ImageHeader.size(of: [0xFF, 0xD8, 0xFF, 0xD9]) == nil)
        #expect(ImageHeader.size(of: [0xFF, 0xD8, 0x00, 0x00]) == nil)
        // Every prefix is handled without trapping; those that cut the frame header give nil.
        let frameEnd = good.count - 14 - 19 + 9
        for cut in 0..<good.count {
            let size = ImageHeader.size(of: Array(good.prefix(cut)))
            if cut < frameEnd { #expect(size == nil, "prefix \(cut)") }
        }
        // A segment length running past the end.
        #expect(ImageHeader.size(of: [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0]) == nil)
        // A length below 2.
        #expect(ImageHeader.size(of: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0]) == nil)
    }

    @Test func randomBytesNeverTrap() {
        var rng = SplitMix64(state: 99)
        for _ in 0..<5_000 {
            var bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if Bool.random(using: &rng) { bytes = [0xFF, 0xD8] + bytes }
            _ = ImageHeader.size(of: bytes)
        }
    }
}
