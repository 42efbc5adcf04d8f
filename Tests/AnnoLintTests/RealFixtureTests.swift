import AnnoCOCO
import AnnoCore
import AnnoLint
import AnnoTestSupport
import Testing

/// Lints every real third-party COCO file in Fixtures/coco/real with every rule: no crash, and no error-level
/// finding except the two genuine defects of Datumaro's Segment Anything fixture `b.json` (a `[0, 0, 0, 0]` box,
/// and an RLE of size [5, 10] on an image 5 wide and 10 high). Reviewed by hand; a new error here is a false alarm.
@Suite struct RealFixtureTests {
    static let files: [String] = ["datumaro", "cocoapi", "sahi"].flatMap { folder in
        FixturePaths.names(in: "coco/real/\(folder)", withExtension: "json").map { FixturePaths.path("coco/real/\(folder)/\($0)") }
    }

    static let knownErrors: [String: Set<String>] = [
        "segment_anything_dataset_b.json": ["AK106", "AK107"],
    ]

    @Test(arguments: files)
    func lintsWithoutFalseErrors(_ path: String) throws {
        var diagnostics = Diagnostics()
        let dataset = try COCOFormat.read(at: path, options: ReadOptions(), diagnostics: &diagnostics)
        let report = try Linter().run(on: dataset, path: path, format: "coco", readerDiagnostics: diagnostics.items)
        let errors = Set(report.diagnostics.filter { $0.severity == .error }.map(\.code))
        let name = String(path.split(separator: "/").last ?? "")
        #expect(errors == (Self.knownErrors[name] ?? []), "\(report.diagnostics.filter { $0.severity == .error }.map(\.message))")
    }
}
