import Foundation
import Testing

/// Golden-file comparison for reporter output, with a record switch that still fails the recording run.
enum Golden {
    /// `Fixtures/reports/golden`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports/golden")

    /// Compares `actual` with the golden file `name` byte for byte. With `ANNOKIT_RECORD=1` in the environment,
    /// writes the golden file instead and records an issue, so a recording run never passes by accident.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ANNOKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("Recorded golden \(name); run again without ANNOKIT_RECORD=1.", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Missing golden \(name); record it with ANNOKIT_RECORD=1.", sourceLocation: sourceLocation)
            return
        }
        let actualBytes = Data(actual.utf8)
        if expected != actualBytes {
            let expectedText = String(decoding: expected, as: UTF8.self)
            let e = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let expectedLine = firstDifference < e.count ? String(e[firstDifference]) : "<end>"
            let actualLine = firstDifference < a.count ? String(a[firstDifference]) : "<end>"
            Issue.record(
                "Golden \(name) differs at line \(firstDifference + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
                sourceLocation: sourceLocation)
        }
    }
}
