/// Where in an input file something was found: the file, a JSON Pointer or XPath, and line:column when known.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// A JSON Pointer (`/annotations/17/bbox`) or an XPath-like path (`/annotation/object[2]/bndbox`).
    public var pointer: String?
    /// 1-based line, when the parser knows it.
    public var line: Int?
    /// 1-based column (in UTF-8 bytes), when the parser knows it.
    public var column: Int?

    /// Creates a location.
    public init(file: String, pointer: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    /// `file:line:column` (as much as is known), then the pointer in parentheses.
    public var description: String {
        var s = file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        if let pointer, !pointer.isEmpty { s += " (\(pointer))" }
        return s
    }
}

/// Where an IR object came from. It travels with the object but never takes part in equality or hashing,
/// so a dataset read from a rewritten file still equals the original.
public struct Origin: Hashable, Sendable {
    /// The location, when the reader recorded one.
    public var location: SourceLocation?
    /// The item's bytes in its file (`start..<end` offsets), when the reader records them (COCO annotations), so a
    /// consumer that dropped the item's bulky values can read them again.
    public var span: Range<Int>?

    /// Creates an origin.
    public init(_ location: SourceLocation? = nil, span: Range<Int>? = nil) {
        self.location = location
        self.span = span
    }

    /// Always true: origins are bookkeeping, not data.
    public static func == (_: Origin, _: Origin) -> Bool { true }

    /// Hashes nothing, consistent with `==`.
    public func hash(into hasher: inout Hasher) {}
}
