import AnnoCore
import AnnoJSON

/// Renders a report as versioned JSON for scripts and other tools (schema: Specs/reports/json.md).
///
/// Members are written in the fixed order the spec documents, pretty-printed with two-space indentation and a
/// final newline, so the same report always gives the same bytes. Diagnostics keep the report's order.
public enum JSONReporter: Reporter {
    /// `json`.
    public static let identifier = "json"

    /// One line for help text.
    public static let summary = "Versioned JSON (schema in Specs/reports/json.md) for scripts and tools."

    /// Renders the report as JSON text.
    public static func render(_ report: LintReport) -> String {
        JSONText.pretty(document(report))
    }

    /// The report as a JSON value, members in schema order.
    static func document(_ report: LintReport) -> JSONValue {
        .object([
            JSONMember("version", .int(LintReport.schemaVersion)),
            JSONMember("tool", .object([
                JSONMember("name", .string(report.tool.name)),
                JSONMember("version", .string(report.tool.version)),
                JSONMember("informationUri", .string(report.tool.informationURI)),
            ])),
            JSONMember("dataset", .string(report.dataset)),
            JSONMember("format", .string(report.format)),
            JSONMember("summary", .object([
                JSONMember("total", .int(report.diagnostics.count)),
                JSONMember("error", .int(report.count(.error))),
                JSONMember("warning", .int(report.count(.warning))),
                JSONMember("info", .int(report.count(.info))),
                JSONMember("checksRun", .int(report.checks.count)),
            ])),
            JSONMember("coverage", report.coverage.map(coverage) ?? .null),
            JSONMember("checks", .array(report.checks.map(check))),
            JSONMember("diagnostics", .array(report.diagnostics.map(diagnostic))),
            JSONMember("baseline", report.baseline.map(baseline) ?? .null),
        ])
    }

    private static func coverage(_ c: Coverage) -> JSONValue {
        .object([
            JSONMember("objects", .int(c.objects)),
            JSONMember("withMask", .int(c.withMask)),
            JSONMember("withHumanMask", .int(c.withHumanMask)),
            JSONMember("withApprovedMachineMask", .int(c.withApprovedMachineMask)),
            JSONMember("withUnreviewedMachineMask", .int(c.withUnreviewedMachineMask)),
        ])
    }

    private static func check(_ c: CheckDescriptor) -> JSONValue {
        .object([
            JSONMember("code", .string(c.code)),
            JSONMember("name", .string(c.name)),
            JSONMember("defaultSeverity", .string(c.defaultSeverity.description)),
            JSONMember("summary", .string(c.summary)),
        ])
    }

    private static func diagnostic(_ d: Diagnostic) -> JSONValue {
        let location: JSONValue
        if let l = d.location {
            location = .object([
                JSONMember("file", .optional(l.knownFile)),
                JSONMember("line", .optional(l.knownLine)),
                JSONMember("column", .optional(l.knownColumn)),
                JSONMember("pointer", .optional(l.knownPointer)),
            ])
        } else {
            location = .null
        }
        return .object([
            JSONMember("code", .string(d.code)),
            JSONMember("name", .string(d.name)),
            JSONMember("severity", .string(d.severity.description)),
            JSONMember("message", .string(d.message)),
            JSONMember("location", location),
            JSONMember("subject", .string(d.subject)),
            JSONMember("notes", .array(d.notes.map(JSONValue.string))),
            JSONMember("fingerprint", .string(Fingerprint.of(d))),
        ])
    }

    private static func baseline(_ b: BaselineSummary) -> JSONValue {
        .object([
            JSONMember("matched", .int(b.matched)),
            JSONMember("stale", .array(b.stale.map(JSONValue.string))),
        ])
    }
}
