import AnnoCore

/// The registry of output formats for `annokit lint --format`.
public enum Reporters {
    /// Every reporter, in the order help text lists them.
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        JUnitReporter.self,
        GitHubReporter.self,
        MarkdownReporter.self,
    ]

    /// The reporter whose identifier is `identifier`, or `nil` when there is none (the CLI reports a usage error).
    public static func named(_ identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// Every identifier, in registry order (`text`, `json`, …).
    public static var identifiers: [String] { all.map { $0.identifier } }
}
