import Foundation
import Testing
import AnnoPNG

/// Files written by other tools (Datumaro test assets, SAHI demo data); see Fixtures/png/real/*/LICENSE.
@Suite struct RealFileTests {
    @Test func datumaroVOCSegmentationMasks() throws {
        // Datumaro writes VOC masks as 8-bit RGB (not palette) PNGs with Sub-filtered rows.
        let object = try PNG.decode(try fixture("real/datumaro/voc1_SegmentationObject_2007_000001.png"))
        #expect(object.header == PNG.Header(width: 20, height: 10, bitDepth: 8, colorType: .rgb, interlaced: false))
        #expect(object.pixels == .rgb8(Array([[UInt8]](repeating: [128, 0, 0], count: 200).joined())))
        let cls = try PNG.decode(try fixture("real/datumaro/voc1_SegmentationClass_2007_000001.png"))
        #expect(cls.pixels == .rgb8(Array([[UInt8]](repeating: [0, 128, 0], count: 200).joined())))
        // The object colour is VOC index 1, the class colour VOC index 2.
        #expect(PNG.vocColor(index: 1) == PNG.RGB(128, 0, 0))
        #expect(PNG.vocColor(index: 2) == PNG.RGB(0, 128, 0))
    }

    @Test func sharedVOCMasksDecode() throws {
        // Every VOC segmentation PNG in the shared real-fixture tree, when that tree is present on this machine.
        let root = URL(fileURLWithPath: "/work/shared/fixtures/real/datumaro/voc_dataset")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        var count = 0
        for case let path as String in walker where path.contains("Segmentation") && path.hasSuffix(".png") {
            let image = try PNG.decode([UInt8](try Data(contentsOf: root.appendingPathComponent(path))))
            #expect(image.width > 0 && image.height > 0)
            count += 1
        }
        #expect(count == 0 || count >= 2)
    }

    @Test func sahiPaletteImage() throws {
        let bytes = try fixture("real/sahi/terrain2.png")
        let image = try PNG.decode(bytes)
        #expect(image.header == PNG.Header(width: 1024, height: 682, bitDepth: 8, colorType: .indexed, interlaced: false))
        guard case .indexed(let indices, let palette) = image.pixels else {
            Issue.record("expected a palette image")
            return
        }
        // Reference values from an independent Python decode (zlib + hand-written unfilter).
        #expect(palette.count == 241)
        #expect(Array(indices.prefix(8)) == [77, 88, 88, 88, 106, 106, 106, 106])
        #expect(indices[300 * 1024 + 500] == 112)
        #expect(indices.max() == 240)
        #expect(indices.filter { $0 == 4 }.count == 7004)
        #expect(indices.filter { $0 == 7 }.count == 7403)

        // Re-encoding keeps every index and colour.
        let again = try PNG.encodeIndexed(width: 1024, height: 682, indices: indices, palette: palette.map(\.rgb), level: 6)
        #expect(try PNG.decode(again).pixels == image.pixels)
    }

    @Test func jpegSizesOfCopiedFiles() throws {
        #expect(ImageHeader.size(of: try fixture("real/datumaro/coco_train_a.jpg"))! == (10, 5))
        #expect(ImageHeader.size(of: try fixture("real/datumaro/voc1_JPEGImages_2007_000001.jpg"))! == (20, 10))
        #expect(ImageHeader.size(of: try fixture("real/datumaro/voc1_SegmentationClass_2007_000001.png"))! == (20, 10))
        #expect(ImageHeader.size(of: try fixture("real/sahi/terrain2.png"))! == (1024, 682))
    }

    @Test func jpegSizesOfSharedFiles() throws {
        // Sizes as reported by file(1) for every JPEG in the shared real-fixture tree.
        let root = URL(fileURLWithPath: "/work/shared/fixtures/real")
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        for (path, size) in JPEGSizes.expected {
            let url = root.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else { continue }
            let found = ImageHeader.size(of: [UInt8](data))
            #expect(found?.width == size.0 && found?.height == size.1, "\(path)")
        }
    }
}
