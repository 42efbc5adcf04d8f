import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Testing

/// The malformed COCO corpus in Fixtures/coco/invalid/ (written by make_corpus.py there): each file's exact
/// code, location and exit codes, through the library and through the command line.
@Suite struct COCOInvalidCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var code: String
        var line: Int
        var column: Int
        var pointer: String
        var strictExit: Int32
        var tolerantExit: Int32
        init(_ name: String, _ code: String, line: Int, column: Int, pointer: String, strictExit: Int32, tolerantExit: Int32) {
            self.name = name
            self.code = code
            self.line = line
            self.column = column
            self.pointer = pointer
            self.strictExit = strictExit
            self.tolerantExit = tolerantExit
        }
        var testDescription: String { name }
        var path: String { FixturePaths.path("coco/invalid/\(name).json") }
    }

    static let cases: [Case] = [
        Case("annotation-missing-image-id", "AK004", line: 9, column: 3, pointer: "/annotations/0", strictExit: 65, tolerantExit: 0),
        Case("annotation-not-object", "AK003", line: 9, column: 3, pointer: "/annotations/0", strictExit: 65, tolerantExit: 0),
        Case("bbox-string", "AK003", line: 9, column: 54, pointer: "/annotations/0/bbox", strictExit: 65, tolerantExit: 0),
        Case("bbox-three-numbers", "AK003", line: 9, column: 54, pointer: "/annotations/0/bbox", strictExit: 65, tolerantExit: 0),
        Case("bbox-with-null", "AK003", line: 9, column: 54, pointer: "/annotations/0/bbox", strictExit: 65, tolerantExit: 0),
        Case("category-missing-name", "AK004", line: 3, column: 3, pointer: "/categories/0", strictExit: 65, tolerantExit: 0),
        Case("control-in-string", "AK001", line: 2, column: 30, pointer: "/info/description", strictExit: 65, tolerantExit: 65),
        Case("deep-nesting", "AK001", line: 2, column: 521, pointer: "/info/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/", strictExit: 3, tolerantExit: 3),
        Case("duplicate-key", "AK002", line: 3, column: 35, pointer: "/images/0", strictExit: 0, tolerantExit: 0),
        Case("duplicate-top-level-key", "AK002", line: 4, column: 2, pointer: "", strictExit: 0, tolerantExit: 0),
        Case("empty-file", "AK001", line: 1, column: 1, pointer: "", strictExit: 65, tolerantExit: 65),
        Case("image-id-fraction", "AK007", line: 3, column: 10, pointer: "/images/0/id", strictExit: 65, tolerantExit: 0),
        Case("image-id-huge", "AK007", line: 3, column: 10, pointer: "/images/0/id", strictExit: 65, tolerantExit: 0),
        Case("image-id-null", "AK007", line: 3, column: 10, pointer: "/images/0/id", strictExit: 65, tolerantExit: 0),
        Case("image-width-huge", "AK008", line: 3, column: 44, pointer: "/images/0/width", strictExit: 65, tolerantExit: 0),
        Case("image-width-string", "AK003", line: 3, column: 44, pointer: "/images/0/width", strictExit: 65, tolerantExit: 0),
        Case("images-not-array", "AK003", line: 2, column: 12, pointer: "/images", strictExit: 65, tolerantExit: 0),
        Case("invalid-utf8", "AK001", line: 2, column: 30, pointer: "/info/description", strictExit: 65, tolerantExit: 65),
        Case("iscrowd-two", "AK008", line: 9, column: 57, pointer: "/annotations/0/iscrowd", strictExit: 65, tolerantExit: 0),
        Case("leading-zero", "AK001", line: 2, column: 20, pointer: "/images/0/id", strictExit: 65, tolerantExit: 65),
        Case("lone-surrogate", "AK001", line: 2, column: 27, pointer: "/info/description", strictExit: 65, tolerantExit: 65),
        Case("nan-literal", "AK001", line: 9, column: 54, pointer: "/annotations/0/area", strictExit: 65, tolerantExit: 65),
        Case("not-an-object", "AK010", line: 1, column: 1, pointer: "", strictExit: 65, tolerantExit: 65),
        Case("overlong-utf8", "AK001", line: 2, column: 27, pointer: "/info/description", strictExit: 65, tolerantExit: 65),
        Case("polygon-bare-list", "AK006", line: 9, column: 62, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("polygon-odd-count", "AK006", line: 9, column: 62, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("polygon-string-value", "AK006", line: 9, column: 62, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("polygon-two-points", "AK006", line: 9, column: 62, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-counts-float", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-illegal-character", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-missing-size", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-negative-count", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-size-overflow", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-sum-mismatch", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("rle-truncated-string", "AK005", line: 9, column: 76, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("sam-image-not-object", "AK003", line: 2, column: 11, pointer: "/image", strictExit: 65, tolerantExit: 0),
        Case("sam-image-without-id", "AK004", line: 2, column: 11, pointer: "/image", strictExit: 65, tolerantExit: 0),
        Case("segmentation-string", "AK003", line: 9, column: 62, pointer: "/annotations/0/segmentation", strictExit: 65, tolerantExit: 0),
        Case("single-quotes", "AK001", line: 2, column: 2, pointer: "", strictExit: 65, tolerantExit: 65),
        Case("trailing-comma-array", "AK001", line: 3, column: 12, pointer: "/images/0", strictExit: 65, tolerantExit: 65),
        Case("trailing-comma-object", "AK001", line: 2, column: 23, pointer: "/info/year", strictExit: 65, tolerantExit: 65),
        Case("trailing-garbage", "AK001", line: 2, column: 1, pointer: "", strictExit: 65, tolerantExit: 65),
        Case("truncated-number", "AK001", line: 2, column: 38, pointer: "/info/version", strictExit: 65, tolerantExit: 65),
        Case("truncated-object", "AK001", line: 3, column: 33, pointer: "/images/0/file_name", strictExit: 65, tolerantExit: 65),
        Case("truncated-string", "AK001", line: 3, column: 30, pointer: "/images/0/file_name", strictExit: 65, tolerantExit: 65),
    ]

    /// FuzzCOCO findings: a Segment Anything `image` of the wrong type is kept as written (it was reported as
    /// invalid JSON), one without an id is skipped without leaving a half shape behind, and a repeated unknown
    /// top-level key keeps one value (both were kept and written twice), so COCO → COCO reads back the same dataset.
    @Test(arguments: ["sam-image-not-object", "sam-image-without-id", "duplicate-top-level-key"])
    func malformedSegmentAnythingImagesRoundTrip(_ name: String) throws {
        var d = Diagnostics()
        let dataset = try COCO.Reader.read(bytes: FixturePaths.bytes("coco/invalid/\(name).json"), file: name, diagnostics: &d)
        var again = Diagnostics()
        let back = try COCO.Reader.read(bytes: COCO.Writer.encode(dataset), file: name, diagnostics: &again)
        #expect(back == dataset)
    }

    @Test func corpusIsLargeAndCovered() {
        let files = FixturePaths.names(in: "coco/invalid", withExtension: "json").map { String($0.dropLast(5)) }
        #expect(files.count >= 30)
        #expect(Set(files) == Set(Self.cases.map(\.name)), "every corpus file has exactly one expectation")
    }

    @Test(arguments: cases)
    func libraryReportsCodeAndLocation(_ c: Case) throws {
        var strict = ReadOptions()
        strict.strict = true
        do {
            let loaded = try AnnoKitIO.load(c.path, options: strict)
            // Warnings survive --strict: the first diagnostic must be the expected one.
            let d = try #require(loaded.diagnostics.first)
            #expect(d.code == c.code)
            #expect(d.severity == .warning)
            #expect(d.location?.line == c.line && d.location?.column == c.column)
            #expect((d.location?.pointer ?? "").hasPrefix(c.pointer))
        } catch let e as DatasetError {
            #expect(e.code == c.code)
            #expect(e.location?.line == c.line)
            #expect(e.location?.column == c.column)
            #expect((e.location?.pointer ?? "").hasPrefix(c.pointer))
            #expect(e.location?.file == c.path)
        }
    }

    @Test(arguments: cases)
    func commandLineExitCodes(_ c: Case) {
        let strict = Console.capture()
        #expect(CLI.run(arguments: ["info", c.path, "--strict"], console: strict) == c.strictExit)
        #expect(strict.errText.contains("[\(c.code)"))
        #expect(strict.errText.contains("\(c.name).json:\(c.line):\(c.column)"))
        let tolerant = Console.capture()
        #expect(CLI.run(arguments: ["info", c.path], console: tolerant) == c.tolerantExit)
        #expect(tolerant.errText.contains("[\(c.code)"))
        if c.tolerantExit == 0 {
            #expect(tolerant.outText.contains("images"), "a tolerant read still summarises the dataset")
        }
    }
}
