import AnnoCore

/// A problem with lint configuration (the `.annokit.json` file or the equivalent flags); always a usage error (exit 2).
public enum ConfigurationError: AnnoError, Hashable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not a JSON object of the expected shape.
    case malformed(path: String?, message: String)
    /// The file has a top-level key AnnoKit does not know.
    case unknownKey(path: String?, key: String)
    /// A selector (code, name or code prefix) matches no rule.
    case unknownSelector(path: String?, key: String, selector: String)
    /// A severity value is not `error`, `warning`, `info` or `off`.
    case invalidSeverity(path: String?, selector: String, value: String)
    /// `failOn` is not `error`, `warning`, `info` or `never`.
    case invalidFailOn(path: String?, value: String)
    /// An option key the rule does not accept.
    case unknownOption(path: String?, code: String, option: String, known: [String])
    /// An option value the rule rejects.
    case invalidOption(path: String?, code: String, message: String)
    /// A baseline file could not be read or parsed.
    case invalidBaseline(path: String, message: String)

    /// Always `.usage`: configuration mistakes are the user's to fix (exit 2).
    public var category: ErrorCategory { .usage }

    /// The configuration file, as a location, when there is one.
    public var location: SourceLocation? {
        switch self {
        case .unreadable(let path, _), .invalidBaseline(let path, _): return SourceLocation(file: path)
        case .malformed(let path, _), .unknownKey(let path, _), .unknownSelector(let path, _, _),
             .invalidSeverity(let path, _, _), .invalidFailOn(let path, _), .unknownOption(let path, _, _, _),
             .invalidOption(let path, _, _):
            return path.map { SourceLocation(file: $0) }
        }
    }

    /// `file: error: message`.
    public var description: String {
        let at = location.map { "\($0): " } ?? ""
        return "\(at)error: \(message)"
    }

    /// What went wrong and what to do next.
    public var message: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read configuration: \(reason)"
        case .malformed(_, let m): return "invalid configuration: \(m)"
        case .unknownKey(_, let key):
            return "unknown configuration key '\(key)'; expected one of \(LintConfiguration.fileKeys.joined(separator: ", "))"
        case .unknownSelector(_, let key, let s):
            return "'\(s)' in '\(key)' matches no rule; use a code (AK101), a name (bbox-mask-mismatch) or a prefix (AK1); `annokit rules` lists them"
        case .invalidSeverity(_, let s, let v):
            return "severity '\(v)' for '\(s)' is not one of error, warning, info, off"
        case .invalidFailOn(_, let v): return "failOn '\(v)' is not one of error, warning, info, never"
        case .unknownOption(_, let code, let option, let known):
            let k = known.isEmpty ? "it takes no options" : "it takes \(known.joined(separator: ", "))"
            return "\(code) has no option '\(option)'; \(k)"
        case .invalidOption(_, let code, let m): return "\(code): \(m)"
        case .invalidBaseline(_, let m): return "invalid baseline: \(m)"
        }
    }
}
