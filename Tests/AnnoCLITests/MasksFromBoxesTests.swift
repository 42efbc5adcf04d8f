import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `masks from-boxes`: pycocotools' box rasterisation, the inscribed ellipse, provenance and counts.
@Suite struct MasksFromBoxesTests {
    struct Vector {
        var height: Int
        var width: Int
        var box: [Double]
        var compressed: String
        var area: Int
    }

    static func vectors() throws -> [Vector] {
        let json = try JSONReader.parse(bytes: FixturePaths.bytes("golden/pycocotools-vectors.json"))
        guard case .array(let items)? = json["boxes"] else { return [] }
        return items.compactMap { item in
            guard case .array(let size)? = item["size"], case .array(let box)? = item["bbox_in"],
                case .string(let compressed)? = item["compressed"], case .number(let area)? = item["area"],
                size.count == 2, case .number(let h) = size[0], case .number(let w) = size[1] else { return nil }
            let doubles = box.compactMap { v -> Double? in if case .number(let n) = v { return n.double }; return nil }
            guard let hi = h.int, let wi = w.int, let ai = area.int else { return nil }
            return Vector(height: hi, width: wi, box: doubles, compressed: compressed, area: ai)
        }
    }

    @Test func boxShapeEqualsPycocotoolsVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 100)
        for v in vectors {
            let size = MaskSize(height: v.height, width: v.width)
            let box = BoundingBox(x: v.box[0], y: v.box[1], width: v.box[2], height: v.box[3])
            let rle = RLE(box: box, size: size)
            #expect(rle.compressedCounts == v.compressed, "box \(v.box) on \(size)")
            #expect(rle.area == v.area)

            // Through fromBoxes: the stored mask is exactly pycocotools' string; empty masks are skipped.
            let dataset = Dataset(
                images: [Image(id: .int(1), width: v.width, height: v.height)],
                annotations: [Annotation(id: .int(1), imageID: .int(1), bbox: Box(x: box.x, y: box.y, width: box.width, height: box.height))])
            let result = MaskUpgrade.fromBoxes(dataset)
            if v.area == 0 {
                #expect(result.count(.emptyMask) == 1)
                #expect(!result.dataset.annotations[0].hasMask)
            } else {
                #expect(result.dataset.annotations[0].segmentation == .rle(RLEData(height: v.height, width: v.width, counts: .compressed(v.compressed))))
                #expect(result.dataset.annotations[0].area == JSONNumber(v.area))
            }
        }
    }

    @Test func ellipseStaysInsideItsBoxAndIsSymmetric() {
        let size = MaskSize(height: 60, width: 90)
        for box in [BoundingBox(x: 10, y: 5, width: 40, height: 30), BoundingBox(x: 3, y: 7, width: 17, height: 41), BoundingBox(x: 0.5, y: 1.5, width: 9, height: 5)] {
            let mask = MaskUpgrade.ellipse(in: box, size: size).decoded()
            #expect(mask.area > 0)
            for x in 0..<size.width {
                for y in 0..<size.height where mask[x: x, y: y] {
                    #expect(Double(x) + 0.5 >= box.x && Double(x) + 0.5 <= box.x + box.width)
                    #expect(Double(y) + 0.5 >= box.y && Double(y) + 0.5 <= box.y + box.height)
                    // Mirror images about the box centre are set too.
                    let mx = Int(2 * box.x + box.width) - 1 - x, my = Int(2 * box.y + box.height) - 1 - y
                    #expect(mask[x: mx, y: y] && mask[x: x, y: my], "pixel (\(x), \(y)) of \(box)")
                }
            }
        }
    }

    @Test func ellipseAreaApproachesQuarterPiWH() {
        let size = MaskSize(height: 700, width: 900)
        for (w, h) in [(400.0, 300.0), (801.0, 233.0), (150.0, 650.0)] {
            let area = Double(MaskUpgrade.ellipse(in: BoundingBox(x: 20, y: 10, width: w, height: h), size: size).area)
            let expected = Double.pi / 4 * w * h
            #expect(abs(area - expected) / expected < 0.01, "\(w)×\(h): \(area) vs \(expected)")
        }
    }

    @Test func ellipseEdgeCases() {
        let size = MaskSize(height: 10, width: 10)
        #expect(MaskUpgrade.ellipse(in: BoundingBox(x: 2, y: 2, width: 1, height: 1), size: size).area == 1)
        #expect(MaskUpgrade.ellipse(in: BoundingBox(x: 2, y: 2, width: 0, height: 5), size: size).area == 0)
        #expect(MaskUpgrade.ellipse(in: BoundingBox(x: .nan, y: 2, width: 3, height: 5), size: size).area == 0)
        #expect(MaskUpgrade.ellipse(in: BoundingBox(x: 20, y: 2, width: 3, height: 5), size: size).area == 0)
        #expect(MaskUpgrade.ellipse(in: BoundingBox(x: -5e300, y: -5e300, width: 1e301, height: 1e301), size: size).area == 100)
        // Clipped at the image edge: the part inside equals the unclipped ellipse's part inside.
        let big = MaskUpgrade.ellipse(in: BoundingBox(x: -5, y: -5, width: 12, height: 12), size: MaskSize(height: 10, width: 10)).decoded()
        let reference = MaskUpgrade.ellipse(in: BoundingBox(x: 0, y: 0, width: 12, height: 12), size: MaskSize(height: 20, width: 20)).decoded()
        for x in 0..<10 { for y in 0..<10 { #expect(big[x: x, y: y] == reference[x: x + 5, y: y + 5]) } }
        // Full-height columns merge into one run and the result is canonical.
        let tall = MaskUpgrade.ellipse(in: BoundingBox(x: 0, y: -100, width: 10, height: 300), size: size)
        #expect(tall.isCanonical)
        #expect(tall.area == 100)
    }

    @Test func marksNewMasksAndLeavesExistingOnesAlone() throws {
        var d = MasksSupport.dataset(boxes: [(1, [10, 10, 20, 20]), (1, [40, 10, 20, 10]), (2, [0, 0, 5, 5])])
        d.annotations[0].provenance = Provenance(source: .human, annotator: "ana", created: "2020-01-01")
        let polygon = Segmentation.polygons(PolygonSet([[40, 10, 60, 10, 60, 20]]))
        d.annotations[1].segmentation = polygon
        d.annotations.append(Annotation(id: .int(4), imageID: .int(9), bbox: Box(x: 1, y: 1, width: 2, height: 2)))
        d.annotations.append(Annotation(id: .int(5), imageID: .int(1)))
        let r = MaskUpgrade.fromBoxes(d, options: .init(shape: .ellipse))
        #expect(r.converted == [.int(1), .int(3)])
        #expect(r.alreadyMasked == 1)
        #expect(r.skipped.map(\.id) == [.int(4), .int(5)])
        #expect(r.skipped.map(\.reason) == [.noImageSize, .noBox])
        let a = r.dataset.annotations[0]
        #expect(a.provenance?.source == .derivedFromBBox)
        #expect(a.provenance?.annotator == "ana")
        #expect(a.provenance?.created == nil)
        #expect(a.provenance?.extensions == [JSONMember("shape", .string("ellipse"))])
        #expect(a.review == Review(status: .unreviewed))
        #expect(a.bbox == d.annotations[0].bbox)
        guard case .rle(let data) = a.segmentation, case .compressed = data.counts else {
            Issue.record("expected compressed RLE")
            return
        }
        #expect(data.height == 80 && data.width == 100)
        #expect(r.dataset.annotations[1] == d.annotations[1], "existing masks are untouched")
        #expect(MaskUpgrade.fromBoxes(d, options: .init(shape: .ellipse)) == r, "deterministic")
        #expect(MaskUpgrade.fromBoxes(d, options: .init(created: "2024-05-01T00:00:00Z")).dataset.annotations[0].provenance?.created == "2024-05-01T00:00:00Z")
    }

    @Test func commandWritesDeterministicOutputAndCounts() throws {
        let dir = FixturePaths.temporaryDirectory("masks-from-boxes")
        let a = dir + "/a.json", b = dir + "/b.json"
        let first = MasksSupport.run(["masks", "from-boxes", MasksSupport.boxesOnly, "-o", a])
        #expect(first.code == 0)
        #expect(first.err.contains("8 masks derived, 0 already had masks, 0 skipped"))
        #expect(MasksSupport.run(["masks", "from-boxes", MasksSupport.boxesOnly, "-o", b]).code == 0)
        #expect(try FixturePaths.bytes("masks/boxes-only.json") != (try [UInt8](Data(contentsOf: URL(fileURLWithPath: a)))))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        // Running again on the output changes nothing more.
        let again = MasksSupport.run(["masks", "from-boxes", a, "--shape", "ellipse", "-o", b])
        #expect(again.err.contains("0 masks derived, 8 already had masks"))
        let help = MasksSupport.run(["masks", "from-boxes", "--help"])
        #expect(help.code == 0 && help.out.contains("EXAMPLES") && help.out.contains("Default: box."))
        #expect(MasksSupport.run(["masks", "from-boxes", MasksSupport.boxesOnly]).code == 2)
        #expect(MasksSupport.run(["masks", "from-boxes", MasksSupport.boxesOnly, "-o", a, "--created", "yesterday"]).code == 2)
    }
}
