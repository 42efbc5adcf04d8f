import AnnoArchive
import AnnoCore
import AnnoJSON
import AnnoTestSupport
import Foundation

/// IR builders and byte helpers shared by the archive tests.
enum ArchiveTestData {
    static func number(_ literal: String) -> JSONNumber { JSONNumber(literal: literal, double: Double(literal) ?? .nan) }

    /// Column-major COCO counts of a row-major 0/1 pixel grid (the reference encoder for tests).
    static func counts(_ pixels: [[UInt8]]) -> [UInt32] {
        let h = pixels.count, w = pixels.first?.count ?? 0
        var out: [UInt32] = []
        var current: UInt8 = 0
        var run: UInt32 = 0
        for x in 0..<w {
            for y in 0..<h {
                let v = pixels[y][x]
                if v == current {
                    run += 1
                } else {
                    out.append(run)
                    run = 1
                    current = v
                }
            }
        }
        out.append(run)
        return out
    }

    /// Row-major pixels of column-major counts.
    static func pixels(_ counts: [UInt32], height: Int, width: Int) -> [[UInt8]] {
        var grid = [[UInt8]](repeating: [UInt8](repeating: 0, count: width), count: height)
        var p = 0
        for (i, c) in counts.enumerated() {
            for q in p..<(p + Int(c)) where i % 2 == 1 { grid[q % height][q / height] = 1 }
            p += Int(c)
        }
        return grid
    }

