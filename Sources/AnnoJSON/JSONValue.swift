/// A JSON value held in memory, with object members in source order and numbers kept as their literal text.
///
/// Duplicate keys are kept (in order) so a writer can reproduce the input; readers report them separately.
public enum JSONValue: Hashable, Sendable {
    /// The literal `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as written.
    case number(JSONNumber)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in source order.
    case object([JSONMember])
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The unescaped key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON number that remembers its literal text, so `373.29` is written back as `373.29` and `10` stays `10`.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The literal as it appeared in the input (or the canonical text for computed values).
    public let literal: String
    /// The value as a double (may be infinite for literals such as `1e400`).
    public let double: Double

    /// Wraps a literal that has already been validated against the JSON number grammar.
    public init(literal: String, double: Double) {
        self.literal = literal
        self.double = double
    }

    /// Creates the canonical number for an integer.
    public init(_ value: Int) {
        self.literal = String(value)
        self.double = Double(value)
    }

    /// Creates the canonical number for a finite double: integral values print without a fraction,
    /// others with the shortest digits that read back to the same double.
    public init(_ value: Double) {
        self.literal = JSONNumber.canonicalLiteral(value)
        self.double = value
    }

    /// The value as an exact integer, when the literal is one that fits in `Int`.
    public var int: Int? {
        if let i = Int(literal) { return i }
        if double.isFinite, double == double.rounded(.towardZero), abs(double) < 9.0e15 { return Int(double) }
        return nil
    }

    /// `literal`.
    public var description: String { literal }

    /// Equality is by literal, so `1.0` and `1` differ (they are written differently).
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { a.literal == b.literal }

    /// Hashes the literal.
    public func hash(into hasher: inout Hasher) { hasher.combine(literal) }

    /// Shortest round-trip text for a finite double; integral values within ±2^53 print as integers.
    /// Non-finite values, which JSON cannot hold, print as `null`.
    public static func canonicalLiteral(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            if value == 0 { return value.sign == .minus ? "-0.0" : "0" }
            return String(Int64(value))
        }
        return value.description
    }
}
