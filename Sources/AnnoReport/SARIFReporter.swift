import AnnoCore
import AnnoJSON

/// Renders a report as SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (mapping: Specs/reports/ci-formats.md).
///
/// One run with one tool; `rules[]` lists every check that ran (plus any code found without a descriptor) and
/// each result points at its rule by `ruleId` and `ruleIndex`. Every result has exactly one location: its file,
/// or the dataset path when the finding has no file. `region` appears only when the line is known (SARIF needs
/// `startLine >= 1`). Results keep the report's order. Members are written in a fixed order with two-space
/// indentation, so the bytes are stable.
public enum SARIFReporter: Reporter {
    /// `sarif`.
    public static let identifier = "sarif"

    /// One line for help text.
    public static let summary = "SARIF 2.1.0 for GitHub code scanning (upload with github/codeql-action/upload-sarif)."

    /// The `$schema` value.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The `partialFingerprints` key that carries ``Fingerprint/of(_:)``.
    public static let fingerprintKey = "annokitFingerprint/v1"

    /// The longest rule description GitHub accepts, in characters.
    public static let descriptionLimit = 1024

    /// Renders the report as a SARIF log.
    public static func render(_ report: LintReport) -> String {
        JSONText.pretty(document(report))
    }

    /// The SARIF log as a JSON value, members in a fixed order.
    static func document(_ report: LintReport) -> JSONValue {
        let table = RuleTable(report)
        var occurrences: [String: Int] = [:]
        var results: [JSONValue] = []
        results.reserveCapacity(report.diagnostics.count)
        for diagnostic in report.diagnostics {
            let fingerprint = Fingerprint.of(diagnostic)
            let occurrence = (occurrences[fingerprint] ?? 0) + 1
            occurrences[fingerprint] = occurrence
            results.append(result(diagnostic, report: report, table: table, fingerprint: fingerprint, occurrence: occurrence))
        }
        let driver: JSONValue = .object([
            JSONMember("name", .string(report.tool.name)),
            JSONMember("version", .string(report.tool.version)),
            JSONMember("semanticVersion", .string(report.tool.version)),
            JSONMember("informationUri", .string(report.tool.informationURI)),
            JSONMember("rules", .array(table.rows.map { rule($0, tool: report.tool) })),
        ])
        let run: JSONValue = .object([
            JSONMember("tool", .object([JSONMember("driver", driver)])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(results)),
        ])
        return .object([
            JSONMember("$schema", .string(schemaURI)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
    }

    /// `error`, `warning` or `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// The documentation page of a rule: the tool's information URI, then `/blob/main/`, then the spec path.
    static func helpURI(code: String, name: String, tool: ToolInfo) -> String {
        let base = tool.informationURI.hasSuffix("/") ? String(tool.informationURI.dropLast()) : tool.informationURI
        return base + "/blob/main/" + uriPath("Specs/checks/\(code)-\(name).md")
    }

    private static func rule(_ row: RuleTable.Row, tool: ToolInfo) -> JSONValue {
        let name = row.name.isEmpty ? row.code : row.name
        let short = nonEmpty(row.descriptor?.summary) ?? name
        let full = nonEmpty(row.descriptor?.explanation) ?? short
        return .object([
            JSONMember("id", .string(row.code)),
            JSONMember("name", .string(name)),
            JSONMember("shortDescription", .object([JSONMember("text", .string(truncated(short)))])),
            JSONMember("fullDescription", .object([JSONMember("text", .string(truncated(full)))])),
            JSONMember("help", .object([JSONMember("text", .string(truncated(full)))])),
            JSONMember("helpUri", .string(helpURI(code: row.code, name: row.name, tool: tool))),
            JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(row.defaultSeverity)))])),
        ])
    }

    private static func result(
        _ d: Diagnostic, report: LintReport, table: RuleTable, fingerprint: String, occurrence: Int
    ) -> JSONValue {
        var text = d.message
        for note in d.notes { text += "\n" + note }
        if text.isEmpty { text = d.name.isEmpty ? d.code : d.name }

        let file = d.location?.knownFile ?? (report.dataset.isEmpty ? "." : report.dataset)
        var physical: [JSONMember] = [JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri(forPath: file)))]))]
        if let line = d.location?.knownLine {
            var region = [JSONMember("startLine", .int(line))]
            if let column = d.location?.knownColumn { region.append(JSONMember("startColumn", .int(column))) }
            physical.append(JSONMember("region", .object(region)))
        }
        var location: [JSONMember] = [JSONMember("physicalLocation", .object(physical))]
        if let pointer = d.location?.knownPointer {
            location.append(JSONMember("logicalLocations", .array([.object([JSONMember("fullyQualifiedName", .string(pointer))])])))
        }

        var members: [JSONMember] = [JSONMember("ruleId", .string(d.code))]
        if let index = table.position(of: d.code) { members.append(JSONMember("ruleIndex", .int(index))) }
        members += [
            JSONMember("level", .string(level(d.severity))),
            JSONMember("message", .object([JSONMember("text", .string(text))])),
            JSONMember("locations", .array([.object(location)])),
            JSONMember("partialFingerprints", .object([
                JSONMember(fingerprintKey, .string(fingerprint)),
                JSONMember("primaryLocationLineHash", .string("\(fingerprint):\(occurrence)")),
            ])),
            JSONMember("properties", .object([JSONMember("subject", .string(d.subject))])),
        ]
        return .object(members)
    }

    /// A file path as a SARIF `artifactLocation.uri`: relative paths stay relative, absolute paths become
    /// `file://` URIs, and every byte outside RFC 3986's unreserved, sub-delimiter, `@` and `/` characters is
    /// percent-encoded (spaces, `%`, `#`, `?`, `:`, quotes, angle brackets and all non-ASCII UTF-8 bytes).
    static func uri(forPath path: String) -> String {
        path.hasPrefix("/") ? "file://" + uriPath(path) : uriPath(path)
    }

    private static func uriPath(_ path: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
                UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
                UInt8(ascii: "@"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func truncated(_ text: String) -> String {
        text.count <= descriptionLimit ? text : String(text.prefix(descriptionLimit - 1)) + "…"
    }
}
