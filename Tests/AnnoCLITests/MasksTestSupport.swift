import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation

/// Helpers shared by the masks workflow tests.
enum MasksSupport {
    /// Runs `annokit` in-process; returns the exit code and captured streams.
    static func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capture()
        let code = CLI.run(arguments: arguments, console: console)
        return (code, console.outText, console.errText)
    }

    /// Loads a dataset through the library.
    static func load(_ path: String) throws -> Dataset { try AnnoKitIO.load(path).dataset }

    /// The box-only fixture.
    static var boxesOnly: String { FixturePaths.path("masks/boxes-only.json") }
    /// The predictions fixture.
    static var predictions: String { FixturePaths.path("masks/predictions.json") }
    /// The fixture's images.
    static var images: String { FixturePaths.path("masks/images") }

    /// A one-image dataset with the given box-only annotations (ids 1...).
    static func dataset(width: Int = 100, height: Int = 80, boxes: [(category: Int, box: [Double])], categories: [Category]? = nil) -> Dataset {
        let annotations = boxes.enumerated().map { i, b in
            Annotation(id: .int(i + 1), imageID: .int(1), categoryID: .int(b.category),
                       bbox: Box(x: b.box[0], y: b.box[1], width: b.box[2], height: b.box[3]))
        }
        let cats = categories ?? Set(boxes.map(\.category)).sorted().map { Category(id: .int($0), name: "c\($0)") }
        return Dataset(images: [Image(id: .int(1), fileName: "a.png", width: width, height: height)], categories: cats, annotations: annotations)
    }

    /// A prediction on image 1 with a polygon mask.
    static func prediction(category: Int, polygon: [Double], score: Double, image: Int = 1) -> Annotation {
        Annotation(id: .int(0), idWasAssigned: true, imageID: .int(image), categoryID: .int(category),
                   segmentation: .polygons(PolygonSet([polygon])), score: JSONNumber(score))
    }

    /// The rectangle polygon of a box.
    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> [Double] { [x, y, x + w, y, x + w, y + h, x, y + h] }

    /// The decoded mask of an annotation.
    static func mask(_ a: Annotation, _ dataset: Dataset) throws -> RLE? {
        guard let image = dataset.images.first(where: { $0.id == a.imageID }), let w = image.width, let h = image.height else { return nil }
        return try a.segmentation.rle(height: h, width: w)
    }

    /// Text of a file.
    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}
