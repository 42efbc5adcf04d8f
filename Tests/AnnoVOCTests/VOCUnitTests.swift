import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import AnnoXML
import AnnoZlib
import Testing
@testable import AnnoVOC

@Suite("VOC units")
struct VOCUnitTests {
    @Test func colormapMatchesTheReferenceTable() {
        let expected: [Int: (UInt8, UInt8, UInt8)] = [
            0: (0, 0, 0), 1: (128, 0, 0), 2: (0, 128, 0), 3: (128, 128, 0), 4: (0, 0, 128), 5: (128, 0, 128),
            6: (0, 128, 128), 7: (128, 128, 128), 8: (64, 0, 0), 9: (192, 0, 0), 10: (64, 128, 0), 11: (192, 128, 0),
            12: (64, 0, 128), 13: (192, 0, 128), 14: (64, 128, 128), 15: (192, 128, 128), 16: (0, 64, 0),
            17: (128, 64, 0), 18: (0, 192, 0), 19: (128, 192, 0), 20: (0, 64, 128), 255: (224, 224, 192),
        ]
        for (i, c) in expected {
            #expect(PNG.vocColormap[i] == PNG.RGB(c.0, c.1, c.2), "index \(i)")
        }
        #expect(Set(PNG.vocColormap).count == 256)
    }

    /// Every index 0–255 survives the reader's mapping, from a palette PNG and from an RGB PNG.
    @Test func readerMapsAll256Indices() throws {
        let indices = (0..<256).map { UInt8($0) }
        let palettePNG = try PNG.encodeIndexed(width: 16, height: 16, indices: indices, palette: PNG.vocColormap)
        let fromPalette = VOC.Masks.indices(of: try PNG.decode(palettePNG), colors: VOC.Masks.colormapTable)
        #expect(fromPalette.indices == indices)
        var rgb: [UInt8] = []
        for i in indices { let c = PNG.vocColormap[Int(i)]; rgb += [c.r, c.g, c.b] }
        let rgbPNG = try PNG.encodeRGB8(width: 16, height: 16, pixels: rgb)
        let fromRGB = VOC.Masks.indices(of: try PNG.decode(rgbPNG), colors: VOC.Masks.colormapTable)
        #expect(fromRGB.indices == indices)
        #expect(fromRGB.unknown == 0)
        let odd = try PNG.encodeRGB8(width: 1, height: 1, pixels: [1, 2, 3])
        #expect(VOC.Masks.indices(of: try PNG.decode(odd), colors: VOC.Masks.colormapTable).unknown == 1)
    }

    /// Through the whole reader: an RGB SegmentationObject with instance colours 1…3 and void.
    @Test func readerMapsRGBInstanceColours() throws {
        let root = VOCFixtures.temporaryFolder()
        defer { VOCFixtures.remove(root) }
        VOCFixtures.write(VOCFixtures.annotationXML(width: 4, height: 1, objects: [
            ("cat", "1", "1", "1", "1"), ("dog", "2", "1", "2", "1"), ("cat", "3", "1", "3", "1"),
        ]), to: root + "/Annotations/img.xml")
        var rgb: [UInt8] = []
        for i in [1, 2, 3, 255] { let c = PNG.vocColormap[i]; rgb += [c.r, c.g, c.b] }
        VOCFixtures.write(try PNG.encodeRGB8(width: 4, height: 1, pixels: rgb), to: root + "/SegmentationObject/img.png")
        let (ds, diags) = try VOCFixtures.readVOC(root)
        #expect(diags.items.isEmpty, "\(diags.items)")
        for (k, a) in ds.annotations.enumerated() {
            #expect(try VOCFixtures.bits(a.segmentation, height: 1, width: 4) == (0..<4).map { $0 == k ? 1 : 0 })
        }
        #expect(ds.images[0].ignoreRegion == RLEData(height: 1, width: 4, counts: .uncompressed([3, 1])))
    }

