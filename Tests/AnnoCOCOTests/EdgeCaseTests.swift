import AnnoCOCO
import AnnoCore
import AnnoJSON
import AnnoMask
import Testing

/// Synthetic files for what the real data lacks.
@Suite struct EdgeCaseTests {
    static func read(_ text: String) throws -> (Dataset, [Diagnostic]) {
        var d = Diagnostics()
        let ds = try COCO.Reader.read(bytes: Array(text.utf8), file: "edge.json", diagnostics: &d)
        return (ds, d.items)
    }

    static func roundTrip(_ text: String) throws -> String {
        let (ds, _) = try read(text)
        return String(decoding: COCO.Writer.encode(ds), as: UTF8.self)
    }

    @Test func nonASCIIFileNamesSurvive() throws {
        let text = #"{"images":[{"id":1,"file_name":"Überraschung/猫 ü.jpg","width":4,"height":3}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        #expect(ds.images[0].fileName == "Überraschung/猫 ü.jpg")
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func imagesWithoutSizeAreKept() throws {
        let text = #"{"images":[{"id":7,"file_name":"a.jpg"}],"annotations":[{"id":1,"image_id":7,"category_id":1,"bbox":[1,2,3,4]}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        #expect(ds.images[0].width == nil && ds.images[0].height == nil)
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func stringIDsAreKept() throws {
        let text = #"{"images":[{"id":"img-1","file_name":"a.jpg"}],"annotations":[{"id":"a-1","image_id":"img-1","category_id":"cat"}],"categories":[{"id":"cat","name":"cat"}]}"#
        let (ds, _) = try Self.read(text)
        #expect(ds.images[0].id == .string("img-1"))
        #expect(ds.annotations[0].id == .string("a-1"))
        #expect(ds.annotations[0].categoryID == .string("cat"))
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func categoryIDZeroIsAnOrdinaryID() throws {
        let text = #"{"annotations":[{"id":1,"image_id":1,"category_id":0}],"categories":[{"id":0,"name":"background"}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        #expect(ds.categories[0].id == .int(0))
        #expect(ds.annotations[0].categoryID == .int(0))
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func emptySegmentationOnCrowdIsNoMask() throws {
        let text = #"{"annotations":[{"id":1,"image_id":1,"category_id":1,"segmentation":[],"area":0,"bbox":[0,0,2,2],"iscrowd":1}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        #expect(ds.annotations[0].crowd)
        #expect(!ds.annotations[0].hasMask)
        #expect(try Self.roundTrip(text) == text, "the empty list is written back, not dropped")
    }

    @Test func extremeNumbersKeepTheirDigits() throws {
        let text = #"{"annotations":[{"id":1,"image_id":1,"category_id":1,"segmentation":[[1e300,-0.0,373.29,10,10.0,1E5]],"area":1e300,"bbox":[-0.0,0.5,373.29,1e-7],"score":-0.0}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        let a = ds.annotations[0]
        #expect(a.area?.literal == "1e300")
        #expect(a.bbox?.x.literal == "-0.0")
        #expect(a.bbox?.x.double.sign == .minus)
        #expect(a.score?.literal == "-0.0")
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func canonicalPolygonsStoreNoLiterals() throws {
        let (ds, _) = try Self.read(#"{"annotations":[{"id":1,"image_id":1,"segmentation":[[1.5,2,373.29,4,5.25,6]]}]}"#)
        guard case .polygons(let set) = ds.annotations[0].segmentation else {
            Issue.record("expected polygons")
            return
        }
        #expect(set.literals == [nil])
        #expect(set.polygons == [[1.5, 2, 373.29, 4, 5.25, 6]])
    }

    @Test func unknownKeysEverywhereSurvive() throws {
        let text = #"{"x_top":{"a":[1,2]},"images":[{"id":1,"file_name":"a.jpg","x_img":true}],"annotations":[{"id":1,"image_id":1,"category_id":1,"keypoints":[1,2,2],"num_keypoints":1,"attributes":{"occluded":false}}],"categories":[{"id":1,"name":"p","keypoints":["nose"],"skeleton":[]}],"licenses":[{"id":1,"name":"CC","url":"u","x_lic":null}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        #expect(ds.extensions.map(\.key) == ["x_top"])
        #expect(ds.annotations[0].extensions.map(\.key) == ["keypoints", "num_keypoints", "attributes"])
        let again = try Self.roundTrip(text)
        let (ds2, _) = try Self.read(again)
        #expect(ds2 == ds)
        #expect(again.hasPrefix(#"{"x_top""#), "top-level key order is kept")
    }

    @Test func metadataProvenanceAndReviewRoundTrip() throws {
        let text = #"{"images":[{"id":1,"file_name":"a.jpg","title":"Dog","description":"A dog on grass","scene":{"viewpoint":"eye level","lighting":"overcast","mood":"calm","setting":"park"},"captions":["a dog"]}],"annotations":[{"id":1,"image_id":1,"category_id":1,"description":"brown dog","provenance":{"source":"model","model":"sam","model_version":"2.1","created":"2026-01-01T00:00:00Z"},"review":{"status":"needs-fix","reviewer":"ana"}}]}"#
        let (ds, d) = try Self.read(text)
        #expect(d.isEmpty)
        let image = ds.images[0]
        #expect(image.title == "Dog")
        #expect(image.scene?.missingRequiredFields == [])
        #expect(image.captions == ["a dog"])
        let a = ds.annotations[0]
        #expect(a.provenance?.source == .model)
        #expect(a.provenance?.modelVersion == "2.1")
        #expect(a.review?.status == .needsFix)
        #expect(try Self.roundTrip(text) == text)
    }

    @Test func writerIsDeterministic() throws {
        let (ds, _) = try Self.read(#"{"images":[{"id":2},{"id":1}],"annotations":[]}"#)
        #expect(COCO.Writer.encode(ds) == COCO.Writer.encode(ds))
        #expect(COCO.Writer.encode(ds, pretty: true) == COCO.Writer.encode(ds, pretty: true))
    }

    @Test func masksRLEMatchesPycocotoolsRectangle() throws {
        // pycocotools: the 20×10 rectangle polygon covers exactly 200 pixels with box [10, 5, 20, 10].
        let (ds, _) = try Self.read(#"{"images":[{"id":1,"width":40,"height":30}],"annotations":[{"id":1,"image_id":1,"segmentation":[[10,5,30,5,30,15,10,15]]},{"id":2,"image_id":1,"segmentation":{"size":[30,40],"counts":[0,1200]}}]}"#)
        var d = Diagnostics()
        let out = COCO.MaskTranscoder.transcode(ds, to: .rle, diagnostics: &d)
        #expect(d.items.isEmpty)
        guard case .rle(let r) = out.annotations[0].segmentation, case .compressed = r.counts else {
            Issue.record("expected compressed RLE")
            return
        }
        let rle = try r.rle()
        #expect(rle.area == 200)
        #expect(rle.boundingBox == BoundingBox(x: 10, y: 5, width: 20, height: 10))
        guard case .rle(let full) = out.annotations[1].segmentation, case .compressed(let s) = full.counts else {
            Issue.record("uncompressed RLE should become compressed")
            return
        }
        #expect(s == RLE.init(encoding: try BinaryMask(size: MaskSize(height: 30, width: 40), bits: Array(repeating: 1, count: 1200))).compressedCounts)
    }

    @Test func masksRLEReportsPolygonsWithoutImageSize() throws {
        let (ds, _) = try Self.read(#"{"images":[{"id":1}],"annotations":[{"id":9,"image_id":1,"segmentation":[[1,1,5,1,5,5]]}]}"#)
        var d = Diagnostics()
        let out = COCO.MaskTranscoder.transcode(ds, to: .rle, diagnostics: &d)
        #expect(d.items.map(\.code) == ["AK009"])
        #expect(d.items.first?.subject == "annotation 9")
        #expect(out.annotations[0].segmentation == ds.annotations[0].segmentation)
    }
}

/// `--masks polygon`: traced polygons re-rasterise to the same pixels; masks with holes stay RLE and are reported.
@Suite struct PolygonTranscodeTests {
    @Test func tracedPolygonsGiveBackTheSamePixels() throws {
        // Two separate blobs (an L shape and a square) on a 12×10 image, as uncompressed RLE.
        var bits = [UInt8](repeating: 0, count: 12 * 10)
        func set(_ x: Int, _ y: Int) { bits[y * 12 + x] = 1 }
        for y in 1...6 { set(1, y); set(2, y) }
        for x in 3...5 { set(x, 6) }
        for y in 2...4 { for x in 8...10 { set(x, y) } }
        let size = MaskSize(height: 10, width: 12)
        let rle = RLE(encoding: try BinaryMask(size: size, rowMajor: bits))
        let ds = Dataset(
            images: [Image(id: .int(1), width: 12, height: 10)],
            annotations: [Annotation(id: .int(1), imageID: .int(1), segmentation: .rle(RLEData(height: 10, width: 12, counts: .uncompressed(rle.counts))))])
        var d = Diagnostics()
        let out = COCO.MaskTranscoder.transcode(ds, to: .polygon, diagnostics: &d)
        #expect(d.items.isEmpty)
        guard case .polygons(let set) = out.annotations[0].segmentation else {
            Issue.record("expected polygons")
            return
        }
        #expect(set.polygons.count == 2)
        #expect(try RLE(polygons: set.polygons, size: size) == rle)
    }

    @Test func masksWithHolesStayRLE() throws {
        var bits = [UInt8](repeating: 1, count: 5 * 5)
        bits[2 * 5 + 2] = 0
        let rle = RLE(encoding: try BinaryMask(size: MaskSize(height: 5, width: 5), rowMajor: bits))
        let seg = Segmentation.rle(RLEData(height: 5, width: 5, counts: .compressed(rle.compressedCounts)))
        let ds = Dataset(images: [Image(id: .int(1), width: 5, height: 5)], annotations: [Annotation(id: .int(4), imageID: .int(1), segmentation: seg)])
        var d = Diagnostics()
        let out = COCO.MaskTranscoder.transcode(ds, to: .polygon, diagnostics: &d)
        #expect(out.annotations[0].segmentation == seg)
        #expect(d.items.map(\.code) == ["AK009"])
        #expect(d.items.first?.message.contains("holes") == true)
    }
}
