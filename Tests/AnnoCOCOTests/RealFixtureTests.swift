import AnnoCOCO
import AnnoCore
import AnnoJSON
import AnnoTestSupport
import Foundation
import Testing

/// Every real third-party COCO file: reads cleanly, survives read → write → read, and writes stable bytes.
@Suite struct RealFixtureTests {
    static let files: [String] = ["datumaro", "cocoapi", "sahi"].flatMap { folder in
        FixturePaths.names(in: "coco/real/\(folder)", withExtension: "json").map { "coco/real/\(folder)/\($0)" }
    }

    static func read(_ bytes: [UInt8], file: String = "mem.json") throws -> (Dataset, [Diagnostic]) {
        var d = Diagnostics()
        let ds = try COCO.Reader.read(bytes: bytes, file: file, diagnostics: &d)
        return (ds, d.items)
    }

    @Test func thereAreRealFixtures() { #expect(Self.files.count >= 35) }

    @Test(arguments: files)
    func readsWithoutDiagnostics(_ file: String) throws {
        let (_, diagnostics) = try Self.read(try FixturePaths.bytes(file), file: file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test(arguments: files)
    func roundTripKeepsTheIR(_ file: String) throws {
        let (first, _) = try Self.read(try FixturePaths.bytes(file))
        for pretty in [false, true] {
            let written = COCO.Writer.encode(first, pretty: pretty)
            let (second, diagnostics) = try Self.read(written)
            #expect(diagnostics.isEmpty)
            #expect(second == first)
            #expect(COCO.Writer.encode(second, pretty: pretty) == written, "write → read → write is byte-identical")
        }
    }

    @Test(arguments: files)
    func roundTripIsValueEqualJSON(_ file: String) throws {
        let original = try FixturePaths.bytes(file)
        let (dataset, _) = try Self.read(original)
        let a = try JSONSerialization.jsonObject(with: Data(original)) as? NSObject
        let b = try JSONSerialization.jsonObject(with: Data(COCO.Writer.encode(dataset))) as? NSObject
        #expect(a == b, "every key and value survives")
    }

    @Test func resultsListsAndSegmentAnythingKeepTheirShape() throws {
        let (results, _) = try Self.read(try FixturePaths.bytes("coco/real/cocoapi/results_instances_val2014_fakesegm100_results.json"))
        #expect(results.shape == .resultsList)
        #expect(results.annotations.count == 734)
        #expect(results.annotations.allSatisfy { $0.idWasAssigned && $0.score != nil })
        let (sam, _) = try Self.read(try FixturePaths.bytes("coco/real/datumaro/segment_anything_dataset_a.json"))
        #expect(sam.shape == .segmentAnything)
        #expect(sam.images.count == 1)
        #expect(sam.annotations.allSatisfy { $0.imageID == sam.images[0].id })
        if case .rle(let r) = sam.annotations[0].segmentation, case .compressed(let s) = r.counts {
            #expect(s == "`04n0")
        } else {
            Issue.record("SA mask should stay compressed RLE")
        }
    }
}
