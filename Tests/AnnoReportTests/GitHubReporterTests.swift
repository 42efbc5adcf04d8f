import AnnoCore
@testable import AnnoReport
import Testing

/// Workflow-command escaping and the ten-per-type annotation cap.
@Suite struct GitHubReporterTests {
    @Test func capsAtTenPerTypeWithSummaryNotice() {
        let output = GitHubReporter.render(SampleReport.errors(25))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.count == 11)
        let last = lines.last ?? ""
        #expect(last.hasPrefix("::notice title=annokit::"))
        #expect(last.contains("15 errors"))
        #expect(last.contains("all 25 findings"))
        #expect(last.contains("--format sarif"))
        #expect(lines.first == "::error file=data/coco/instances_val.json,line=1,col=1,title=AK102 empty-mask::mask 1 is empty")
    }

    @Test func exactlyTenNeedsNoSummary() {
        let lines = GitHubReporter.render(SampleReport.errors(10)).split(separator: "\n")
        #expect(lines.count == 10)
        #expect(!lines.contains { $0.hasPrefix("::notice") })
    }

    @Test func noticesLeaveRoomForTheSummaryNotice() {
        let d = CheckDescriptor(code: "AK301", name: "n", defaultSeverity: .info, summary: "s", explanation: "e")
        var report = SampleReport.errors(11)
        report.diagnostics += (1...12).map { Diagnostic(d, "info \($0)") }
        let lines = GitHubReporter.render(report).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 10)   // 9 findings + the summary
        #expect(lines.last?.contains("1 error, 3 info") == true)
    }

    @Test func escapesMessagesAndProperties() {
        #expect(GitHubReporter.escapeData("100% a\r\nb :: c, d") == "100%25 a%0D%0Ab :: c, d")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        #expect(GitHubReporter.escapeData("x\u{1B}[31m") == "x\u{FFFD}[31m")
    }

    @Test func infoBecomesNoticeAndUnknownPartsAreOmitted() {
        let d = Diagnostic(code: "AK301", name: "n", severity: .info, message: "m")
        #expect(GitHubReporter.command(for: d) == "::notice title=AK301 n::m")
        let lineOnly = Diagnostic(code: "AK1", name: "x", severity: .warning, message: "m",
                                  location: SourceLocation(file: "f,1.json", line: 0, column: 4))
        #expect(GitHubReporter.command(for: lineOnly) == "::warning file=f%2C1.json,title=AK1 x::m")
    }
}
