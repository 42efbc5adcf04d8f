import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import Testing
@testable import AnnoVOC

@Suite("VOC real fixtures")
struct VOCRealFixtureTests {
    static let all = [
        "real/voc_dataset1", "real/voc_dataset2", "real/voc_dataset3", "real/kaggle/relaxed_voc1", "real/kaggle/relaxed_voc2",
        "real/roboflow/voc/train", "real/roboflow/voc/val", "real/voc_dataset1_masks_only", "masks-only/cvat",
        "masks-only/class-only",
    ]

    @Test(arguments: all) func reads(_ name: String) throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path(name))
        #expect(!ds.images.isEmpty)
        #expect(!diags.hasErrors, "\(diags.items)")
        for a in ds.annotations {
            #expect(ds.images.contains { $0.id == a.imageID })
            #expect(ds.categories.contains { $0.id == a.categoryID })
        }
    }

    @Test func datasetOneDetails() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("real/voc_dataset1"))
        // 2007_000002 is listed in ImageSets (test) but has no XML: kept, size from its JPEG header.
        #expect(ds.images.map(\.id) == [.string("2007_000001"), .string("2007_000002")])
        #expect(diags.items.contains { $0.code == "AK037" && $0.subject == "image 2007_000002" })
        #expect(ds.images[1].width == 20 && ds.images[1].height == 10)
        // The 20 VOC classes, ids = class indices.
        #expect(ds.categories.count == 20)
        #expect(ds.categories.first { $0.name == "cat" }?.id == .int(8))
        let objects = ds.annotations.filter { !$0.extensions.contains { $0.key == VOC.semanticKey } }
        #expect(objects.count == 2)
        #expect(objects[0].bbox?.doubles == [0, 1, 3, 3])
        #expect(objects[1].bbox?.doubles == [3, 4, 3, 3])
        // Flags, parts and actions travel in the `voc` extension.
        guard case .object(let cat)? = objects[0].extensions.first(where: { $0.key == "voc" })?.value else {
            Issue.record("no voc extension"); return
        }
        #expect(cat.map(\.key) == ["pose", "truncated", "difficult"])
        guard case .object(let person)? = objects[1].extensions.first(where: { $0.key == "voc" })?.value else {
            Issue.record("no voc extension"); return
        }
        #expect(person.map(\.key) == ["part", "actions"])
        // Instance 1 covers the image and belongs to object 1 (not off by one).
        #expect(try VOCFixtures.bits(objects[0].segmentation, height: 10, width: 20).allSatisfy { $0 == 1 })
        #expect(diags.items.contains { $0.code == "AK035" && $0.subject == "image 2007_000001 object 2" })
        // ImageSets membership is kept.
        #expect(ds.images[0].extensions.contains { $0.key == VOC.imageSetsKey })
    }

    @Test func datasetTwoUsesLabelmapAndHeaderlessSizes() throws {
        let (ds, diags) = try VOCFixtures.readVOC(VOCFixtures.path("real/voc_dataset2"))
        #expect(ds.images.count == 5)
        #expect(diags.items.filter { $0.code == "AK031" }.count == 5)
        // labelmap.txt order: background 0 (used by an object in a.xml), aeroplane 1, ..., ignored 21.
        #expect(ds.categories.first?.name == "background")
        #expect(ds.categories.first?.id == .int(0))
        #expect(ds.categories.last?.name == "ignored")
        #expect(ds.categories.last?.id == .int(21))
        let b = ds.annotations.first { $0.imageID == .string("b") }
        #expect(b?.bbox?.doubles == [1, 1, 6, 5])
    }

    @Test func flatAndRelaxedLayouts() throws {
        let (rf, _) = try VOCFixtures.readVOC(VOCFixtures.path("real/roboflow/voc/train"))
        #expect(rf.images.count == 2)
        #expect(rf.categories.map(\.name).contains("label_0"))
        #expect(rf.annotations.first?.bbox?.doubles == [1, 0, 4, 2])
        let (k, _) = try VOCFixtures.readVOC(VOCFixtures.path("real/kaggle/relaxed_voc1"))
        #expect(k.annotations.count == 2)
    }

    /// VOC → VOC: the IR is equal after a write and a read, masks are pixel-exact, and XML fields survive.
    @Test(arguments: all) func vocToVOCRoundTrip(_ name: String) throws {
        let src = VOCFixtures.path(name)
        let (ds, _) = try VOCFixtures.readVOC(src)
        let (out, losses) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        #expect(losses.items.isEmpty, "\(losses.items)")
        let (back, _) = try VOCFixtures.readVOC(out)
        #expect(back.categories == ds.categories)
        #expect(back.annotations == ds.annotations)
        #expect(back.images.count == ds.images.count)
        for (x, y) in zip(back.images, ds.images) {
            #expect(x.id == y.id && x.fileName == y.fileName && x.width == y.width && x.height == y.height)
            #expect(x.ignoreRegion == y.ignoreRegion)
            #expect(x.extensions.filter { $0.key == "voc" } == y.extensions.filter { $0.key == "voc" }, "\(x.id)")
        }
        // Masks pixel-exact against the source files.
        for folder in ["SegmentationObject", "SegmentationClass"] {
            for image in ds.images {
                let original = src + "/\(folder)/\(image.id.text).png"
                guard FileIO.exists(original) else { continue }
                #expect(try VOCFixtures.indices(out + "/\(folder)/\(image.id.text).png") == VOCFixtures.indices(original), "\(folder) \(image.id)")
            }
        }
        // Writing twice gives the same bytes.
        let (out2, _) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out2) }
        for f in try VOC.Writer().render(ds).files {
            #expect(VOCFixtures.read(out + "/" + f.path) == VOCFixtures.read(out2 + "/" + f.path), "\(f.path)")
        }
    }

    @Test func fractionalCoordinatesKeepTheirText() throws {
        let root = VOCFixtures.temporaryFolder()
        defer { VOCFixtures.remove(root) }
        VOCFixtures.write(VOCFixtures.annotationXML(width: 500, height: 400, objects: [("cat", "12.5", "45.70000076293945", "100", "200.25")]), to: root + "/Annotations/x.xml")
        let (ds, _) = try VOCFixtures.readVOC(root)
        let (out, losses) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        #expect(losses.items.isEmpty)
        let text = String(decoding: VOCFixtures.read(out + "/Annotations/x.xml"), as: UTF8.self)
        #expect(text.contains("<ymin>45.70000076293945</ymin>"))
        #expect(text.contains("<xmin>12.5</xmin>"))
        // A changed box is written as integers.
        var moved = ds
        moved.annotations[0].bbox = Box(x: 10.4, y: 20.6, width: 30, height: 40)
        let (out2, losses2) = try VOCFixtures.writeVOC(moved)
        defer { VOCFixtures.remove(out2) }
        #expect(losses2.codes == ["AK063"])
        let text2 = String(decoding: VOCFixtures.read(out2 + "/Annotations/x.xml"), as: UTF8.self)
        #expect(text2.contains("<xmin>11</xmin>") && text2.contains("<ymin>22</ymin>") && text2.contains("<xmax>40</xmax>") && text2.contains("<ymax>61</ymax>"))
    }

    @Test func metadataProvenanceAndReviewRoundTrip() throws {
        var ds = Dataset(categories: [Category(id: .int(1), name: "cat")])
        ds.images = [Image(
            id: .string("m"), fileName: "m.jpg", width: 4, height: 4, title: "A cat", description: "A cat on a mat & a <dog>",
            scene: Scene(viewpoint: "eye level", lighting: "daylight", mood: "calm", setting: "kitchen", notes: "n"),
            captions: ["one", "two"])]
        ds.annotations = [Annotation(
            id: .int(1), imageID: .string("m"), categoryID: .int(1), bbox: Box(x: 0, y: 0, width: 2, height: 2),
            score: JSONNumber(literal: "0.93", double: 0.93), description: "the cat", caption: "a cat",
            provenance: Provenance(source: .model, model: "sam", modelVersion: "2.1", created: "2026-01-01T00:00:00Z"),
            review: Review(status: .needsFix, reviewer: "ann", reviewed: "2026-01-02"))]
        let (out, _) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        let (back, _) = try VOCFixtures.readVOC(out)
        #expect(back.images[0].title == ds.images[0].title)
        #expect(back.images[0].description == ds.images[0].description)
        #expect(back.images[0].scene == ds.images[0].scene)
        #expect(back.images[0].captions == ds.images[0].captions)
        let a = back.annotations[0]
        #expect(a.score == ds.annotations[0].score && a.description == "the cat" && a.caption == "a cat")
        #expect(a.provenance == ds.annotations[0].provenance)
        #expect(a.review == ds.annotations[0].review)
    }
}
