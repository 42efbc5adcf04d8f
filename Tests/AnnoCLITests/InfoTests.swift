import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Testing

/// `annokit info`: the streamed summary equals the one computed from the whole dataset, and the output says it.
@Suite struct InfoTests {
    static let files: [String] = ["datumaro", "cocoapi", "sahi"].flatMap { folder in
        FixturePaths.names(in: "coco/real/\(folder)", withExtension: "json").map { FixturePaths.path("coco/real/\(folder)/\($0)") }
    }

    @Test(arguments: files)
    func streamedSummaryEqualsWholeDatasetSummary(_ path: String) throws {
        let streamed = try AnnoKitIO.summarize(path).summary
        let whole = DatasetSummary(try AnnoKitIO.load(path).dataset)
        #expect(streamed == whole)
    }

    @Test func textReportsCountsAndCoverage() throws {
        let console = Console.capture()
        let path = FixturePaths.path("coco/real/cocoapi/results_instances_val2014_fakesegm100_results.json")
        #expect(CLI.run(arguments: ["info", path], console: console) == 0)
        #expect(console.outText.contains("annotations                 734"))
        #expect(console.outText.contains("compressed-rle            734"))
        #expect(console.outText.contains("any mask                  734/734 objects  100%"))
        #expect(console.errText.isEmpty)
    }

    @Test func jsonOutputIsVersionedAndParses() throws {
        let console = Console.capture()
        let path = FixturePaths.path("coco/real/sahi/terrain2_coco.json")
        #expect(CLI.run(arguments: ["info", path, "--format", "json"], console: console) == 0)
        let value = try JSONReader.parse(bytes: console.capturedOut)
        #expect(value["version"] == .number(JSONNumber(1)))
        #expect(value["annotations"] == .number(JSONNumber(5)))
    }

    @Test func missingFileExits66AndBadFlagExits2() {
        let console = Console.capture()
        #expect(CLI.run(arguments: ["info", "/nonexistent/x.json"], console: console) == 66)
        #expect(console.errText.contains("does not exist"))
        #expect(CLI.run(arguments: ["info", "x.json", "--bogus"], console: console) == 2)
        #expect(CLI.run(arguments: ["info", "x.json", "--format", "xml"], console: console) == 2)
        #expect(CLI.run(arguments: ["nope"], console: console) == 2)
        #expect(CLI.run(arguments: ["inf"], console: console) == 2)
        #expect(console.errText.contains("Did you mean 'info'?"))
    }
}
