import AnnoCore

/// The rules a report mentions, each with its finding counts: every check that ran, in the report's order,
/// then any code that has findings but no descriptor, in order of first appearance.
///
/// Reporters that list rules (text, markdown, SARIF `rules[]`, JUnit suites) all use this one table, so they
/// agree on order and never drop a finding whose check was not declared.
struct RuleTable {
    /// One rule and what it found.
    struct Row {
        /// The check code.
        var code: String
        /// The check name.
        var name: String
        /// The descriptor, when the report declares the check.
        var descriptor: CheckDescriptor?
        /// Findings per severity, indexed by `Severity.rawValue`.
        var counts: [Int] = [0, 0, 0]
        /// Indexes into the report's diagnostics, in report order.
        var findings: [Int] = []

        /// Every finding of this rule.
        var total: Int { findings.count }

        /// The descriptor's default severity, or else the most serious severity found.
        var defaultSeverity: Severity {
            if let descriptor { return descriptor.defaultSeverity }
            return Severity.allCases.last { counts[$0.rawValue] > 0 } ?? .warning
        }
    }

    /// The rows in table order.
    var rows: [Row]

    /// Builds the table for `report`. O(checks + diagnostics).
    init(_ report: LintReport) {
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for check in report.checks where index[check.code] == nil {
            index[check.code] = rows.count
            rows.append(Row(code: check.code, name: check.name, descriptor: check))
        }
        for (i, diagnostic) in report.diagnostics.enumerated() {
            let r: Int
            if let existing = index[diagnostic.code] {
                r = existing
            } else {
                r = rows.count
                index[diagnostic.code] = r
                rows.append(Row(code: diagnostic.code, name: diagnostic.name, descriptor: nil))
            }
            rows[r].counts[diagnostic.severity.rawValue] += 1
            rows[r].findings.append(i)
        }
        self.rows = rows
        self.index = index
    }

    private let index: [String: Int]

    /// The row number of `code`, if the table has it.
    func position(of code: String) -> Int? { index[code] }
}
