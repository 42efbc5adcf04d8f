import AnnoCore

/// Renders a report as GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` (mapping: Specs/reports/ci-formats.md).
///
/// A title with the verdict, a status line with counts, baseline and mask coverage, a table by rule, the first
/// ``findingsShown`` findings as a table, and up to ``detailsLimit`` more inside a collapsed `<details>` block.
/// The verdict is "failed" when a finding at or above the report's `failOn` remains after the baseline; the
/// process exit code, not this page, is what gates CI. Text from the data is escaped so it cannot break the
/// tables or inject HTML. Findings keep the report's order.
public enum MarkdownReporter: Reporter {
    /// `markdown`.
    public static let identifier = "markdown"

    /// One line for help text.
    public static let summary = "GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY: verdict, counts, coverage, findings."

    /// How many findings are listed before the collapsed block.
    public static let findingsShown = 20

    /// How many further findings the collapsed block lists at most.
    public static let detailsLimit = 200

    /// The longest message, in characters, written into a table cell before it is cut with `…`.
    public static let cellLimit = 500

    /// Renders the job summary.
    public static func render(_ report: LintReport) -> String {
        let failed = !report.failing.isEmpty
        var out = "## \(failed ? "❌" : "✅") \(cell(report.tool.name)) lint: \(failed ? "failed" : "passed")\n\n"

        let checks = ReportText.counted(report.checks.count, "check", "checks")
        let findings = ReportText.counted(report.diagnostics.count, "finding", "findings")
        out += "**\(findings)** (\(ReportText.severityCounts(report))) from \(checks) on \(cell(report.dataset))"
        out += report.format.isEmpty ? ".\n" : " (\(cell(report.format))).\n"

        if let baseline = report.baseline {
            let matched = ReportText.counted(baseline.matched, "finding", "findings")
            let stale = ReportText.counted(baseline.stale.count, "stale entry", "stale entries")
            out += "\nBaseline: \(matched) matched (not failing); \(stale).\n"
        }
        if let coverage = report.coverage {
            out += "\nMask coverage: \(TextReporter.coverageLine(coverage)).\n"
        }

        let rows = RuleTable(report).rows.filter { $0.total > 0 }
        if !rows.isEmpty {
            out += "\n### Findings by rule\n\n"
            out += "| Code | Name | Severity | Count |\n|---|---|---|---:|\n"
            for row in rows {
                let severities = Severity.allCases.reversed().filter { row.counts[$0.rawValue] > 0 }.map(\.description)
                out += "| \(cell(row.code)) | \(cell(row.name)) | \(severities.joined(separator: ", ")) | \(row.total) |\n"
            }
        }

        let diagnostics = report.diagnostics
        if !diagnostics.isEmpty {
            out += "\n### Findings\n\n"
            out += findingTable(diagnostics.prefix(findingsShown))
            let rest = diagnostics.dropFirst(findingsShown)
            if !rest.isEmpty {
                let listed = rest.prefix(detailsLimit)
                out += "\n<details>\n<summary>\(ReportText.counted(listed.count, "more finding", "more findings"))</summary>\n\n"
                out += findingTable(listed)
                out += "\n</details>\n"
                let unlisted = rest.count - listed.count
                if unlisted > 0 {
                    out += "\n\(ReportText.counted(unlisted, "further finding is", "further findings are")) not listed;"
                    out += " run annokit lint with --format sarif or --format json to see all \(diagnostics.count).\n"
                }
            }
        }
        return out
    }

    private static func findingTable(_ diagnostics: ArraySlice<Diagnostic>) -> String {
        var out = "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
        for d in diagnostics {
            var place = d.location?.compilerStyle ?? ""
            if let pointer = d.location?.knownPointer { place += place.isEmpty ? pointer : " (at \(pointer))" }
            if place.isEmpty { place = d.subject }
            var message = cell(clipped(d.message))
            for note in d.notes { message += "<br>note: " + cell(clipped(note)) }
            out += "| \(d.severity) | \(cell(d.code)) \(cell(d.name)) | \(cell(place)) | \(message) |\n"
        }
        return out
    }

    /// Escapes text for a Markdown table cell or line: `\`, `|` and backticks are backslash-escaped, `&`, `<` and
    /// `>` become entities, line breaks become `<br>`, and other control characters become U+FFFD.
    static func cell(_ text: String) -> String {
        ReportText.cleanLines(text).map { line in
            var out = ""
            for ch in line.unicodeScalars {
                switch ch {
                case "\\": out += "\\\\"
                case "|": out += "\\|"
                case "`": out += "\\`"
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out
        }.joined(separator: "<br>")
    }

    private static func clipped(_ text: String) -> String {
        text.count <= cellLimit ? text : String(text.prefix(cellLimit - 1)) + "…"
    }
}
