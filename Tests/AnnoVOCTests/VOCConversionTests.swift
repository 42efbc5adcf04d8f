import AnnoCore
import AnnoJSON
import AnnoMask
import Testing
@testable import AnnoVOC

/// IR (COCO-like) → VOC → IR: masks, boxes and the losses reported on the way.
@Suite("VOC conversion")
struct VOCConversionTests {
    static let w = 40, h = 30

    static func rect(_ x: Double, _ y: Double, _ rw: Double, _ rh: Double) -> [Double] {
        [x, y, x + rw, y, x + rw, y + rh, x, y + rh]
    }

    /// A small COCO-shaped dataset: sparse category ids, int image ids, polygons, both RLE encodings, a crowd,
    /// a fractional box, an overlapping pair, info and licences.
    static func cocoLike() throws -> Dataset {
        let size = MaskSize(height: h, width: w)
        var ds = Dataset(
            info: .object([JSONMember("description", .string("test"))]),
            licenses: [License(id: .int(1), name: "CC-BY")],
            categories: [
                Category(id: .int(1), name: "person", supercategory: "person"),
                Category(id: .int(10), name: "traffic light", supercategory: "outdoor"),
                Category(id: .int(18), name: "dog", supercategory: "animal"),
            ])
        ds.images = [
            Image(id: .int(101), fileName: "000101.jpg", width: w, height: h, license: .int(1),
                  extensions: [JSONMember("coco_url", .string("http://x/101.jpg"))]),
            Image(id: .int(102), fileName: "000102.jpg", width: w, height: h),
        ]
        let blob = try RLE(polygons: [rect(20, 2, 10, 8)], size: size)
        let crowd = try RLE(polygons: [rect(2, 18, 12, 9)], size: size)
        ds.annotations = [
            // 1: polygon, fractional vertices, integer box.
            Annotation(id: .int(1), imageID: .int(101), categoryID: .int(1), bbox: Box(x: 2, y: 2, width: 10, height: 12),
                       segmentation: .polygons(PolygonSet([[2.3, 2.2, 11.6, 2.4, 11.8, 13.7, 2.1, 13.9]])), area: JSONNumber(110), isCrowd: 0),
            // 2: uncompressed RLE, fractional box.
            Annotation(id: .int(2), imageID: .int(101), categoryID: .int(10), bbox: Box(x: 19.6, y: 2.2, width: 10.1, height: 7.9),
                       segmentation: .rle(RLEData(height: h, width: w, counts: .uncompressed(blob.counts))), isCrowd: 0),
            // 3: compressed RLE crowd.
            Annotation(id: .int(3), imageID: .int(101), categoryID: .int(18), bbox: Box(x: 2, y: 18, width: 12, height: 9),
                       segmentation: .rle(RLEData(height: h, width: w, counts: .compressed(crowd.compressedCounts))), isCrowd: 1),
            // 4 and 5 overlap on image 102: 5 is painted over 4.
            Annotation(id: .int(4), imageID: .int(102), categoryID: .int(1), bbox: Box(x: 0, y: 0, width: 20, height: 20),
                       segmentation: .polygons(PolygonSet([rect(0, 0, 20, 20)])), isCrowd: 0),
            Annotation(id: .int(5), imageID: .int(102), categoryID: .int(18), bbox: Box(x: 10, y: 10, width: 20, height: 10),
                       segmentation: .polygons(PolygonSet([rect(10, 10, 20, 10)])), isCrowd: 0),
            // 6: box only.
            Annotation(id: .int(6), imageID: .int(102), categoryID: .int(10), bbox: Box(x: 30, y: 20, width: 5, height: 5)),
        ]
        return ds
    }

