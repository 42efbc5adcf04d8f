import AnnoJSON

/// An identifier as a dataset file spells it: COCO ids are usually integers but some tools write strings.
public enum ID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// An integer id, such as COCO's `"id": 42`.
    case int(Int)
    /// A string id, such as `"id": "img-0001"` or a VOC file stem.
    case string(String)

    /// The id as written in messages: integers bare, strings quoted.
    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }

    /// The id as plain text, without quotes (used in file names and fingerprints).
    public var text: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return s
        }
    }

    /// The id as a JSON value.
    public var json: JSONValue {
        switch self {
        case .int(let i): return .number(JSONNumber(i))
        case .string(let s): return .string(s)
        }
    }

    /// Integers sort before strings; integers numerically, strings by their UTF-8 bytes.
    public static func < (a: ID, b: ID) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case (.int, .string): return true
        case (.string, .int): return false
        case let (.string(x), .string(y)): return Array(x.utf8).lexicographicallyPrecedes(y.utf8)
        }
    }
}
