/// One finding: a check code, a severity, a message and where it applies.
public struct Diagnostic: Hashable, Sendable {
    /// The check code (`AK101`).
    public var code: String
    /// The check's kebab-case name (`bbox-mask-mismatch`).
    public var name: String
    /// The severity after configuration.
    public var severity: Severity
    /// A human sentence saying what is wrong, with the numbers that show it.
    public var message: String
    /// Where it is, when known.
    public var location: SourceLocation?
    /// What it is about, independent of line numbers: `annotation 17`, `image 3`, `category 5`, `dataset`.
    /// Baseline fingerprints are built from the code and this subject.
    public var subject: String
    /// Extra lines (a hint on how to fix, a related place).
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        code: String, name: String, severity: Severity, message: String, location: SourceLocation? = nil,
        subject: String = "dataset", notes: [String] = []
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.notes = notes
    }

    /// Creates a diagnostic for a check, at the check's default severity.
    public init(
        _ check: CheckDescriptor, _ message: String, at location: SourceLocation? = nil, subject: String = "dataset",
        notes: [String] = []
    ) {
        self.init(
            code: check.code, name: check.name, severity: check.defaultSeverity, message: message,
            location: location, subject: subject, notes: notes)
    }
}

/// A sink that collects diagnostics in the order they are reported.
public struct Diagnostics: Sendable {
    /// Everything reported so far.
    public private(set) var items: [Diagnostic] = []

    /// Creates an empty sink.
    public init() {}

    /// Adds a diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func report(contentsOf diagnostics: [Diagnostic]) { items.append(contentsOf: diagnostics) }

    /// The number of diagnostics at `severity` exactly.
    public func count(_ severity: Severity) -> Int { items.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// True when anything at `.error` was reported.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

extension Diagnostic {
    /// The note a baseline adds to a finding it accepts (followed by the fingerprint).
    public static let baselineMatchedNote = "baseline: matched"

    /// True when a baseline accepted this finding: it is reported but does not fail the run.
    public var isBaselineMatched: Bool { notes.contains { $0.hasPrefix(Diagnostic.baselineMatchedNote) } }
}

extension LintReport {
    /// The findings that fail the run: at or above `threshold` (nil: none ever fail) and not accepted by a baseline.
    public func failing(threshold: Severity?) -> [Diagnostic] {
        guard let threshold else { return [] }
        return diagnostics.filter { $0.severity >= threshold && !$0.isBaselineMatched }
    }

    /// The findings that fail the run under the report's own `failOn`.
    public var failing: [Diagnostic] { failing(threshold: failOn) }
}
