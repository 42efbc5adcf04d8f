import Testing
import AnnoPNG

@Suite struct ColormapTests {
    /// The table in reference/peers-and-formats.md §3.5 (Datumaro's generate_colormap).
    static let expected: [(UInt8, (UInt8, UInt8, UInt8))] = [
        (0, (0, 0, 0)), (1, (128, 0, 0)), (2, (0, 128, 0)), (3, (128, 128, 0)), (4, (0, 0, 128)),
        (5, (128, 0, 128)), (6, (0, 128, 128)), (7, (128, 128, 128)), (8, (64, 0, 0)), (9, (192, 0, 0)),
        (10, (64, 128, 0)), (11, (192, 128, 0)), (12, (64, 0, 128)), (13, (192, 0, 128)), (14, (64, 128, 128)),
        (15, (192, 128, 128)), (16, (0, 64, 0)), (17, (128, 64, 0)), (18, (0, 192, 0)), (19, (128, 192, 0)),
        (20, (0, 64, 128)), (255, (224, 224, 192)),
    ]

    @Test func matchesReferenceTable() {
        for (index, (r, g, b)) in Self.expected {
            #expect(PNG.vocColor(index: index) == PNG.RGB(r, g, b), "index \(index)")
            #expect(PNG.vocColormap[Int(index)] == PNG.RGB(r, g, b), "index \(index)")
        }
    }

    @Test func colormapIsComplete() {
        #expect(PNG.vocColormap.count == 256)
        // The bit interleave is a bijection from 8-bit indices onto colours.
        #expect(Set(PNG.vocColormap).count == 256)
    }
}
