/// The kind of a JSON value, as seen by `JSONReader.peek()` before the value is read.
public enum JSONKind: Sendable, Hashable, CustomStringConvertible {
    /// `{ ... }`
    case object
    /// `[ ... ]`
    case array
    /// `"..."`
    case string
    /// `-12.5e3` and friends.
    case number
    /// `true` or `false`.
    case bool
    /// `null`.
    case null

    /// A lowercase English name such as `object` or `number`.
    public var description: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }
}
