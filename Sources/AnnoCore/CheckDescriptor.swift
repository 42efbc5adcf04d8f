/// Everything the docs, `annokit rules` and SARIF `rules[]` need to know about one check code.
public struct CheckDescriptor: Hashable, Sendable {
    /// The stable code, `AK` plus three digits (`AK101`). A code never changes meaning.
    public var code: String
    /// The kebab-case name (`bbox-mask-mismatch`).
    public var name: String
    /// The severity unless configuration says otherwise.
    public var defaultSeverity: Severity
    /// One sentence (SARIF `shortDescription`).
    public var summary: String
    /// What it checks, why it matters and how to fix it (SARIF `fullDescription`; the same text as the spec page).
    public var explanation: String
    /// The options the check accepts, with their defaults.
    public var options: [CheckOption]

    /// Creates a descriptor.
    public init(
        code: String, name: String, defaultSeverity: Severity, summary: String, explanation: String,
        options: [CheckOption] = []
    ) {
        self.code = code
        self.name = name
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.options = options
    }

    /// The spec page for this check, relative to the repository root.
    public var specPath: String { "Specs/checks/\(code)-\(name).md" }
}

/// One tunable option of a check, such as a threshold.
public struct CheckOption: Hashable, Sendable {
    /// The option's key in `.annokit.json`.
    public var name: String
    /// The default, as text.
    public var defaultValue: String
    /// What it does.
    public var summary: String

    /// Creates an option description.
    public init(name: String, defaultValue: String, summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
