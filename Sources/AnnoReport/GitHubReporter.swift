import AnnoCore

/// Renders a report as GitHub Actions workflow commands (`::error …::message`), which GitHub turns into
/// annotations on the run and on pull-request diffs (mapping: Specs/reports/ci-formats.md).
///
/// GitHub shows at most ten annotations of each type per step, so this reporter writes at most
/// ``annotationLimit`` commands per severity, in report order, and then one `::notice` that says how many
/// findings were left out and how to see them. When anything is left out, only `annotationLimit - 1` info
/// findings are written, so that the closing notice is itself among the ten notices GitHub shows.
public enum GitHubReporter: Reporter {
    /// `github`.
    public static let identifier = "github"

    /// One line for help text.
    public static let summary = "GitHub Actions workflow commands (::error/::warning/::notice), at most 10 per type."

    /// The most annotations GitHub shows per type per step.
    public static let annotationLimit = 10

    /// Renders the workflow commands, one per line.
    public static func render(_ report: LintReport) -> String {
        let totals = Severity.allCases.map { report.count($0) }
        let overflow = totals.contains { $0 > annotationLimit }
        var caps = Array(repeating: annotationLimit, count: Severity.allCases.count)
        if overflow { caps[Severity.info.rawValue] = annotationLimit - 1 }
        var written = Array(repeating: 0, count: Severity.allCases.count)

        var out = ""
        for d in report.diagnostics {
            let s = d.severity.rawValue
            guard written[s] < caps[s] else { continue }
            written[s] += 1
            out += command(for: d) + "\n"
        }

        let hidden = Severity.allCases.reversed().compactMap { severity -> String? in
            let n = totals[severity.rawValue] - written[severity.rawValue]
            return n > 0 ? ReportText.counted(n, severity) : nil
        }
        if !hidden.isEmpty {
            let all = ReportText.counted(report.diagnostics.count, "finding", "findings")
            let message = "GitHub shows at most \(annotationLimit) annotations of each type per step; not annotated here: "
                + hidden.joined(separator: ", ")
                + ". To see all \(all), run annokit lint with --format sarif (code scanning) or --format markdown (job summary)."
            out += "::notice title=\(escapeProperty(report.tool.name))::\(escapeData(message))\n"
        }
        return out
    }

    /// The workflow command for one finding, without the line break.
    static func command(for d: Diagnostic) -> String {
        var properties: [String] = []
        if let location = d.location, let file = location.knownFile {
            properties.append("file=" + escapeProperty(file))
            if let line = location.knownLine {
                properties.append("line=\(line)")
                if let column = location.knownColumn { properties.append("col=\(column)") }
            }
        }
        properties.append("title=" + escapeProperty("\(d.code) \(d.name)"))
        var message = d.message
        if let pointer = d.location?.knownPointer { message += " (at \(pointer))" }
        for note in d.notes { message += "\nnote: \(note)" }
        return "::\(commandName(d.severity)) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// `error`, `warning` or `notice`.
    static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// Escapes a command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`; other control characters become U+FFFD.
    static func escapeData(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                ReportText.appendCleaned(scalar, to: &out)
            }
        }
        return out
    }

    /// Escapes a property value: everything ``escapeData(_:)`` does, plus `:` → `%3A` and `,` → `%2C`.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
