import Foundation
import Testing

/// Compares text byte for byte with a golden file under `Fixtures/`, naming the first differing line. With
/// `ANNOKIT_RECORD=1` the golden is rewritten and the test still fails, so a recording run never passes by accident.
public func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = FixturePaths.path(relative)
    if ProcessInfo.processInfo.environment["ANNOKIT_RECORD"] == "1" {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("recorded golden \(relative); run again without ANNOKIT_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    guard let expected = FileManager.default.contents(atPath: path) else {
        Issue.record("missing golden \(relative); record it with ANNOKIT_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    guard expected != Data(actual.utf8) else { return }
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    let expectedLine = first < e.count ? String(e[first]) : "<end>"
    let actualLine = first < a.count ? String(a[first]) : "<end>"
    Issue.record(
        "golden \(relative) differs at line \(first + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
        sourceLocation: sourceLocation)
}
