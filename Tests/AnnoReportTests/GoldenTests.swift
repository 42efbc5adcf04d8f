import AnnoCore
import AnnoReport
import Testing

/// Every reporter renders the sample report to exactly the bytes in Fixtures/reports/golden.
@Suite struct GoldenTests {
    static let cases: [(String, String)] = [
        ("text", "sample.txt"),
        ("json", "sample.json"),
        ("sarif", "sample.sarif"),
        ("junit", "sample.junit.xml"),
        ("github", "sample.github.txt"),
        ("markdown", "sample.md"),
    ]

    @Test(arguments: cases)
    func sampleMatchesGolden(_ identifier: String, _ file: String) throws {
        let reporter = try #require(Reporters.named(identifier))
        try Golden.check(reporter.render(SampleReport.report), file)
    }

    @Test(arguments: Reporters.identifiers)
    func renderingIsDeterministic(_ identifier: String) throws {
        let reporter = try #require(Reporters.named(identifier))
        let first = reporter.render(SampleReport.report)
        let second = reporter.render(SampleReport.report)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    @Test(arguments: Reporters.identifiers)
    func everyReporterEndsWithNewlineAndHandlesEmptyReport(_ identifier: String) throws {
        let reporter = try #require(Reporters.named(identifier))
        #expect(reporter.render(SampleReport.report).hasSuffix("\n"))
        let empty = reporter.render(SampleReport.empty)
        #expect(empty.isEmpty || empty.hasSuffix("\n"))
    }

    /// Reporters keep the report's order: reversing the diagnostics reverses the findings in the output.
    @Test func reportersPreserveOrder() {
        var reversed = SampleReport.report
        reversed.diagnostics.reverse()
        let text = TextReporter.render(reversed)
        let first = text.firstRange(of: "[AK060 legacy-field]")
        let last = text.firstRange(of: "[AK001 parse-error]")
        #expect(first != nil && last != nil)
        if let first, let last { #expect(first.lowerBound < last.lowerBound) }
    }
}
