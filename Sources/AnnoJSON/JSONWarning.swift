/// Something legal but suspicious that the reader noticed, such as a key that appears twice in one object.
public struct JSONWarning: Hashable, Sendable, CustomStringConvertible {
    /// What was noticed.
    public enum Kind: Hashable, Sendable {
        /// The object at `pointer` has the key twice; `firstOffset` is where it first appeared.
        case duplicateKey(String, firstOffset: Int)
    }

    /// What was noticed.
    public var kind: Kind
    /// The key concerned.
    public var key: String
    /// JSON Pointer of the object that holds the duplicate key.
    public var pointer: String
    /// Byte offset of the second occurrence of the key (its opening quote).
    public var offset: Int
    /// 1-based line of `offset`.
    public var line: Int
    /// 1-based column of `offset`, in UTF-8 bytes.
    public var column: Int

    /// Creates a warning.
    public init(kind: Kind, key: String, pointer: String, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.key = key
        self.pointer = pointer
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `3:7: warning: duplicate key "id" in object at /images/0`.
    public var description: String {
        let where_ = pointer.isEmpty ? "the root object" : "object at \(pointer)"
        return "\(line):\(column): warning: duplicate key \"\(key)\" in \(where_)"
    }
}
