import Testing
@testable import AnnoMask

/// Worked examples from cocoapi's documentation and the reference notes (Specs/masks/rle.md).
@Suite struct CocoapiExampleTests {
    @Test func maskApiHeaderExample() throws {
        // maskApi.h: "[0 0 1 1 1 0 1]" → "[2 3 1 1]".
        let mask = try BinaryMask(size: MaskSize(height: 7, width: 1), bits: [0, 0, 1, 1, 1, 0, 1])
        let rle = RLE(encoding: mask)
        #expect(rle.counts == [2, 3, 1, 1])
        #expect(rle.decoded() == mask)
        #expect(rle.area == 4)
    }

    @Test func rectanglePolygon() throws {
        let rle = try RLE(polygon: [10, 5, 30, 5, 30, 15, 10, 15], size: MaskSize(height: 40, width: 60))
        #expect(rle.area == 200)
        #expect(rle.boundingBox == BoundingBox(x: 10, y: 5, width: 20, height: 10))
    }

    @Test func fractionalBox() {
        let rle = RLE(box: BoundingBox(x: 10.3, y: 5.6, width: 19.4, height: 9.2), size: MaskSize(height: 40, width: 60))
        #expect(rle.area == 180)
        #expect(rle.boundingBox == BoundingBox(x: 10, y: 6, width: 20, height: 9))
    }

    @Test func pixelCentreRule() throws {
        let s = MaskSize(height: 4, width: 4)
        #expect(try RLE(polygon: [1, 1, 3, 1, 3, 3, 1, 3], size: s).area == 4)
        #expect(try RLE(polygon: [0, 0, 4, 0, 4, 4, 0, 4], size: s).area == 16)
        let half = try RLE(polygon: [0.5, 0.5, 3.5, 0.5, 3.5, 3.5, 0.5, 3.5], size: s)
        #expect(half.area == 9)
        #expect(half.boundingBox == BoundingBox(x: 1, y: 1, width: 3, height: 3))
        #expect(RLE(box: BoundingBox(x: 0, y: 0, width: 1, height: 1), size: s).counts == [0, 1, 15])
    }

    /// The table of §3.2 of the reference notes.
    @Test(arguments: [
        ([4, 4], [5, 2, 2, 2, 5], "52203", 4, [1.0, 1, 2, 2]),
        ([4, 4], [0, 16], "0`0", 16, [0, 0, 4, 4]),
        ([4, 4], [16], "`0", 0, [0, 0, 0, 0]),
        ([10, 10], [10, 5, 10, 3, 72], ":5:Nn1", 8, [1, 0, 2, 8]),
        ([8, 8], [3, 40, 1, 20], "3X11\\O", 60, [0, 0, 8, 8]),
        ([8, 8], [31, 1, 32], "o01P1", 1, [3, 7, 1, 1]),
        ([5, 5], [0, 1, 5, 1, 5, 1, 5, 1, 5, 1], "0150000000", 5, [0, 0, 5, 5]),
        ([1001, 1000], [1_000_000, 10, 990], "Pb`n0:nn0", 10, [999, 1, 1, 10]),
    ])
    func referenceTable(size: [Int], counts: [Int], compressed: String, area: Int, bbox: [Double]) throws {
        let s = MaskSize(height: size[0], width: size[1])
        let rle = try RLE(size: s, counts: counts)
        #expect(rle.compressedCounts == compressed)
        #expect(try RLE(compressedCounts: compressed, size: s) == rle)
        #expect(rle.area == area)
        #expect(rle.boundingBox.array == bbox)
    }

    @Test func largeRectangleString() throws {
        var counts = [2010, 50]
        for _ in 0..<69 { counts += [50, 50] }
        counts.append(1040)
        let rle = try RLE(size: MaskSize(height: 100, width: 100), counts: counts)
        #expect(rle.counts.count == 141)
        #expect(rle.compressedCounts == "jn1b1b1" + String(repeating: "0", count: 137) + "nn0")
        #expect(rle.area == 3500)
        #expect(rle.boundingBox == BoundingBox(x: 20, y: 10, width: 70, height: 50))
    }

    @Test func boxIoU() throws {
        let a = BoundingBox(x: 0, y: 0, width: 10, height: 10), b = BoundingBox(x: 5, y: 0, width: 10, height: 10)
        #expect(BoundingBox.iou(a, b, crowd: false) == 50.0 / 150.0)
        #expect(BoundingBox.iou(a, b, crowd: true) == 0.5)
        #expect(BoundingBox.iou(a, BoundingBox(x: 10, y: 0, width: 5, height: 5), crowd: false) == 0)
        let m = try BoundingBox.iou(detections: [a, b], groundTruths: [b], crowd: [false])
        #expect(m == [[50.0 / 150.0], [1]])
    }

    @Test func batchIoUShape() throws {
        let s = MaskSize(height: 20, width: 20)
        let d = [RLE(box: BoundingBox(x: 0, y: 0, width: 10, height: 10), size: s),
                 RLE(box: BoundingBox(x: 10, y: 10, width: 10, height: 10), size: s),
                 RLE(box: BoundingBox(x: 0, y: 0, width: 20, height: 20), size: s)]
        let g = [RLE(box: BoundingBox(x: 0, y: 0, width: 10, height: 20), size: s),
                 RLE(box: BoundingBox(x: 5, y: 5, width: 10, height: 10), size: s)]
        let m = try RLE.iou(detections: d, groundTruths: g, crowd: [false, true])
        #expect(m.count == 3 && m.allSatisfy { $0.count == 2 })
        #expect(m[0] == [0.5, 25.0 / 100.0])
        #expect(m[1] == [0, 25.0 / 100.0])
        #expect(m[2] == [0.5, 100.0 / 400.0])
        for i in 0..<3 { for j in 0..<2 { #expect(m[i][j] == (try RLE.iou(d[i], g[j], crowd: j == 1))) } }
    }
}
