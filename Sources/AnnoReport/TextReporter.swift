import AnnoCore

/// Renders a report as compiler-style lines for terminals and problem matchers, then a summary.
///
/// Each finding is one line, `file:line:col: severity: message [CODE name]`, with ` (at POINTER)` appended when
/// the location has a JSON Pointer or XPath; unknown parts are left out (`warning: message [CODE name]`).
/// Further message lines and notes follow, indented by four spaces. Control characters are replaced with
/// U+FFFD and no colour codes are written. Findings keep the report's order.
public enum TextReporter: Reporter {
    /// `text`.
    public static let identifier = "text"

    /// One line for help text.
    public static let summary = "Compiler-style lines (file:line:col: severity: message [code name]) and a summary."

    /// The most stale baseline entries listed by name before the rest are only counted.
    public static let staleListLimit = 20

    /// Renders the findings and the summary.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += line(for: diagnostic)
        }
        if !report.diagnostics.isEmpty { out += "\n" }
        out += summaryBlock(report)
        return out
    }

    /// The line (and indented continuation lines and notes) for one finding.
    static func line(for diagnostic: Diagnostic) -> String {
        var head = ""
        if let place = diagnostic.location?.compilerStyle { head += place + ": " }
        head += "\(diagnostic.severity): "
        let messageLines = ReportText.cleanLines(diagnostic.message)
        head += messageLines.first ?? ""
        head += " [\(ReportText.cleanLine(diagnostic.code)) \(ReportText.cleanLine(diagnostic.name))]"
        if let pointer = diagnostic.location?.knownPointer { head += " (at \(ReportText.cleanLine(pointer)))" }
        var out = head + "\n"
        for more in messageLines.dropFirst() { out += "    \(more)\n" }
        for note in diagnostic.notes {
            let noteLines = ReportText.cleanLines(note)
            out += "    note: \(noteLines.first ?? "")\n"
            for more in noteLines.dropFirst() { out += "          \(more)\n" }
        }
        return out
    }

    private static func summaryBlock(_ report: LintReport) -> String {
        var out = ""
        let checks = ReportText.counted(report.checks.count, "check", "checks")
        if report.diagnostics.isEmpty {
            out += "No findings (\(checks) ran).\n"
        } else {
            let findings = ReportText.counted(report.diagnostics.count, "finding", "findings")
            out += "\(findings): \(ReportText.severityCounts(report)) (\(checks) ran).\n"
            let rows = RuleTable(report).rows.filter { $0.total > 0 }
            let codes = rows.map { ReportText.cleanLine($0.code) }
            let names = rows.map { ReportText.cleanLine($0.name) }
            let counts = rows.map { String($0.total) }
            let codeWidth = max(4, codes.map(\.count).max() ?? 0)
            let nameWidth = max(4, names.map(\.count).max() ?? 0)
            let countWidth = max(5, counts.map(\.count).max() ?? 0)
            out += "  " + pad("code", codeWidth) + "  " + pad("name", nameWidth) + "  " + padLeft("count", countWidth) + "\n"
            for i in rows.indices {
                out += "  " + pad(codes[i], codeWidth) + "  " + pad(names[i], nameWidth) + "  " + padLeft(counts[i], countWidth) + "\n"
            }
        }
        if let baseline = report.baseline {
            let matched = ReportText.counted(baseline.matched, "finding", "findings")
            let stale = ReportText.counted(baseline.stale.count, "stale entry", "stale entries")
            out += "Baseline: \(matched) matched (not failing); \(stale).\n"
            for entry in baseline.stale.prefix(staleListLimit) { out += "  stale: \(ReportText.cleanLine(entry))\n" }
            if baseline.stale.count > staleListLimit {
                out += "  ... and \(baseline.stale.count - staleListLimit) more stale entries\n"
            }
        }
        if let coverage = report.coverage {
            out += "Coverage: " + coverageLine(coverage) + ".\n"
        }
        return out
    }

    /// `12 objects; 75.0% with any mask, 41.7% human mask, 16.7% approved machine mask`.
    static func coverageLine(_ coverage: Coverage) -> String {
        let objects = ReportText.counted(coverage.objects, "object", "objects")
        guard coverage.objects > 0 else { return objects }
        let any = ReportText.percent(coverage.withMask, of: coverage.objects)
        let human = ReportText.percent(coverage.withHumanMask, of: coverage.objects)
        let approved = ReportText.percent(coverage.withApprovedMachineMask, of: coverage.objects)
        return "\(objects); \(any) with any mask, \(human) human mask, \(approved) approved machine mask"
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
