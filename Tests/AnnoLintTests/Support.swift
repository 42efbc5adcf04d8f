import AnnoTestSupport
import AnnoCore
import AnnoLint
import Foundation
import Testing

/// Paths and helpers shared by the AnnoLint tests.
enum Paths {
    /// The repository root, found from this file.
    static let root = FixturePaths.root

    /// A path under the repository root.
    static func repo(_ relative: String) -> String { root + "/" + relative }
}

/// Lints `dataset` with a configuration and returns the findings.
func lint(_ dataset: Dataset, _ configuration: LintConfiguration = LintConfiguration()) throws -> [Diagnostic] {
    try Linter(configuration: configuration).run(on: dataset, path: "test.json", format: "coco").diagnostics
}

/// The findings of one rule, as subjects.
func subjects(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.map(\.subject)
}
