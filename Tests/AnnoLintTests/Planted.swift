import AnnoCore
import AnnoJSON
import AnnoMask

/// The planted dataset: every rule's problem exactly once, at a known subject. `Fixtures/lint/planted.json` is
/// this dataset written as COCO (see `PlantedTests`).
enum Planted {
    /// Where each rule must fire: code → subject.
    static let expected: [String: String] = [
        "AK101": "annotation 1101", "AK102": "annotation 1102", "AK103": "annotation 1103", "AK104": "annotation 1104",
        "AK105": "annotation 1105", "AK106": "annotation 1106", "AK107": "annotation 1107", "AK108": "annotation 1108",
        "AK109": "annotation 1109", "AK110": "annotation 1110", "AK111": "annotation 1111", "AK112": "annotation 1112",
        "AK113": "annotation 1113",
        "AK201": "image 1", "AK202": "image 2", "AK203": "image 3", "AK204": "image 4", "AK205": "image 5",
        "AK206": "license 2", "AK207": "image 7", "AK208": "annotation 1208", "AK209": "category 4", "AK210": "image 9",
        "AK211": "annotation 1211", "AK212": "image 6",
        "AK301": "annotation 1301", "AK302": "annotation 1302", "AK303": "annotation 1303", "AK304": "image 8",
        "AK305": "dataset",
        "AK401": "dataset", "AK402": "category 3", "AK403": "annotation 15", "AK404": "image 12",
    ]

    /// Builds the planted dataset.
    static func make() -> Dataset {
        var d = Dataset(
            licenses: [B.license, License(id: .int(2), name: "Internal use only", url: nil)],
            categories: [
                Category(id: .int(1), name: "dot", supercategory: "shape"), Category(id: .int(2), name: "cat", supercategory: "animal"),
                Category(id: .int(3), name: "rare", supercategory: "shape"), Category(id: .int(4), name: "unused", supercategory: "shape"),
            ])
        // Images 1-10 and 12; image 9 appears twice (AK210).
        for i in 1...10 {
            var image = B.image(i)
            switch i {
            case 1: image.title = nil                                   // AK201
            case 2: image.description = nil                             // AK202
            case 3: image.scene?.mood = nil                             // AK203
            case 4: image.license = nil                                 // AK204
            case 5: image.license = .int(99)                            // AK205
            case 6: image.captions = ["A cat on a mat.", "  "]          // AK212
            case 7: image.width = nil; image.height = nil               // AK207
            default: break
            }
            d.images.append(image)
        }
        d.images.append(B.image(9))                                      // AK210 (repeat of image 9)
        d.images.append(B.image(12))                                     // AK404 (no annotations)

        // 50 dots, five per image on images 1-10; four by ann-a and one by ann-b, except image 8 (AK304: ann-a only).
        for i in 1...10 {
            for k in 0..<5 {
                let id = (i - 1) * 5 + k + 1
                let annotator = (k == 4 && i != 8) ? "ann-b" : "ann-a"
                let shape = id == 15 ? B.octagon(50, 50, 40, 12) : B.octagon(5 + 18 * Double(k), 5)   // AK403: id 15
                d.annotations.append(B.polygon(id, image: i, category: 1, shape, annotator: annotator))
            }
        }
        // Ordinary cats and the single "rare" object (AK402), on image 10.
        d.annotations.append(B.polygon(101, image: 10, category: 2, B.octagon(10, 40)))
        d.annotations.append(B.polygon(102, image: 10, category: 2, B.octagon(30, 40)))
        d.annotations.append(B.polygon(103, image: 10, category: 3, B.octagon(50, 40)))

        let hosts = [1, 2, 3, 4, 5, 6, 8, 9, 10]
        var j = 0
        func place() -> (image: Int, x: Double, y: Double) {
            defer { j += 1 }
            return (hosts[j % hosts.count], 10 + 40 * Double((j / hosts.count) % 2), 60)
        }
        func cat(_ id: Int, _ shape: (Double, Double) -> [Double]) -> Annotation {
            let p = place()
            return B.polygon(id, image: p.image, category: 2, shape(p.x, p.y))
        }

        var a: Annotation
        a = cat(1101) { B.octagon($0, $1) }; a.bbox?.width = JSONNumber(15.0); d.annotations.append(a)       // AK101
        a = cat(1102) { B.octagon($0, $1) }                                                                    // AK102
        a.bbox = Box(x: (a.bbox?.x.double ?? 0) + 1, y: a.bbox?.y.double ?? 0, width: 9, height: 10); d.annotations.append(a)
        d.annotations.append(cat(1103) { B.rect($0, $1, 20, 10) })                                             // AK103
        a = cat(1104) { B.octagon($0, $1) }; a.area = JSONNumber(100); d.annotations.append(a)                 // AK104
        d.annotations.append(B.polygon(1105, image: 2, category: 2, B.octagon(95, 20)))                        // AK105
        a = cat(1106) { B.octagon($0, $1) }; a.bbox?.width = JSONNumber(0); d.annotations.append(a)            // AK106
        d.annotations.append(B.rle(1107, image: 3, category: 2, B.octagon(60, 30), height: 50, width: 100))    // AK107
        a = cat(1108) { B.octagon($0, $1) }                                                                    // AK108
        a.segmentation = .polygons(PolygonSet([B.octagon(a.bbox?.x.double ?? 0, a.bbox?.y.double ?? 0), [1, 2, 3, 4, 5]]))
        d.annotations.append(a)
        a = B.polygon(1109, image: 4, category: 2, [10.1, 10.1, 10.4, 10.1, 10.1, 10.4])                         // AK109
        a.bbox = Box(x: 10, y: 10, width: 1, height: 1); a.area = nil; d.annotations.append(a)
        d.annotations.append(B.polygon(1110, image: 10, category: 2, B.octagon(10, 40)))                       // AK110 (copy of 101)
        a = cat(1111) { B.octagon($0, $1) }; a.segmentation = .none; a.area = JSONNumber(100)                  // AK111
        d.annotations.append(a)
        d.annotations.append(cat(1112) { B.rect($0, $1, 2, 1) })                                               // AK112
        a = cat(1113) { B.octagon($0, $1) }                                                                    // AK113
        a.segmentation = .rle(RLEData(height: 100, width: 100, counts: .uncompressed([5000, 10]))); d.annotations.append(a)
        a = cat(1208) { B.octagon($0, $1) }; a.categoryID = .int(77); d.annotations.append(a)                   // AK208
        a = cat(1211) { B.octagon($0, $1) }; a.imageID = .int(999); d.annotations.append(a)                     // AK211
        a = cat(1301) { B.octagon($0, $1) }; a.provenance = nil; d.annotations.append(a)                        // AK301
        a = cat(1302) { B.octagon($0, $1) }                                                                    // AK302
        a.provenance = Provenance(source: .model, model: "sam-vit-h", modelVersion: "1.0"); d.annotations.append(a)
        a = cat(1303) { B.octagon($0, $1) }                                                                    // AK303
        a.review = Review(status: .rejected, reviewer: "rev-1"); d.annotations.append(a)
        return d
    }
}
