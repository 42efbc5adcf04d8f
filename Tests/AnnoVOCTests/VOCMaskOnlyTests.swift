import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import Testing
@testable import AnnoVOC

/// Mask-only VOC folders (no Annotations/): CVAT "Segmentation mask 1.1" and Datumaro voc_segmentation exports.
/// Fixtures: Fixtures/voc/masks-only/make.py and Fixtures/voc/real/voc_dataset1_masks_only (Datumaro, MIT).
@Suite struct VOCMaskOnlyTests {
    static func objects(_ ds: Dataset) -> [Annotation] { ds.annotations.filter { !$0.extensions.contains { $0.key == VOC.semanticKey } } }
    static func semantic(_ ds: Dataset) -> [Annotation] { ds.annotations.filter { $0.extensions.contains { $0.key == VOC.semanticKey } } }

    /// The mask of `a` as a row-major 0/1 grid, one string per row (`#` = set).
    static func grid(_ a: Annotation, _ image: Image) throws -> [String] {
        let w = try #require(image.width), h = try #require(image.height)
        let bits = try VOCFixtures.bits(a.segmentation, height: h, width: w)
        // bits is column-major (COCO order).
        return (0..<h).map { y in String((0..<w).map { x in bits[x * h + y] == 1 ? "#" : "." }) }
    }

    static let provenance = Provenance(source: .imported, extensions: [JSONMember("bbox", .string("derived-from-mask"))])

    @Test func maskFoldersAreDetectedBelowAnnotations() {
        #expect(VOCFormat.detect(at: VOCFixtures.path("masks-only/cvat")) == .medium)
        #expect(VOCFormat.detect(at: VOCFixtures.path("masks-only/class-only")) == .medium)
        #expect(VOCFormat.detect(at: VOCFixtures.path("masks-only/object-only")) == .medium)
        #expect(VOCFormat.detect(at: VOCFixtures.path("real/voc_dataset1")) == .high)
        #expect(VOCFormat.detect(at: VOCFixtures.path("invalid/voc-no-annotations-dir")) == .none)
    }

