/// A thrown reader error: what went wrong, and where (byte offset, line:column, JSON Pointer, file).
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The input ended inside a value (or held no value at all).
        case unexpectedEnd
        /// A byte that cannot start or continue what was expected; `expected` says what was.
        case unexpectedCharacter(UInt8, expected: String)
        /// A misspelt `true`, `false` or `null`.
        case invalidLiteral
        /// Bytes inside a string that are not well-formed UTF-8 (overlong, surrogate, > U+10FFFF, truncated).
        case invalidUTF8
        /// A `,` directly before `]` or `}`.
        case trailingComma
        /// A number that breaks the JSON grammar (`01`, `1.`, `-`, `1e`).
        case invalidNumber
        /// A number literal longer than `JSONLimits.maxNumberLength`.
        case numberTooLong
        /// An unknown escape such as `\x` or a `\u` without four hex digits.
        case invalidEscape
        /// A `\uD800`-style escape without its partner, or a low surrogate alone.
        case loneSurrogate
        /// A raw byte below 0x20 inside a string.
        case controlCharacterInString(UInt8)
        /// Nesting deeper than the limit (which is carried).
        case depthLimitExceeded(Int)
        /// A string longer than `JSONLimits.maxStringBytes`.
        case stringTooLong
        /// The value is of another kind than the caller asked for.
        case typeMismatch(expected: JSONKind, found: JSONKind)
        /// A number that is not an integer literal (`1.5`, `1e3`) where an integer was asked for.
        case notAnInteger
        /// An integer literal outside `Int`'s range.
        case numberOutOfRange
        /// Non-whitespace after the top-level value.
        case trailingContent
        /// A key that appears twice in one object, when `JSONLimits.rejectDuplicateKeys` is set.
        case duplicateKey(String)
        /// The reader's API was called out of order (for example `nextKey()` outside an object).
        case invalidState(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// Byte offset in the input (a leading BOM counts).
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column in UTF-8 bytes (a BOM on line 1 does not count).
    public var column: Int
    /// RFC 6901 JSON Pointer of the value being read when the error happened (`""` is the root).
    public var pointer: String
    /// The file name given to the reader (may be empty).
    public var file: String

    /// Creates an error.
    public init(kind: Kind, offset: Int, line: Int, column: Int, pointer: String, file: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.pointer = pointer
        self.file = file
    }

    /// A short stable code per kind, for machine-readable reports (`json.syntax`, `json.encoding`, `json.depth`, ...).
    public var code: String {
        switch kind {
        case .unexpectedEnd, .unexpectedCharacter, .invalidLiteral, .trailingComma, .invalidNumber,
             .invalidEscape, .controlCharacterInString, .trailingContent:
            "json.syntax"
        case .invalidUTF8, .loneSurrogate: "json.encoding"
        case .depthLimitExceeded: "json.depth"
        case .stringTooLong, .numberTooLong: "json.limit"
        case .typeMismatch, .notAnInteger: "json.type"
        case .numberOutOfRange: "json.range"
        case .duplicateKey: "json.duplicateKey"
        case .invalidState: "json.api"
        }
    }

    /// An English sentence describing `kind`.
    public var message: String {
        switch kind {
        case .unexpectedEnd: return "unexpected end of input"
        case let .unexpectedCharacter(byte, expected):
            return "expected \(expected), found \(JSONError.describe(byte))"
        case .invalidLiteral: return "invalid literal (expected true, false or null)"
        case .invalidUTF8: return "invalid UTF-8 in string"
        case .trailingComma: return "trailing comma"
        case .invalidNumber: return "invalid number"
        case .numberTooLong: return "number literal too long"
        case .invalidEscape: return "invalid escape sequence"
        case .loneSurrogate: return "lone UTF-16 surrogate in \\u escape"
        case let .controlCharacterInString(byte): return "unescaped control character \(JSONError.describe(byte)) in string"
        case let .depthLimitExceeded(limit): return "nesting deeper than \(limit)"
        case .stringTooLong: return "string too long"
        case let .typeMismatch(expected, found): return "expected \(expected), found \(found)"
        case .notAnInteger: return "expected an integer literal"
        case .numberOutOfRange: return "integer out of range"
        case .trailingContent: return "unexpected content after the top-level value"
        case let .duplicateKey(key): return "duplicate key \"\(key)\""
        case let .invalidState(what): return "reader used out of order: \(what)"
        }
    }

    /// `file:3:7: error: expected ',' or '}' after object member, found 'x' (at /annotations/17/bbox)`.
    public var description: String {
        var s = file.isEmpty ? "" : "\(file):"
        s += "\(line):\(column): error: \(message)"
        if !pointer.isEmpty { s += " (at \(pointer))" }
        return s
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }
}
