import AnnoCore
import AnnoReport
import Testing

/// The job summary's verdict and its caps on listed findings.
@Suite struct MarkdownReporterTests {
    @Test func listsFirstTwentyThenCollapsesTheRestUpToTheCap() {
        let output = MarkdownReporter.render(SampleReport.errors(250))
        #expect(output.hasPrefix("## ❌ annokit lint: failed\n"))
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| error |") }
        #expect(rows.count == 220)
        #expect(output.contains("<details>\n<summary>200 more findings</summary>\n\n| Severity |"))
        #expect(output.contains("\n30 further findings are not listed;"))
        #expect(output.hasSuffix("to see all 250.\n"))
    }

    @Test func passesWithoutErrors() {
        var report = SampleReport.report
        report.diagnostics.removeAll { $0.severity == .error }
        #expect(MarkdownReporter.render(report).hasPrefix("## ✅ annokit lint: passed\n"))
        let clean = MarkdownReporter.render(SampleReport.empty)
        #expect(clean.hasPrefix("## ✅ annokit lint: passed\n"))
        #expect(!clean.contains("### Findings"))
    }
}
