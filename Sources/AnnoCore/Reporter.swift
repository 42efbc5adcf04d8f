/// Renders a lint report in one output format.
public protocol Reporter: SendableMetatype {
    /// The `--format` value, such as `"sarif"`.
    static var identifier: String { get }
    /// One line for help text.
    static var summary: String { get }
    /// Renders the whole report, deterministically: stable order, no timestamps.
    static func render(_ report: LintReport) -> String
}
