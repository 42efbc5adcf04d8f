import AnnoCore
import AnnoJSON

/// Which rules run, at what severity, with which options, and which severity fails the run.
///
/// Selectors (in `select`, `ignore` and `severity` keys) are a code (`AK101`), a name (`bbox-mask-mismatch`),
/// a code prefix (`AK1`, `AK10`) or `ALL`. When a rule matches both `select` and `ignore`, the more specific
/// selector wins (code or name beats a longer prefix beats a shorter one); on a tie `ignore` wins.
public struct LintConfiguration: Hashable, Sendable {
    /// The file name looked for upward from the dataset.
    public static let fileName = ".annokit.json"
    /// The top-level keys a configuration file may have.
    public static let fileKeys = ["version", "select", "ignore", "severity", "options", "failOn"]

    /// Selectors of the rules to run (default: every rule).
    public var select: [String]
    /// Selectors of the rules not to run.
    public var ignore: [String]
    /// Severity overrides by selector; `.off` disables the matching rules.
    public var severity: [String: RuleLevel]
    /// Per-rule options, keyed by code or name.
    public var options: [String: [String: JSONValue]]
    /// Findings at or above this severity fail the run (exit 1); nil never fails.
    public var failOn: Severity?
    /// The file the configuration was read from, if any (for error messages).
    public var source: String?

    /// A configured level: a severity, or off.
    public enum RuleLevel: Hashable, Sendable {
        /// The rule does not run.
        case off
        /// The rule runs and reports at this severity.
        case on(Severity)

        /// Parses `error`, `warning`, `info` or `off`.
        public init?(name: String) {
            if name == "off" { self = .off } else if let s = Severity(name: name) { self = .on(s) } else { return nil }
        }
    }

    /// Creates a configuration; the defaults run every rule at its default severity and fail on errors.
    public init(
        select: [String] = ["ALL"], ignore: [String] = [], severity: [String: RuleLevel] = [:],
        options: [String: [String: JSONValue]] = [:], failOn: Severity? = .error, source: String? = nil
    ) {
        self.select = select
        self.ignore = ignore
        self.severity = severity
        self.options = options
        self.failOn = failOn
        self.source = source
    }

    /// Parses `failOn` values: `error`, `warning`, `info` or `never` (nil result = never fail).
    public static func parseFailOn(_ text: String) -> Severity?? {
        if text == "never" { return .some(nil) }
        if let s = Severity(name: text) { return .some(s) }
        return nil
    }

    // MARK: Selection

    /// How specifically `selector` names the check `code`/`name`, or nil when it does not match it.
    static func specificity(_ selector: String, code: String, name: String) -> Int? {
        if selector == code { return 1001 }
        if selector == name { return 1000 }
        if selector == "ALL" || selector == "all" { return 0 }
        if isCodePrefix(selector), code.hasPrefix(selector) { return selector.count }
        return nil
    }

    /// True for `AK` followed by zero to three digits.
    static func isCodePrefix(_ s: String) -> Bool {
        guard s.hasPrefix("AK") else { return false }
        let digits = s.dropFirst(2)
        return digits.count <= 3 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// True when a selector belongs to the codecs' AK0xx range, which the rule registry does not list.
    static func isCodecSelector(_ s: String) -> Bool { isCodePrefix(s) && s.count >= 3 && s.dropFirst(2).first == "0" }

    /// The most specific match among `selectors`.
    static func best(_ selectors: [String], code: String, name: String) -> Int? {
        selectors.compactMap { specificity($0, code: code, name: name) }.max()
    }

    /// True when the check `code`/`name` is selected and not ignored.
    public func isEnabled(code: String, name: String) -> Bool {
        guard let s = Self.best(select, code: code, name: name) else { return false }
        if let i = Self.best(ignore, code: code, name: name), i >= s { return false }
        if case .off? = level(code: code, name: name) { return false }
        return true
    }

    /// The configured level for a check, from the most specific matching `severity` key.
    public func level(code: String, name: String) -> RuleLevel? {
        var bestScore = -1
        var result: RuleLevel?
        for key in severity.keys.sorted() {
            guard let score = Self.specificity(key, code: code, name: name), score > bestScore else { continue }
            bestScore = score
            result = severity[key]
        }
        return result
    }

    /// The options for a rule, from its code or name key.
    public func options(code: String, name: String) -> [String: JSONValue] {
        var merged = options[name] ?? [:]
        for (k, v) in options[code] ?? [:] { merged[k] = v }
        return merged
    }

    /// Checks every selector and option key against the rule registry.
    public func validate() throws(ConfigurationError) {
        let descriptors = Rules.all.map { $0.descriptor }
        func check(_ selector: String, _ key: String) throws(ConfigurationError) {
            if Self.isCodecSelector(selector) || selector == "ALL" || selector == "all" || selector == "AK" { return }
            guard descriptors.contains(where: { Self.specificity(selector, code: $0.code, name: $0.name) != nil }) else {
                throw .unknownSelector(path: source, key: key, selector: selector)
            }
        }
        for s in select { try check(s, "select") }
        for s in ignore { try check(s, "ignore") }
        for s in severity.keys.sorted() { try check(s, "severity") }
        for key in options.keys.sorted() {
            guard let d = descriptors.first(where: { $0.code == key || $0.name == key }) else {
                throw .unknownSelector(path: source, key: "options", selector: key)
            }
            let known = d.options.map(\.name)
            for option in (options[key] ?? [:]).keys.sorted() where !known.contains(option) {
                throw .unknownOption(path: source, code: d.code, option: option, known: known)
            }
        }
    }
}