    @Test func irToVOCToIR() throws {
        let ds = try Self.cocoLike()
        let (out, losses) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        let (back, diags) = try VOCFixtures.readVOC(out)
        #expect(!diags.hasErrors, "\(diags.items)")
        #expect(back.images.map(\.id) == [.string("000101"), .string("000102")])
        #expect(back.categories.map(\.name) == ["person", "traffic light", "dog"])
        let objects = back.annotations
        #expect(objects.count == 6)
        for (a, b) in zip(ds.annotations, objects) {
            // Boxes equal after the documented rounding.
            let expected = VOC.Coordinates.box(from: VOC.Coordinates.vocBox(from: a.bbox ?? Box(x: 0, y: 0, width: 0, height: 0), origin: 1), origin: 1)
            #expect(b.bbox?.doubles == expected.doubles, "annotation \(a.id)")
            let name = ds.categories.first { $0.id == a.categoryID }?.name
            #expect(back.categories.first { $0.id == b.categoryID }?.name == name)
        }
        // Every non-overlapping instance mask is pixel-exact (polygons as pycocotools rasterises them).
        for i in [0, 1, 2, 4] {
            #expect(try VOCFixtures.bits(objects[i].segmentation, height: Self.h, width: Self.w)
                == VOCFixtures.bits(ds.annotations[i].segmentation, height: Self.h, width: Self.w), "annotation \(i + 1)")
        }
        // The overlapped one lost exactly the hidden pixels.
        let under = try VOCFixtures.bits(ds.annotations[3].segmentation, height: Self.h, width: Self.w)
        let over = try VOCFixtures.bits(ds.annotations[4].segmentation, height: Self.h, width: Self.w)
        let visible = zip(under, over).map { $0 == 1 && $1 == 0 ? UInt8(1) : 0 }
        #expect(try VOCFixtures.bits(objects[3].segmentation, height: Self.h, width: Self.w) == visible)
        #expect(objects[5].segmentation == .none)
        #expect(objects[2].isCrowd == 1)

        // Losses, each with its code and subject.
        func has(_ code: String, _ subject: String) -> Bool { losses.items.contains { $0.code == code && $0.subject == subject } }
        #expect(has("AK060", "annotation 3"))
        #expect(has("AK061", "annotation 4"))
        #expect(losses.items.first { $0.code == "AK061" }?.message.contains("100 pixels") == true)
        #expect(has("AK062", "annotation 1") && has("AK062", "annotation 4") && has("AK062", "annotation 5"))
        #expect(has("AK063", "annotation 2") && !has("AK063", "annotation 1"))
        #expect(has("AK064", "category 10"))
        #expect(has("AK065", "dataset"))
        #expect(has("AK066", "image 101"))
        #expect(has("AK067", "annotation 1"))
        #expect(has("AK068", "category 1") && has("AK068", "dataset"))
        #expect(Set(losses.codes).isSubset(of: Set(VOC.LossChecks.all.map(\.code))))
        // The space in "traffic light" is kept in <name> but replaced in file names.
        #expect(FileIO.exists(out + "/ImageSets/Main/traffic_light_default.txt"))
        #expect(String(decoding: VOCFixtures.read(out + "/ImageSets/Main/dog_default.txt"), as: UTF8.self) == "000101  1\n000102  1\n")
    }

    @Test func objectsVOCCannotHoldAreDropped() throws {
        var ds = try Self.cocoLike()
        ds.annotations.append(Annotation(id: .int(7), imageID: .int(101), categoryID: .int(99), bbox: Box(x: 0, y: 0, width: 1, height: 1)))
        ds.annotations.append(Annotation(id: .int(8), imageID: .int(101), categoryID: .int(1)))
        ds.annotations.append(Annotation(id: .int(9), imageID: .int(555), categoryID: .int(1), bbox: Box(x: 0, y: 0, width: 1, height: 1)))
        ds.annotations.append(Annotation(id: .int(10), imageID: .int(101), categoryID: .int(1), bbox: Box(x: 5, y: 5, width: -3, height: 2)))
        let r = try VOC.Writer().render(ds)
        for id in ["7", "8", "9", "10"] {
            #expect(r.diagnostics.contains { $0.code == "AK069" && $0.subject == "annotation \(id)" }, "annotation \(id)")
        }
    }

    @Test func voidRoundTripsAndParallelOutputIsDeterministic() throws {
        var ds = try Self.cocoLike()
        let void = try RLE(polygons: [Self.rect(35, 0, 5, 30)], size: MaskSize(height: Self.h, width: Self.w))
        ds.images[1].ignoreRegion = RLEData(height: Self.h, width: Self.w, counts: .uncompressed(void.counts))
        var serial = VOC.Writer()
        serial.workers = 1
        let a = try serial.render(ds)
        let b = try VOC.Writer().render(ds)
        #expect(a.files == b.files)
        #expect(a.diagnostics == b.diagnostics)
        let (out, _) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        let (back, _) = try VOCFixtures.readVOC(out)
        #expect(back.images[1].ignoreRegion == ds.images[1].ignoreRegion)
    }
}
