import AnnoCore
import AnnoJSON
import AnnoMask

/// Tiny IR builders for rule tests.
enum B {
    /// An octagon of side `s` (corner cut `c`) at `(x, y)`: shoelace area s² − 2c².
    static func octagon(_ x: Double, _ y: Double, _ s: Double = 10, _ c: Double = 3) -> [Double] {
        [x + c, y, x + s - c, y, x + s, y + c, x + s, y + s - c, x + s - c, y + s, x + c, y + s, x, y + s - c, x, y + c]
    }

    /// An axis-aligned rectangle polygon.
    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> [Double] {
        [x, y, x + w, y, x + w, y + h, x, y + h]
    }

    /// A fully described, licensed image.
    static func image(_ id: Int, width: Int? = 100, height: Int? = 100, license: Int? = 1) -> Image {
        Image(
            id: .int(id), fileName: "img\(id).jpg", width: width, height: height, license: license.map(ID.int),
            title: "Image \(id)", description: "A test image with simple shapes.",
            scene: Scene(viewpoint: "top-down", lighting: "flat studio light", mood: "neutral"))
    }

    /// A human-made polygon annotation whose bbox is the vertex extent and whose area is the shoelace area.
    static func polygon(
        _ id: Int, image: Int, category: Int = 1, _ polygon: [Double], annotator: String? = "ann-a"
    ) -> Annotation {
        let xs = stride(from: 0, to: polygon.count, by: 2).map { polygon[$0] }
        let ys = stride(from: 1, to: polygon.count, by: 2).map { polygon[$0] }
        let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
        let box = Box(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0)
        var area = 0.0
        let n = xs.count
        for i in 0..<n { let j = (i + 1) % n; area += xs[i] * ys[j] - xs[j] * ys[i] }
        return Annotation(
            id: .int(id), imageID: .int(image), categoryID: .int(category), bbox: box,
            segmentation: .polygons(PolygonSet([polygon])), area: JSONNumber(abs(area) / 2), isCrowd: 0,
            provenance: annotator.map { Provenance(source: .human, annotator: $0) })
    }

    /// An RLE annotation rasterised from a polygon at `height` × `width`, with matching bbox and area.
    static func rle(_ id: Int, image: Int, category: Int = 1, _ polygon: [Double], height: Int, width: Int) -> Annotation {
        let mask = (try? RLE(polygon: polygon, size: MaskSize(height: height, width: width))) ?? (try? RLE(empty: MaskSize(height: 1, width: 1)))
        let counts = mask?.counts ?? [1]
        let b = mask?.boundingBox ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
        return Annotation(
            id: .int(id), imageID: .int(image), categoryID: .int(category), bbox: Box(x: b.x, y: b.y, width: b.width, height: b.height),
            segmentation: .rle(RLEData(height: height, width: width, counts: .uncompressed(counts))),
            area: JSONNumber(mask?.area ?? 0), isCrowd: 0, provenance: Provenance(source: .human, annotator: "ann-a"))
    }

    /// A complete licence.
    static let license = License(id: .int(1), name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/")

    /// A clean dataset: `images` images with two octagons each (by two annotators) in two categories.
    static func clean(images: Int = 4) -> Dataset {
        var d = Dataset(
            licenses: [license], categories: [Category(id: .int(1), name: "dot"), Category(id: .int(2), name: "cat")])
        var next = 1
        for i in 1...images {
            d.images.append(image(i))
            d.annotations.append(polygon(next, image: i, category: 1, octagon(10, 10), annotator: "ann-a"))
            d.annotations.append(polygon(next + 1, image: i, category: 2, octagon(40, 40), annotator: "ann-b"))
            next += 2
        }
        return d
    }
}
