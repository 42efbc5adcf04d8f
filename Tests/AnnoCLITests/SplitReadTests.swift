import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// Reading a large `annotations` array on two cores gives exactly what a sequential read gives.
@Suite struct SplitReadTests {
    /// A COCO file over the split threshold, with malformed annotations and duplicate keys in both halves.
    /// With `trap`, every description holds the `}, {` pattern, so split candidates fall inside strings.
    static func file(annotations n: Int, trap: Bool, planted: Bool = true) -> [UInt8] {
        var s = #"{"images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480}], "categories": [{"id": 1, "name": "thing"}], "annotations": ["#
        for i in 0..<n {
            if i > 0 { s += ", " }
            let description = trap ? #"x}, {\"y\": 1}, {z"# : "object \(i)"
            switch planted ? i % 997 : -1 {
            case 13: s += #"{"id": \#(i + 1), "image_id": 1, "segmentation": [[1, 2, 3]], "bbox": [1, 2, 3, 4]}"#
            case 500: s += #"{"id": \#(i + 1), "image_id": 1, "id": \#(i + 1), "bbox": [1, 2, 3, 4], "description": "\#(description)"}"#
            case 700: s += #"{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}"#
            default:
                // Every annotation has its own polygon, so values mixed up between the halves cannot go unnoticed.
                let x = Double(i % 500) + 0.5, y = Double(i / 500) + 0.25
                // 60 points on a box outline: long enough that both halves spend their time in number parsing.
                var ring: [String] = []
                for k in 0..<60 {
                    let t = Double(k) / 3
                    ring.append(k < 30 ? "\(x + t), \(y)" : "\(x + 20 - (t - 10)), \(y + 20.5)")
                }
                s += #"{"id": \#(i + 1), "image_id": 1, "category_id": 1, "segmentation": [[\#(ring.joined(separator: ", "))]], "area": 410, "bbox": [\#(x), \#(y), 20, 20.5], "iscrowd": 0, "description": "\#(description)"}"#
            }
        }
        s += "]}"
        return Array(s.utf8)
    }

    final class Counter { var commits = 0; var second = 0; var first = 0 }

    static func split(_ bytes: [UInt8]) throws -> (Dataset, [Diagnostic], Counter, [Annotation]) {
        let counter = Counter()
        var firstHalf: [Annotation] = []
        var secondHalf: [Annotation] = []
        var d = Diagnostics()
        var options = ReadOptions()
        options.keepsPolygonValues = false
        let dataset = try COCO.Reader.streamOnTwoCores(
            bytes: bytes, file: "big.json", options: options, diagnostics: &d,
            annotationSink: { firstHalf.append($0) },
            makeSecondSink: {
                var mine: [Annotation] = []
                return (sink: { mine.append($0) }, commit: { renumbering in
                    counter.commits += 1
                    secondHalf = mine.map { a in
                        var a = a
                        renumbering.apply(to: &a)
                        return a
                    }
                })
            })
        counter.first = firstHalf.count
        counter.second = secondHalf.count
        return (dataset, d.items, counter, firstHalf + secondHalf + dataset.annotations)
    }

    static func sequential(_ bytes: [UInt8]) throws -> (Dataset, [Diagnostic]) {
        var d = Diagnostics()
        var options = ReadOptions()
        options.keepsPolygonValues = false
        let dataset = try COCO.Reader.read(bytes: bytes, file: "big.json", options: options, diagnostics: &d)
        return (dataset, d.items)
    }

    @Test func splitReadEqualsSequentialRead() throws {
        let bytes = Self.file(annotations: 9000, trap: false)
        #expect(bytes.count > 1 << 20)
        let (splitDataset, splitDiagnostics, counter, annotations) = try Self.split(bytes)
        let (whole, diagnostics) = try Self.sequential(bytes)
        #expect(counter.commits == 1, "the split was confirmed and committed")
        #expect(counter.first > 3000 && counter.second > 3000)
        #expect(annotations == whole.annotations, "same annotations, same order")
        #expect(splitDataset.images == whole.images)
        #expect(splitDiagnostics == diagnostics, "same codes, messages, pointers, subjects and lines")
        #expect(diagnostics.contains { $0.code == "AK006" && ($0.location?.pointer ?? "").hasPrefix("/annotations/7") })
        #expect(diagnostics.filter { $0.code == "AK002" }.count == 9)
    }