    @Test func cvatExportGivesOneObjectPerInstanceClassedByMajority() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("masks-only/cvat"))
        #expect(ds.images.map(\.id) == [.string("img_a"), .string("img_b")])
        #expect(ds.images.map(\.fileName) == ["img_a.jpg", "img_b.png"])
        #expect(ds.images.map(\.width) == [8, 6] && ds.images.map(\.height) == [6, 4])
        #expect(ds.images.allSatisfy { $0.ignoreRegion == nil })
        // labelmap.txt names the classes (background is class 0, not a category).
        #expect(ds.categories.map(\.name) == ["cat", "dog", "person", "tree"])
        #expect(ds.categories.map(\.id) == [.int(1), .int(2), .int(3), .int(4)])

        // Ids in reading order: per image, instances in index order, then class-only regions.
        #expect(ds.annotations.map(\.id) == (1...6).map { .int($0) })
        let objects = Self.objects(ds)
        #expect(objects.map(\.imageID) == [.string("img_a"), .string("img_a"), .string("img_b"), .string("img_b")])
        #expect(objects.map(\.categoryID) == [.int(1), .int(2), .int(3), .int(1)])
        #expect(objects.map { $0.bbox?.doubles ?? [] } == [[0, 0, 2, 2], [4, 1, 2, 3], [1, 0, 2, 3], [4, 1, 2, 2]])
        #expect(objects.allSatisfy { $0.provenance == Self.provenance })
        #expect(try Self.grid(objects[1], ds.images[0]) == ["........", "....##..", "....##..", "....##..", "........", "........"])
        #expect(try Self.grid(objects[3], ds.images[1]) == ["......", "....##", "....##", "......"])
        // RLE at image size, uncompressed counts, exactly as the XML reader gives instance masks.
        #expect(objects[0].segmentation == .rle(RLEData(height: 6, width: 8, counts: .uncompressed([0, 2, 4, 2, 40]))))

        // Class-only regions: the tree (no instance) and the dog pixel under the cat instance of img_b.
        let semantic = Self.semantic(ds)
        #expect(semantic.map(\.categoryID) == [.int(4), .int(2)])
        #expect(semantic.map { $0.bbox?.doubles ?? [] } == [[6, 3, 2, 3], [5, 1, 1, 1]])
        #expect(try Self.grid(semantic[0], ds.images[0]).suffix(3) == [".......#", "......##", "......##"])
        #expect(semantic.allSatisfy { $0.provenance == Self.provenance })

        // The one disagreement, located and counted.
        #expect(diags.items.map(\.code) == ["AK043"])
        let d = try #require(diags.items.first)
        #expect(d.subject == "image img_b instance 2")
        #expect(d.location?.file == VOCFixtures.path("masks-only/cvat/SegmentationClass/img_b.png"))
        #expect(d.message.contains("'dog' (2) 1 px first at (5, 1)"))
        #expect(d.message.contains("'cat' (1) (majority, 3 of 4 px)"))
    }

    @Test func whatCannotBeRepresentedIsReportedWithPixels() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("masks-only/problems"))
        #expect(ds.images.map(\.id) == [.string("img_c"), .string("img_p")])
        #expect(ds.images[0].width == nil)
        let found = diags.items.map { "\($0.code) \($0.subject)" }
        #expect(found == ["AK034 image img_c", "AK043 image img_p instance 1", "AK043 image img_p instance 2", "AK043 image img_p void"])
        #expect(diags.items[1].message.contains("background (0) 1 px first at (2, 0)"))
        #expect(diags.items[1].message.contains("cannot be represented"))
        #expect(diags.items[2].message.contains("background (0) 1 px first at (4, 1)"))
        #expect(diags.items[2].message.contains("kept without a category"))
        #expect(diags.items[3].message.contains("1 pixels are void (255) in SegmentationClass but background in SegmentationObject, first at (0, 3)"))
        // Instance 1 is a cat with all 5 pixels; instance 2 has no class.
        let objects = Self.objects(ds)
        #expect(objects.map(\.categoryID) == [.int(1), nil])
        #expect(try Self.grid(objects[0], ds.images[1]) == ["###...", "##....", "......", "......"])
        #expect(Self.semantic(ds).isEmpty)
        #expect(ds.images[1].ignoreRegion == nil)
    }

    @Test func classOnlyFolderGivesOneSemanticRegionPerClassWithVOCClasses() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("masks-only/class-only"))
        #expect(diags.items.isEmpty, "\(diags.items)")
        #expect(ds.images.map(\.id) == [.string("2008_000001")])
        #expect(ds.images[0].fileName == "2008_000001.jpg")
        // No labelmap: the 20 VOC classes, ids = class indices.
        #expect(ds.categories.map(\.name) == VOC.classNames)
        #expect(ds.annotations.map(\.categoryID) == [.int(8), .int(9)])
        #expect(ds.annotations.allSatisfy { $0.extensions == [JSONMember(VOC.semanticKey, .bool(true))] })
        #expect(ds.annotations.allSatisfy { $0.provenance == Self.provenance })
        #expect(ds.annotations.map { $0.bbox?.doubles ?? [] } == [[1, 1, 2, 2], [4, 1, 1, 2]])
        // Void comes from the class mask when there is no SegmentationObject: the 16-pixel border.
        let void = try #require(ds.images[0].ignoreRegion)
        #expect(try RLE(size: MaskSize(height: 4, width: 6), counts: { if case .uncompressed(let c) = void.counts { return c } else { return [] } }()).area == 16)
    }

    @Test func objectOnlyFolderKeepsInstancesWithoutClasses() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("masks-only/object-only"))
        #expect(diags.items.map(\.code) == ["AK034"])
        #expect(diags.items[0].subject == "image x")
        #expect(diags.items[0].message.contains("SegmentationClass/x.png does not exist"))
        #expect(ds.annotations.map(\.categoryID) == [nil, nil])
        #expect(ds.annotations.map { $0.bbox?.doubles ?? [] } == [[0, 0, 2, 1], [2, 1, 2, 1]])
    }

    @Test func realDatumaroFolderWithoutAnnotationsMatchesItsXMLReading() throws {
        let (full, _) = try VOCFixtures.readVOC(VOCFixtures.path("real/voc_dataset1"))
        let (masks, diags) = try VOCFixtures.readVOC(VOCFixtures.path("real/voc_dataset1_masks_only"))
        // 2007_000002 is listed in ImageSets/Segmentation but has no mask: kept, size from its JPEG header.
        #expect(masks.images.map(\.id) == full.images.map(\.id))
        #expect(masks.images.map(\.width) == [20, 20] && masks.images.map(\.height) == [10, 10])
        #expect(masks.images.map(\.fileName) == ["2007_000001.jpg", "2007_000002.jpg"])
        #expect(diags.items.map { "\($0.code) \($0.subject)" } == ["AK034 image 2007_000002"])
        // The one instance (RGB PNGs mapped through the colormap) has the mask of the XML's object 1. Its XML name is
        // cat, but SegmentationClass paints the whole image bicycle (2): the XML reading reports that (AK043) and
        // keeps a bicycle class-only region; without the XML the class mask is the only word, so the instance is a
        // bicycle and no region is left over.
        let o = Self.objects(masks)
        #expect(o.count == 1)
        #expect(o[0].segmentation == Self.objects(full)[0].segmentation)
        #expect(o[0].bbox?.doubles == [0, 0, 20, 10])
        #expect(o[0].categoryID == .int(2) && masks.categories.first { $0.id == .int(2) }?.name == "bicycle")
        #expect(Self.semantic(full).map(\.categoryID) == [.int(2)])
        #expect(Self.semantic(full).map(\.segmentation) == [o[0].segmentation])
        #expect(Self.semantic(masks).isEmpty)
    }

    @Test func writingBackGivesPixelIdenticalMasks() throws {
        let source = VOCFixtures.path("masks-only/cvat")
        let (ds, _) = try VOCFixtures.readVOC(source)
        let (out, losses) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        #expect(losses.items.isEmpty, "\(losses.items)")
        for folder in ["SegmentationObject", "SegmentationClass"] {
            for stem in ["img_a", "img_b"] {
                let a = try VOCFixtures.indices("\(source)/\(folder)/\(stem).png")
                let b = try VOCFixtures.indices("\(out)/\(folder)/\(stem).png")
                #expect(a == b, "\(folder)/\(stem)")
            }
        }
        // The written folder has XML now; reading it back gives the same objects (box provenance kept).
        let (back, _) = try VOCFixtures.readVOC(out)
        #expect(back.annotations.map(\.segmentation) == ds.annotations.map(\.segmentation))
        #expect(Self.objects(back).map(\.provenance) == Self.objects(ds).map(\.provenance))
    }

    @Test func aFolderWithEmptyMaskFoldersIsStillNotVOC() throws {
        let root = VOCFixtures.temporaryFolder("empty-masks")
        defer { VOCFixtures.remove(root) }
        VOCFixtures.write("not a mask\n", to: root + "/SegmentationClass/readme.txt")
        #expect(VOCFormat.detect(at: root) == .medium)
        do {
            _ = try VOCFixtures.readVOC(root)
            Issue.record("expected AK048")
        } catch let e as DatasetError {
            #expect(e.code == "AK048")
            #expect(e.category == .malformedInput)
            #expect(e.message.contains("no PNG masks in SegmentationObject/ or SegmentationClass/"))
        }
    }
}
