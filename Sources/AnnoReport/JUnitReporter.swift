import AnnoCore

/// Renders a report as JUnit XML for GitLab and Jenkins test-report views (mapping: Specs/reports/ci-formats.md).
///
/// One `<testsuite>` per check that ran, named `CODE name`. Each error or warning is a `<testcase>` holding a
/// `<failure>`; each info finding is a passing `<testcase>` whose `<system-out>` says what was noticed; a check
/// with no findings gets one passing `<testcase>`, so dashboards show green checks too. `classname` is
/// `annokit.CODE` (never a file name, which Jenkins would split at the dot) and testcase names are unique,
/// because GitLab drops every later testcase with a repeated name. No timestamps; every `time` is `0`.
public enum JUnitReporter: Reporter {
    /// `junit`.
    public static let identifier = "junit"

    /// One line for help text.
    public static let summary = "JUnit XML for GitLab and Jenkins: a test suite per check, a failing test case per finding."

    /// Renders the report as a JUnit XML document.
    public static func render(_ report: LintReport) -> String {
        let table = RuleTable(report)
        var names = Set<String>()
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for row in table.rows {
            var cases = ""
            var tests = 0
            var failures = 0
            let classname = attr(report.tool.name + "." + row.code)
            if row.findings.isEmpty {
                let name = unique(row.name.isEmpty ? row.code : "\(row.code) \(row.name)", in: &names)
                cases += "    <testcase classname=\"\(classname)\" name=\"\(attr(name))\" time=\"0\"/>\n"
                tests = 1
            }
            for index in row.findings {
                let d = report.diagnostics[index]
                tests += 1
                let name = unique(caseName(d), in: &names)
                var open = "    <testcase classname=\"\(classname)\" name=\"\(attr(name))\""
                if let file = d.location?.knownFile { open += " file=\"\(attr(file))\"" }
                open += " time=\"0\">\n"
                cases += open
                let body = XMLText.escaped(details(d))
                if d.severity == .info {
                    cases += "      <system-out>\(body)</system-out>\n"
                } else {
                    failures += 1
                    cases += "      <failure message=\"\(attr(d.message))\" type=\"\(d.severity)\">\(body)</failure>\n"
                }
                cases += "    </testcase>\n"
            }
            let suiteName = row.name.isEmpty ? row.code : "\(row.code) \(row.name)"
            suites += "  <testsuite name=\"\(attr(suiteName))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
            totalTests += tests
            totalFailures += failures
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let head = "<testsuites name=\"\(attr(report.tool.name))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"0\" time=\"0\""
        if suites.isEmpty {
            out += head + "/>\n"
        } else {
            out += head + ">\n" + suites + "</testsuites>\n"
        }
        return out
    }

    /// `CODE subject`, then ` in BASENAME` and ` at POINTER` (or ` line N`) when known.
    static func caseName(_ d: Diagnostic) -> String {
        var name = "\(d.code) \(d.subject)"
        if let file = d.location?.knownFile {
            let base = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
            name += " in \(base)"
        }
        if let pointer = d.location?.knownPointer {
            name += " at \(pointer)"
        } else if let line = d.location?.knownLine {
            name += " line \(line)"
        }
        return name
    }

    /// The element text for a finding: where, what, the subject and the notes, one per line.
    static func details(_ d: Diagnostic) -> String {
        var lines: [String] = []
        if let location = d.location, let place = location.compilerStyle {
            lines.append(location.knownPointer.map { "\(place) (at \($0))" } ?? place)
        } else if let pointer = d.location?.knownPointer {
            lines.append("at \(pointer)")
        }
        lines.append("\(d.severity): \(d.code) \(d.name): \(d.message)")
        lines.append("subject: \(d.subject)")
        for note in d.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    private static func unique(_ name: String, in names: inout Set<String>) -> String {
        var candidate = name
        var n = 1
        while names.contains(candidate) {
            n += 1
            candidate = "\(name) #\(n)"
        }
        names.insert(candidate)
        return candidate
    }

    private static func attr(_ text: String) -> String { XMLText.escaped(text, attribute: true) }
}
