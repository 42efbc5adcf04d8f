extension JSONValue {
    /// The value as JSON bytes, compact or pretty (see `JSONWriter` for the exact layout). Deterministic.
    public func serialized(pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.value(self)
        return w.bytes
    }

    /// The kind of this value.
    public var kind: JSONKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The value of the last member named `key` (Python's rule for duplicates), if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }
}
