/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Worth knowing; never fails a default CI gate.
    case info = 0
    /// Probably wrong.
    case warning = 1
    /// Wrong: the data breaks the format or will mislead training or evaluation.
    case error = 2

    /// Parses `info`, `warning` or `error`.
    public init?(name: String) {
        switch name {
        case "info", "note": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// `info`, `warning` or `error`.
    public var description: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    /// Orders by seriousness.
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}