    @Test func boxRoundTripOrigin1() {
        // The whole 640x480 image: xmin 1, xmax 640.
        let whole = VOC.Coordinates.box(from: .init(xmin: 1, ymin: 1, xmax: 640, ymax: 480), origin: 1)
        #expect(whole.doubles == [0, 0, 640, 480])
        #expect(VOC.Coordinates.vocBox(from: whole, origin: 1) == .init(xmin: 1, ymin: 1, xmax: 640, ymax: 480))
        // A single pixel.
        let one = VOC.Coordinates.box(from: .init(xmin: 5, ymin: 7, xmax: 5, ymax: 7), origin: 1)
        #expect(one.doubles == [4, 6, 1, 1])
        var g = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let x0 = Double(Int.random(in: 1...500, using: &g)), y0 = Double(Int.random(in: 1...500, using: &g))
            let v = VOC.Coordinates.VOCBox(xmin: x0, ymin: y0, xmax: x0 + Double(Int.random(in: 0...100, using: &g)), ymax: y0 + Double(Int.random(in: 0...100, using: &g)))
            #expect(VOC.Coordinates.vocBox(from: VOC.Coordinates.box(from: v, origin: 1), origin: 1) == v)
            #expect(VOC.Coordinates.vocBox(from: VOC.Coordinates.box(from: v, origin: 0), origin: 0) == v)
        }
        // Fractional IR boxes: xmin = round(x) + 1, xmax = round(x + w).
        let frac = Box(x: 10.3, y: 5.6, width: 19.4, height: 9.2)
        #expect(VOC.Coordinates.vocBox(from: frac, origin: 1) == .init(xmin: 11, ymin: 7, xmax: 30, ymax: 15))
        #expect(VOC.Coordinates.needsRounding(frac))
        #expect(!VOC.Coordinates.needsRounding(whole))
        // Origin 0: x = xmin, w = xmax - xmin.
        #expect(VOC.Coordinates.box(from: .init(xmin: 0, ymin: 0, xmax: 640, ymax: 480), origin: 0).doubles == [0, 0, 640, 480])
    }

    /// Instance k of SegmentationObject is the k-th object (not off by one), through write and read.
    @Test func instanceKIsObjectK() throws {
        let w = 10, h = 8
        var ds = Dataset(categories: [Category(id: .int(1), name: "cat"), Category(id: .int(2), name: "dog")])
        ds.images = [Image(id: .string("img"), fileName: "img.jpg", width: w, height: h)]
        let rects: [(Double, Double, Double, Double)] = [(0, 0, 3, 3), (4, 0, 3, 5), (1, 5, 8, 3)]
        for (k, r) in rects.enumerated() {
            let poly = [r.0, r.1, r.0 + r.2, r.1, r.0 + r.2, r.1 + r.3, r.0, r.1 + r.3]
            let rle = try RLE(polygons: [poly], size: MaskSize(height: h, width: w))
            ds.annotations.append(Annotation(
                id: .int(k + 1), imageID: .string("img"), categoryID: .int(k % 2 + 1), bbox: Box(x: r.0, y: r.1, width: r.2, height: r.3),
                segmentation: .rle(RLEData(height: h, width: w, counts: .uncompressed(rle.counts)))))
        }
        let (out, losses) = try VOCFixtures.writeVOC(ds)
        defer { VOCFixtures.remove(out) }
        #expect(losses.items.isEmpty, "\(losses.items)")
        let idx = try VOCFixtures.indices(out + "/SegmentationObject/img.png")
        for k in 1...3 {
            let fromPNG = try VOCFixtures.rle(rowMajor: idx, width: w, height: h, value: UInt8(k))
            #expect(fromPNG.decoded().bits == (try VOCFixtures.bits(ds.annotations[k - 1].segmentation, height: h, width: w)), "instance \(k)")
        }
        let cls = try VOCFixtures.indices(out + "/SegmentationClass/img.png")
        #expect(Set(cls) == [0, 1, 2])
        let (back, diags) = try VOCFixtures.readVOC(out)
        #expect(diags.items.isEmpty, "\(diags.items)")
        #expect(back.annotations.count == 3)
        for k in 0..<3 {
            #expect(back.annotations[k].bbox?.doubles == ds.annotations[k].bbox?.doubles)
            #expect(try VOCFixtures.bits(back.annotations[k].segmentation, height: h, width: w)
                == VOCFixtures.bits(ds.annotations[k].segmentation, height: h, width: w))
            #expect(back.categories.first { $0.id == back.annotations[k].categoryID }?.name == (k % 2 == 0 ? "cat" : "dog"))
        }
    }

    @Test func runsMatchPycocotoolsEncoding() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let w = Int.random(in: 1...13, using: &g), h = Int.random(in: 1...11, using: &g)
            let idx = (0..<(w * h)).map { _ in UInt8([0, 1, 2, 255].randomElement(using: &g) ?? 0) }
            let runs = VOC.Masks.runs(rowMajor: idx, width: w, height: h)
            for v: UInt8 in [1, 2, 255] {
                let expected = try VOCFixtures.rle(rowMajor: idx, width: w, height: h, value: v)
                if expected.area == 0 { #expect(runs[Int(v)] == nil); continue }
                #expect(runs[Int(v)] == expected.counts, "value \(v) \(w)x\(h)")
            }
        }
    }

    @Test func rowMajorPaintingMatchesDecoding() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let w = Int.random(in: 1...17, using: &g), h = Int.random(in: 1...13, using: &g)
            let bits = (0..<(w * h)).map { _ in UInt8.random(in: 0...1, using: &g) }
            let rle = try RLE(encoding: BinaryMask(size: MaskSize(height: h, width: w), rowMajor: bits))
            var buffer = [UInt8](repeating: 0, count: w * h)
            VOC.Masks.fill(rle.counts, value: 9, width: w, height: h, into: &buffer)
            #expect(buffer == bits.map { $0 * 9 })
            var over = [Int](repeating: 0, count: 256)
            VOC.Masks.paint(rle.counts, value: 3, width: w, height: h, into: &buffer, overwritten: &over)
            #expect(over[9] == bits.reduce(0) { $0 + Int($1) })
        }
    }

    @Test func elementCodingRoundTrips() throws {
        let xml = "<object><pose>Left</pose><truncated>1</truncated><part><name>head</name><bndbox><xmin>5.5</xmin></bndbox></part><part><name>hand</name></part><actions><jumping>0</jumping></actions><x>007</x><e/></object>"
        let e = try XML.parse(string: xml)
        let members = VOC.ElementCoding.members(of: e.children)
        #expect(members.map(\.key) == ["pose", "truncated", "part", "actions", "x", "e"])
        #expect(members[1].value == .number(JSONNumber(literal: "1", double: 1)))
        #expect(members[4].value == .string("007"))
        guard case .array(let parts) = members[2].value else { Issue.record("parts not grouped"); return }
        #expect(parts.count == 2)
        let back = members.flatMap { VOC.ElementCoding.elements(name: $0.key, value: $0.value) }
        #expect(back == e.children)
    }

    @Test func labelmapParsesAndWrites() {
        var d = Diagnostics()
        let lm = VOC.Labelmap.parse("# label:color_rgb:parts:actions\nbackground:0,0,0::\nperson:192,128,128:head,hand:jumping\nbad:1,2\n", file: "labelmap.txt", diagnostics: &d)
        #expect(lm.entries.map(\.name) == ["background", "person"])
        #expect(lm.entries[1].color == PNG.RGB(192, 128, 128))
        #expect(lm.entries[1].parts == "head,hand")
        #expect(d.codes == ["AK044"])
        var d2 = Diagnostics()
        #expect(VOC.Labelmap.parse(lm.text, file: "x", diagnostics: &d2) == lm)
    }

    @Test func checkCataloguesAreSortedAndInRange() {
        #expect(VOC.Checks.all.map(\.code) == VOC.Checks.all.map(\.code).sorted())
        #expect(VOC.Checks.all.allSatisfy { $0.code >= "AK030" && $0.code <= "AK049" })
        #expect(VOC.LossChecks.all.allSatisfy { $0.code >= "AK060" && $0.code <= "AK079" })
        #expect(Set(VOCFormat.checks.map(\.code)).count == VOCFormat.checks.count)
        #expect(VOCFormat.identifier == "voc")
    }

    @Test func detection() {
        #expect(VOCFormat.detect(at: VOCFixtures.path("real/voc_dataset1")) == .high)
        #expect(VOCFormat.detect(at: VOCFixtures.path("real/README.md")) == DetectionConfidence.none)
    }
}
