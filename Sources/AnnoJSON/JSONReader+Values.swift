extension JSONReader {
    /// Skips the next value (of any kind and size), still validating all of it and reporting duplicate keys.
    /// Iterative: nesting uses the reader's explicit frame stack, bounded by `JSONLimits.maxDepth`. O(bytes skipped).
    public mutating func skipValue() throws(JSONError) {
        let baseDepth = frames.count
        while true {
            // Expect a value.
            let c = skipWhitespace()
            switch c {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                pos += 1
                let top = frames[frames.count - 1]
                if try advanceInObject(top) {
                    _ = try readKey(materialize: false)
                    continue
                }
            case UInt8(ascii: "["):
                try push(isObject: false)
                pos += 1
                let top = frames[frames.count - 1]
                if try advanceInArray(top) { continue }
            case UInt8(ascii: "\""):
                let (close, _) = try scanString(at: pos)
                pos = close + 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                pos = try scanNumber(at: pos, computeValue: false).end
            case UInt8(ascii: "t"): try expectLiteral("true")
            case UInt8(ascii: "f"): try expectLiteral("false")
            case UInt8(ascii: "n"): try expectLiteral("null")
            default:
                throw unexpected(c, at: pos, expected: "a value")
            }
            // After a value: close containers until one has a next member.
            while frames.count > baseDepth {
                let top = frames[frames.count - 1]
                if top.isObject {
                    if try advanceInObject(top) {
                        _ = try readKey(materialize: false)
                        break
                    }
                } else if try advanceInArray(top) {
                    break
                }
            }
            if frames.count == baseDepth { return }
        }
    }

    /// A container being built by `readValue()`.
    private enum Partial {
        case array([JSONValue])
        case object([JSONMember], key: String)
    }

    /// Reads the next value, of any kind, into memory. Iterative (explicit stack, bounded by
    /// `JSONLimits.maxDepth`). Duplicate keys are kept in order (and reported in `warnings`). O(bytes).
    public mutating func readValue() throws(JSONError) -> JSONValue {
        let baseDepth = frames.count
        var stack: [Partial] = []
        while true {
            var value: JSONValue
            let c = skipWhitespace()
            switch c {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                pos += 1
                let top = frames[frames.count - 1]
                if try advanceInObject(top) {
                    let key = try readKey(materialize: true) ?? ""
                    stack.append(.object([], key: key))
                    continue
                }
                value = .object([])
            case UInt8(ascii: "["):
                try push(isObject: false)
                pos += 1
                let top = frames[frames.count - 1]
                if try advanceInArray(top) {
                    stack.append(.array([]))
                    continue
                }
                value = .array([])
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpected(c, at: pos, expected: "a value")
            }
            // Attach `value` to its parent; close finished parents.
            while let parent = stack.popLast() {
                let top = frames[frames.count - 1]
                switch parent {
                case var .array(elements):
                    elements.append(value)
                    if try advanceInArray(top) {
                        stack.append(.array(elements))
                    } else {
                        value = .array(elements)
                        continue
                    }
                case .object(var members, let key):
                    members.append(JSONMember(key, value))
                    if try advanceInObject(top) {
                        let next = try readKey(materialize: true) ?? ""
                        stack.append(.object(members, key: next))
                    } else {
                        value = .object(members)
                        continue
                    }
                }
                break
            }
            if stack.isEmpty && frames.count == baseDepth { return value }
        }
    }
}
