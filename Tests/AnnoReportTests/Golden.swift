import AnnoTestSupport
import Testing

/// Golden-file comparison for reporter output (goldens live in Fixtures/reports/golden).
enum Golden {
    /// Compares `actual` with the golden file `name`; see `expectGolden`.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        expectGolden(actual, "reports/golden/" + name, sourceLocation: sourceLocation)
    }
}
