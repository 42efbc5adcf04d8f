/// An error that stops an operation, printable by the CLI without knowing its module.
public protocol AnnoError: Error, CustomStringConvertible, Sendable {
    /// Where in the input the problem was found, if known.
    var location: SourceLocation? { get }
    /// Which exit-code class the error belongs to.
    var category: ErrorCategory { get }
}

/// The classes of stopping errors, each with its documented exit code.
public enum ErrorCategory: Int32, Hashable, Sendable {
    /// Bad flags or names (exit 2).
    case usage = 2
    /// Input rejected by a safety limit: size, pixels, depth, ratio (exit 3).
    case limit = 3
    /// Malformed or unsupported input (exit 65).
    case malformedInput = 65
    /// Input missing or unreadable (exit 66).
    case inputUnavailable = 66
    /// Output could not be written (exit 74).
    case outputFailed = 74
    /// A bug (exit 70).
    case `internal` = 70
}

/// A generic located error for codecs and tools that have no richer type.
public struct DatasetError: AnnoError, Hashable {
    /// The diagnostic code when the error comes from a strict-mode diagnostic, or a short kind name.
    public var code: String
    /// What went wrong and what to do next.
    public var message: String
    /// Where.
    public var location: SourceLocation?
    /// The exit-code class.
    public var category: ErrorCategory

    /// Creates an error.
    public init(code: String, message: String, location: SourceLocation? = nil, category: ErrorCategory = .malformedInput) {
        self.code = code
        self.message = message
        self.location = location
        self.category = category
    }

    /// `location: error: message [code]`.
    public var description: String {
        let at = location.map { "\($0): " } ?? ""
        return "\(at)error: \(message) [\(code)]"
    }
}