    @Test func candidatesInsideStringsFallBackToSequential() throws {
        let bytes = Self.file(annotations: 9000, trap: true)
        let (_, splitDiagnostics, counter, annotations) = try Self.split(bytes)
        let (whole, diagnostics) = try Self.sequential(bytes)
        #expect(annotations == whole.annotations)
        #expect(splitDiagnostics == diagnostics)
        #expect(counter.commits == 0, "the first candidate after the midpoint is inside a description, so the split is refused")
        #expect(counter.second == 0)
    }

    @Test func infoOnALargeFileMatchesTheWholeDatasetSummary() throws {
        let dir = FixturePaths.temporaryDirectory("split-info")
        let path = dir + "/big.json"
        try FileIO.writeAtomically(Self.file(annotations: 9000, trap: false), to: path)
        let streamed = try AnnoKitIO.summarize(path)
        let loaded = try AnnoKitIO.load(path)
        #expect(streamed.summary == DatasetSummary(loaded.dataset))
        #expect(streamed.diagnostics.map(\.code) == loaded.diagnostics.map(\.code))
        #expect(streamed.diagnostics.map(\.location?.pointer) == loaded.diagnostics.map(\.location?.pointer))
    }
}

/// Whole-dataset reads (lint, convert, load) split too; they must equal a sequential read exactly, origins included.
@Suite struct SplitWholeReadTests {
    @Test(arguments: [false, true])
    func wholeReadEqualsSequentialStream(trap: Bool) throws {
        let bytes = SplitReadTests.file(annotations: 9000, trap: trap)
        var d1 = Diagnostics()
        let whole = try COCO.Reader.read(bytes: bytes, file: "big.json", diagnostics: &d1)
        var streamed: [Annotation] = []
        var d2 = Diagnostics()
        let rest = try COCO.Reader.stream(bytes: bytes, file: "big.json", diagnostics: &d2) { streamed.append($0) }
        streamed += rest.annotations
        #expect(whole.annotations == streamed)
        #expect(whole.annotations.map(\.origin.location) == streamed.map(\.origin.location), "pointers, lines and columns")
        #expect(d1.items == d2.items)
        #expect(whole.annotations.count == 9000 - 10, "ten annotations (i % 997 == 13) have a bad polygon")
    }
}

/// On the real 5k workload (set ANNOKIT_BENCH_FILE, run in release): the split read equals a sequential stream.
@Suite struct SplitRealWorkloadTests {
    static let path = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"]

    @Test(.enabled(if: path != nil)) func splitReadOfTheWorkloadEqualsSequential() throws {
        let bytes = try FileIO.read(Self.path ?? "")
        var d1 = Diagnostics()
        let whole = try COCO.Reader.read(bytes: bytes, file: "w.json", diagnostics: &d1)
        var streamed: [Annotation] = []
        var d2 = Diagnostics()
        _ = try COCO.Reader.stream(bytes: bytes, file: "w.json", diagnostics: &d2) { streamed.append($0) }
        #expect(whole.annotations == streamed)
        #expect(d1.items == d2.items)
    }
}

/// Strict reads of a large file throw the same located error whether it sits in the first or the second half.
@Suite struct SplitStrictTests {
    @Test(arguments: [300, 8000])
    func strictErrorIsTheSequentialOne(badIndex: Int) throws {
        var text = String(decoding: SplitReadTests.file(annotations: 9000, trap: false, planted: false), as: UTF8.self)
        // Replace annotation `badIndex`'s id with a fraction (AK007) at a known place.
        let marker = #"{"id": \#(badIndex + 1), "#
        let range = try #require(text.range(of: marker))
        text.replaceSubrange(range, with: #"{"id": 1.5, "#)
        var strict = ReadOptions()
        strict.strict = true
        var splitError: DatasetError?
        var d1 = Diagnostics()
        do { _ = try COCO.Reader.read(bytes: Array(text.utf8), file: "big.json", options: strict, diagnostics: &d1) } catch let e as DatasetError { splitError = e }
        var sequentialError: DatasetError?
        var d2 = Diagnostics()
        do {
            _ = try COCO.Reader.stream(bytes: Array(text.utf8), file: "big.json", options: strict, diagnostics: &d2) { _ in }
        } catch let e as DatasetError { sequentialError = e }
        let e = try #require(splitError)
        #expect(e == sequentialError)
        #expect(e.code == "AK007")
        #expect(e.location?.pointer == "/annotations/\(badIndex)/id")
    }
}
