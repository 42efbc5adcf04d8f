import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// Linting a COCO file while it streams (mask facts taken per annotation, values dropped, read input handed back,
/// duplicate masks read again from the file) gives exactly the report of linting the file read whole.
@Suite struct LintStreamTests {
    /// The report of the dataset read whole, the reference.
    static func whole(_ path: String, _ linter: Linter = try! Linter()) throws -> LintReport {
        let loaded = try AnnoKitIO.load(path)
        return linter.run(
            on: loaded.dataset, path: path, format: loaded.format.identifier, extraChecks: loaded.format.checks,
            readerDiagnostics: loaded.diagnostics)
    }

    static func write(_ text: String, _ name: String) throws -> String {
        let path = FixturePaths.temporaryDirectory("lint-stream") + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let cocoFixtures: [String] = ["datumaro", "cocoapi", "sahi"].flatMap { folder in
        FixturePaths.names(in: "coco/real/\(folder)", withExtension: "json").map { FixturePaths.path("coco/real/\(folder)/\($0)") }
    } + [FixturePaths.path("lint/planted.json")]

    @Test(arguments: cocoFixtures)
    func fixtureReportsMatch(_ path: String) throws {
        let streamed = try AnnoKitIO.lint(path, with: Linter())
        #expect(streamed == (try Self.whole(path)))
    }

    @Test func invalidCorpusReportsMatch() throws {
        var compared = 0
        for name in FixturePaths.names(in: "coco/invalid", withExtension: "json") {
            let path = FixturePaths.path("coco/invalid/\(name)")
            guard let reference = try? Self.whole(path) else {
                // A file that cannot be read whole must fail the same way when streamed.
                #expect(throws: (any Error).self, "\(name)") { try AnnoKitIO.lint(path, with: Linter()) }
                continue
            }
            #expect(try AnnoKitIO.lint(path, with: Linter()) == reference, "\(name)")
            compared += 1
        }
        #expect(compared >= 10)
    }

    /// A COCO file with `n` annotations over 40 images, pretty-printed one annotation per line, with planted
    /// duplicates (polygon and uncompressed RLE), zero-area polygons and annotations without ids throughout.
    static func generated(annotations n: Int, imagesFirst: Bool = true, secondImages: Bool = false, trap: Bool = false) -> String {
        var images: [String] = []
        for i in 1...40 { images.append(#"{"id": \#(i), "file_name": "\#(i).jpg", "width": 300, "height": \#(200 + i)}"#) }
        let imagesText = "\"images\": [\n" + images.joined(separator: ",\n") + "\n]"
        var items: [String] = []
        var previous = ""
        for i in 0..<n {
            let image = i % 40 + 1
            let x = Double(i % 97) + 0.5, y = Double(i % 89) + 0.25
            var ring: [String] = []
            for k in 0..<24 {
                let t = Double(k) * 2.5
                ring.append(k < 12 ? "\(x + t), \(y)" : "\(x + 55 - (t - 30)), \(y + 40.5)")
            }
            let description = trap ? #"x}, {\"y\": 1}, {z"# : "object \(i)"
            var item = #"{"id": \#(i + 1), "image_id": \#(image), "category_id": \#(i % 3 + 1), "segmentation": [[\#(ring.joined(separator: ", "))]], "area": 2000, "bbox": [\#(x), \#(y), 55, 40.5], "iscrowd": 0, "description": "\#(description)"}"#
            switch i % 211 {
            case 17: item = previous.replacingOccurrences(of: #"{"id": \#(i), "#, with: #"{"id": \#(i + 1), "#)  // AK110
            case 41: item = #"{"id": \#(i + 1), "image_id": \#(image), "category_id": 1, "segmentation": [[1, 1, 5, 5, 9, 9]], "bbox": [1, 1, 8, 8]}"#  // AK108
            case 77, 78:
                // 205 × 300 = 61500 pixels: a 500-pixel run in the middle.
                item = #"{"id": \#(i + 1), "image_id": 5, "category_id": 2, "segmentation": {"size": [205, 300], "counts": [30000, 500, 31000]}, "bbox": [146, 0, 3, 205], "iscrowd": 0}"#  // AK110 on RLE
            case 150: item = #"{"image_id": \#(image), "category_id": 1, "bbox": [3, 4, 5, 6]}"#  // no id: assigned, numbered
            default: break
            }
            previous = item
            items.append(item)
        }
        let annotationsText = "\"annotations\": [\n" + items.joined(separator: ",\n") + "\n]"
        let categories = #""categories": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}, {"id": 3, "name": "c"}]"#
        var sections = imagesFirst ? [imagesText, categories, annotationsText] : [categories, annotationsText, imagesText]
        if secondImages { sections.append(imagesText.replacingOccurrences(of: "\"height\": 2", with: "\"height\": 3")) }
        return "{\n" + sections.joined(separator: ",\n") + "\n}\n"
    }

    @Test func twoCoreStreamMatchesWholeRead() throws {
        let text = Self.generated(annotations: 4000)
        #expect(text.utf8.count > 1 << 20, "large enough to be read on two cores")
        let path = try Self.write(text, "split.json")
        let streamed = try AnnoKitIO.lint(path, with: Linter())
        let reference = try Self.whole(path)
        #expect(streamed == reference)
        // The planted findings are there, in both halves, so the comparison is not vacuous.
        let duplicates = reference.diagnostics.filter { $0.code == "AK110" }
        #expect(duplicates.count >= 36, "one per planted pair, polygon and RLE")
        #expect(duplicates.contains { ($0.location?.line ?? 0) > 3000 }, "duplicates found in the second half")
        #expect(reference.diagnostics.contains { $0.code == "AK108" && ($0.location?.line ?? 0) > 3000 })
        #expect(reference.diagnostics.contains { $0.message.contains("assigned id #3949") })
    }

    @Test func annotationsBeforeImagesMatch() throws {
        let path = try Self.write(Self.generated(annotations: 600, imagesFirst: false), "late-images.json")
        #expect(try AnnoKitIO.lint(path, with: Linter()) == (try Self.whole(path)))
    }

    @Test func replacedImageListFallsBackToWholeRead() throws {
        // Two "images" keys: facts taken against the first list would be wrong for the second (other heights).
        let path = try Self.write(Self.generated(annotations: 600, secondImages: true), "two-images.json")
        let reference = try Self.whole(path)
        #expect(reference.diagnostics.contains { $0.code == "AK002" || $0.name == "duplicate-key" })
        #expect(try AnnoKitIO.lint(path, with: Linter()) == reference)
    }

    @Test func unconfirmedSplitIsReadAgain() throws {
        // Every description holds `}, {`: the first split candidate lies inside a string, the split is not
        // confirmed, and the discarding read must start over instead of reading bytes the second half gave back.
        let path = try Self.write(Self.generated(annotations: 3000, trap: true), "trap.json")
        #expect(try AnnoKitIO.lint(path, with: Linter()) == (try Self.whole(path)))
    }

    @Test func largeFileDiscardsReadInputAndStillMatches() throws {
        // Over 5 MiB of annotations, so both halves hand back read input (2 MiB steps past a 64 KiB margin).
        let text = Self.generated(annotations: 12_000)
        #expect(text.utf8.count > 5 << 20)
        let path = try Self.write(text, "large.json")
        #expect(try AnnoKitIO.lint(path, with: Linter()) == (try Self.whole(path)))
    }

    /// The benchmark workload (`ANNOKIT_BENCH_FILE`, run in release mode, where thread races show): the streamed
    /// report, read on two cores with input discarded, equals the whole-read report.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] != nil))
    func benchmarkWorkloadReportsMatch() throws {
        let path = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] ?? ""
        let streamed = try AnnoKitIO.lint(path, with: Linter())
        let reference = try Self.whole(path)
        #expect(streamed == reference)
        #expect((reference.coverage?.objects ?? 0) > 1000, "a real workload")
    }
}
