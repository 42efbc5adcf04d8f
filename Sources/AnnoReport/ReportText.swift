import AnnoCore

/// Small wording helpers shared by the human-readable reporters, all deterministic and locale-free.
enum ReportText {
    /// `part / whole` as a percentage with one decimal, rounded half up with integer arithmetic (`"66.7%"`).
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0.0%" }
        let clamped = max(0, part)
        let permille = (clamped * 2000 + whole) / (whole * 2)
        return "\(permille / 10).\(permille % 10)%"
    }

    /// `"1 error"`, `"2 errors"`; info is a mass noun (`"2 info"`).
    static func counted(_ count: Int, _ severity: Severity) -> String {
        switch severity {
        case .error: return count == 1 ? "1 error" : "\(count) errors"
        case .warning: return count == 1 ? "1 warning" : "\(count) warnings"
        case .info: return "\(count) info"
        }
    }

    /// `"1 finding"`, `"2 findings"` and the like for a regular noun.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// `"3 errors, 1 warning, 0 info"` for a report.
    static func severityCounts(_ report: LintReport) -> String {
        [Severity.error, .warning, .info].map { counted(report.count($0), $0) }.joined(separator: ", ")
    }

    /// Splits `text` into lines at any line break (LF, CR, CRLF, U+2028 …) and replaces every other control
    /// character (C0 other than tab, DEL, C1) with U+FFFD, so output cannot carry terminal escape sequences.
    static func cleanLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { cleanLine(String($0)) }
    }

    /// Replaces control characters other than tab in a single line with U+FFFD.
    static func cleanLine(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars { appendCleaned(scalar, to: &out) }
        return out
    }

    /// Appends `scalar`, or U+FFFD when it is a control character other than tab (C0 or C1).
    static func appendCleaned(_ scalar: Unicode.Scalar, to out: inout String) {
        let v = scalar.value
        if (v < 0x20 && v != 0x09) || (v >= 0x7F && v < 0xA0) {
            out += "\u{FFFD}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
}