    /// A small dataset exercising every IR field and every segmentation kind.
    static func small() -> Dataset {
        var d = Dataset(
            info: .object([JSONMember("description", .string("AnnoKit archive fixture")), JSONMember("version", .number(number("1.0"))), JSONMember("nested", .array([.null, .bool(true), .bool(false), .number(number("2.5e-08"))]))]),
            licenses: [License(id: .int(1), name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", extensions: [JSONMember("x", .string("y"))])],
            images: [
                Image(id: .int(1), fileName: "a.jpg", width: 8, height: 6, license: .int(1), title: "Two cats",
                      description: "Two cats on a mat", scene: Scene(viewpoint: "eye level", lighting: "daylight", mood: "calm", setting: "kitchen", notes: "n", extensions: [JSONMember("k", .number(number("3")))]),
                      captions: ["a cat", "another cat"], extensions: [JSONMember("coco_url", .string("http://x/a.jpg")), JSONMember("date_captured", .string("2013-11-14 16:28:13"))]),
                Image(id: .string("img-2"), fileName: "b.jpg", width: 5, height: 4,
                      ignoreRegion: RLEData(height: 4, width: 5, counts: .uncompressed([18, 2]))),
                Image(id: .int(3), fileName: "c.jpg"),
            ],
            categories: [
                Category(id: .int(1), name: "cat", supercategory: "animal"),
                Category(id: .int(7), name: "mat", extensions: [JSONMember("isthing", .number(number("0")))]),
            ],
            annotations: [],
            extensions: [JSONMember("type", .string("instances"))])
        d.sectionOrder = ["info", "licenses", "images", "annotations", "categories", "type"]
        let blob: [[UInt8]] = [
            [0, 0, 0, 0, 0, 0, 0, 0],
            [0, 1, 1, 0, 0, 0, 0, 0],
            [0, 1, 1, 1, 0, 0, 0, 0],
            [0, 0, 1, 1, 0, 0, 1, 1],
            [0, 0, 0, 0, 0, 0, 1, 1],
            [0, 0, 0, 0, 0, 0, 0, 0],
        ]
        d.annotations = [
            Annotation(id: .int(10), imageID: .int(1), categoryID: .int(1), bbox: Box(x: number("1.5"), y: number("1.25"), width: number("3"), height: number("2.75")),
                       segmentation: .polygons(PolygonSet([[1.5, 1.25, 4.5, 1.25, 4.5, 4.0, 1.5, 4.0]])), area: number("8.25"), isCrowd: 0,
                       provenance: Provenance(source: .human, annotator: "ann-1", created: "2024-05-01T10:00:00Z"),
                       review: Review(status: .approved, reviewer: "rev-1", reviewed: "2024-05-02")),
            Annotation(id: .int(11), imageID: .int(1), categoryID: .int(7), bbox: Box(x: 1, y: 1, width: 7, height: 4),
                       segmentation: .rle(RLEData(height: 6, width: 8, counts: .uncompressed(counts(blob)))), area: number("11"), isCrowd: 0,
                       score: number("0.875"), description: "a blob",
                       provenance: Provenance(source: .model, model: "sam", modelVersion: "vit-h", extensions: [JSONMember("run", .number(number("7")))]),
                       review: Review(status: .needsFix, extensions: [JSONMember("why", .string("edge"))]),
                       extensions: [JSONMember("attributes", .object([JSONMember("occluded", .bool(false))]))]),
            Annotation(id: .int(12), imageID: .int(1), categoryID: .int(1),
                       segmentation: .polygons(PolygonSet([[0.1, 0.1, 3.333, 0.1, 3.333, 2.0], [5.0, 5.0, 7.0, 5.0, 6.0, 5.9]], literals: [["0.10", "0.1", "3.333", "0.1", "3.333", "2.0"], nil])),
                       area: number("1e-05"), isCrowd: 0,
                       provenance: Provenance(source: .derivedFromBBox), review: Review(status: .unreviewed)),
            Annotation(id: .int(13), imageID: .string("img-2"), categoryID: .int(1), bbox: Box(x: number("-0.0"), y: number("0"), width: number("2"), height: number("2")),
                       segmentation: .rle(RLEData(height: 4, width: 5, counts: .compressed("53<"))), isCrowd: 1,
                       provenance: Provenance(source: .other("cvat")), review: Review(status: .other("escalated"))),
            Annotation(id: .int(14), imageID: .string("img-2"), categoryID: .string("unknown"), caption: "box only"),
            Annotation(id: .int(15), idWasAssigned: true, imageID: .int(999), categoryID: .int(1),
                       segmentation: .rle(RLEData(height: 2, width: 2, counts: .uncompressed([1, 2, 1]))), area: number("2")),
            Annotation(id: .string("a-16"), imageID: .int(3), categoryID: .int(1),
                       segmentation: .polygons(PolygonSet([[0, 0, 10, 0, 10, 10]]))),
            Annotation(id: .int(17), imageID: .string("img-2"), categoryID: .int(7),
                       segmentation: .rle(RLEData(height: 4, width: 5, counts: .compressed("not-rle")))),
            Annotation(id: .int(18), imageID: .int(1), categoryID: .int(7),
                       segmentation: .rle(RLEData(height: 4, width: 5, counts: .compressed("U03<"))), isCrowd: 1),
        ]
        return d
    }

    /// `small()` plus an image with repetitive text and striped masks, so that encoded with a small `META` part
    /// size it has stored and deflated parts in both a multi-part `META` and a two-part `MASK` record.
    static func multiPart() -> Dataset {
        var d = small()
        let notes = String(repeating: "striped test pattern; ", count: 12)
        d.images.append(Image(id: .int(4), fileName: "d.jpg", width: 64, height: 48, extensions: [JSONMember("notes", .string(notes))]))
        let stripes = [UInt32](repeating: 6, count: 512)
        d.annotations.append(Annotation(id: .int(19), imageID: .int(4), categoryID: .int(7), segmentation: .rle(RLEData(height: 48, width: 64, counts: .uncompressed(stripes))), isCrowd: 0))
        var zigzag: [Double] = []
        for k in 0..<40 { zigzag += [Double(k) * 1.5, k % 2 == 0 ? 2.0 : 40.0] }
        d.annotations.append(Annotation(id: .int(20), imageID: .int(4), categoryID: .int(1), segmentation: .polygons(PolygonSet([zigzag + [60, 47, 0, 47]]))))
        return d
    }

    /// A larger synthetic dataset for property checks.
    static func synthetic(images: Int, seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed)
        var d = Dataset(categories: (1...5).map { Category(id: .int($0), name: "c\($0)") })
        var next = 1
        for i in 0..<images {
            let w = 16 + Int(rng.next() % 48), h = 16 + Int(rng.next() % 48)
            d.images.append(Image(id: .int(i * 3 + 1), fileName: "\(i).jpg", width: w, height: h))
            for _ in 0..<Int(rng.next() % 4) {
                let cat = ID.int(1 + Int(rng.next() % 5))
                if rng.next() % 2 == 0 {
                    var poly: [Double] = []
                    for _ in 0..<(3 + Int(rng.next() % 5)) {
                        poly.append(Double(rng.next() % UInt64(w * 100)) / 100)
                        poly.append(Double(rng.next() % UInt64(h * 100)) / 100)
                    }
                    d.annotations.append(Annotation(id: .int(next), imageID: .int(i * 3 + 1), categoryID: cat, segmentation: .polygons(PolygonSet([poly]))))
                } else {
                    var grid = [[UInt8]](repeating: [UInt8](repeating: 0, count: w), count: h)
                    let x0 = Int(rng.next() % UInt64(w)), y0 = Int(rng.next() % UInt64(h))
                    for y in y0..<min(h, y0 + 9) { for x in x0..<min(w, x0 + 7) where rng.next() % 5 != 0 { grid[y][x] = 1 } }
                    d.annotations.append(Annotation(id: .int(next), imageID: .int(i * 3 + 1), categoryID: cat, segmentation: .rle(RLEData(height: h, width: w, counts: .uncompressed(counts(grid)))), isCrowd: 0))
                }
                next += 1
            }
        }
        return d
    }

    /// `xxd`-style hex dump: offset, 16 bytes in hex, printable ASCII.
    static func hexDump(_ bytes: [UInt8]) -> String {
        var out = ""
        for start in stride(from: 0, to: bytes.count, by: 16) {
            let row = bytes[start..<min(start + 16, bytes.count)]
            var line = String(format: "%08x: ", start)
            for (k, b) in row.enumerated() { line += String(format: "%02x", b) + (k % 2 == 1 ? " " : "") }
            line += String(repeating: " ", count: max(0, 41 - (line.count - 10)))
            line += String(row.map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "." })
            out += line + "\n"
        }
        return out
    }
}

