extension JSONReader {
    /// Skips the next value (of any kind and size), still validating all of it and reporting duplicate keys.
    /// Iterative: nesting uses the reader's explicit frame stack, bounded by `JSONLimits.maxDepth`. O(bytes skipped).
    public mutating func skipValue() throws(JSONError) {
        let baseDepth = level
        while true {
            // Expect a value.
            let c = skipWhitespace()
            switch c {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                pos += 1
                if try advanceInObject() {
                    _ = try readKey(materialize: false)
                    continue
                }
            case UInt8(ascii: "["):
                try push(isObject: false)
                pos += 1
                if try advanceInArray(), try !skipScalarElements() { continue }
            case UInt8(ascii: "\""):
                let (close, _) = try scanStringInPlace(at: pos)
                pos = close + 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try skipNumber()
            case UInt8(ascii: "t"): try expectLiteral("true")
            case UInt8(ascii: "f"): try expectLiteral("false")
            case UInt8(ascii: "n"): try expectLiteral("null")
            default:
                throw unexpected(c, at: pos, expected: "a value")
            }
            // After a value: close containers until one has a next member.
            while level > baseDepth {
                if top.isObject {
                    if try advanceInObject() {
                        _ = try readKey(materialize: false)
                        break
                    }
                } else if try advanceInArray(), try !skipScalarElements() {
                    break
                }
            }
            if level == baseDepth { return }
        }
    }

    /// Reads the next value, of any kind, into memory. Iterative (explicit stacks, bounded by
    /// `JSONLimits.maxDepth`). Duplicate keys are kept in order (and reported in `warnings`). O(bytes).
    public mutating func readValue() throws(JSONError) -> JSONValue {
        let baseDepth = level
        // Partially built containers, innermost last; mutated in place so appends stay amortised O(1).
        var isObject: [Bool] = []
        var arrays: [[JSONValue]] = []
        var objects: [[JSONMember]] = []
        var keys: [String] = []
        while true {
            var value: JSONValue
            let c = skipWhitespace()
            switch c {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                pos += 1
                if try advanceInObject() {
                    keys.append(try readKey(materialize: true) ?? "")
                    objects.append([])
                    isObject.append(true)
                    continue
                }
                value = .object([])
            case UInt8(ascii: "["):
                try push(isObject: false)
                pos += 1
                if try advanceInArray() {
                    arrays.append([])
                    isObject.append(false)
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
            while let parentIsObject = isObject.last {
                if parentIsObject {
                    let o = objects.count - 1
                    objects[o].append(JSONMember(keys[keys.count - 1], value))
                    if try advanceInObject() {
                        keys[keys.count - 1] = try readKey(materialize: true) ?? ""
                        break
                    }
                    keys.removeLast()
                    value = .object(objects.removeLast())
                } else {
                    let a = arrays.count - 1
                    arrays[a].append(value)
                    if try advanceInArray() { break }
                    value = .array(arrays.removeLast())
                }
                isObject.removeLast()
            }
            if isObject.isEmpty && level == baseDepth { return value }
        }
    }
}
