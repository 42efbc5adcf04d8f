import Foundation
import Testing

/// Compares text with a golden file under `Fixtures/`. With `ANNOKIT_RECORD=1` the golden is rewritten and the
/// test still fails, so a recording run never passes by accident.
public func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = FixturePaths.path(relative)
    let expected = try? String(contentsOfFile: path, encoding: .utf8)
    if ProcessInfo.processInfo.environment["ANNOKIT_RECORD"] == "1" {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded golden \(relative); run again without ANNOKIT_RECORD", sourceLocation: sourceLocation)
        return
    }
    guard let expected else {
        Issue.record("missing golden \(relative); record it with ANNOKIT_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from \(relative)", sourceLocation: sourceLocation)
}
