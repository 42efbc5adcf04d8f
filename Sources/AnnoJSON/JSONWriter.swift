/// A streaming JSON writer that produces deterministic bytes.
///
/// Layout:
/// - compact (default): no whitespace at all, `{"a":1,"b":[1,2]}`;
/// - pretty: `indent` spaces per level, one member or element per line, `"key": value`, empty containers as
///   `{}` / `[]`, no trailing newline. An array opened with `beginArray(inline: true)` (and everything inside it)
///   stays on one line as `[1, 2.5, 3]`; `value(_:)` does that for every non-empty array whose elements are all
///   numbers (bboxes, polygons, RLE counts).
///
/// Strings: only `"`, `\` and control characters below U+0020 are escaped (`\b \f \n \r \t`, others as
/// lowercase `\u00XX`); `/` and non-ASCII are written as raw UTF-8. Numbers: `number(_:)` writes the literal as
/// kept; `double(_:)` writes `JSONNumber.canonicalLiteral` and writes non-finite values as `null`.
/// Several top-level values are separated by a newline (JSON Lines).
///
/// The writer trusts its caller: calls out of order (a value where a key is due) give invalid JSON rather than
/// a trap. Memory: the bytes not yet `take()`n.
public struct JSONWriter: Sendable {
    private struct Level: Sendable {
        var isObject: Bool
        var count: Int
        var inline: Bool
    }

    /// The output written so far (since the last `take()`).
    public var bytes: [UInt8] = []
    /// Whether the output is indented.
    public let pretty: Bool
    /// Spaces per level in pretty mode.
    public let indent: Int
    private var levels: [Level] = []
    private var afterKey = false
    private var topLevelCount = 0

    /// Creates a writer; `pretty` selects the indented layout with `indent` spaces per level.
    public init(pretty: Bool = false, indent: Int = 2) {
        self.pretty = pretty
        self.indent = max(0, indent)
    }

    /// Returns the bytes written so far and empties the buffer (to stream a large document in chunks).
    public mutating func take() -> [UInt8] {
        let out = bytes
        bytes = []
        bytes.reserveCapacity(out.count)
        return out
    }

    /// True when every opened container has been closed.
    public var isComplete: Bool { levels.isEmpty && !afterKey }

    private var isInline: Bool { levels.last?.inline ?? false }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * indent))
    }

    /// Writes the separator and indentation due before a value or key.
    private mutating func separate() {
        guard let last = levels.indices.last else {
            if topLevelCount > 0 { bytes.append(0x0A) }
            topLevelCount += 1
            return
        }
        if levels[last].count > 0 { bytes.append(UInt8(ascii: ",")) }
        levels[last].count += 1
        guard pretty else { return }
        if levels[last].inline {
            if levels[last].count > 1 { bytes.append(0x20) }
        } else {
            newline(depth: levels.count)
        }
    }

    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    /// Opens an object.
    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        levels.append(Level(isObject: true, count: 0, inline: isInline))
    }

    /// Writes a member key (escaped); the member's value must follow.
    public mutating func key(_ key: String) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array; in pretty mode `inline: true` keeps it (and its contents) on one line.
    public mutating func beginArray(inline: Bool = false) {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        levels.append(Level(isObject: false, count: 0, inline: inline || isInline))
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    private mutating func close(_ bracket: UInt8) {
        if let level = levels.popLast(), pretty, level.count > 0, !level.inline {
            newline(depth: levels.count)
        }
        bytes.append(bracket)
    }

    /// Writes a string value.
    public mutating func string(_ s: String) {
        beforeValue()
        writeString(s)
    }

    /// Writes a number with its kept literal (which must be valid JSON number text).
    public mutating func number(_ n: JSONNumber) {
        beforeValue()
        bytes.append(contentsOf: n.literal.utf8)
    }

    /// Writes a double in canonical form (`JSONNumber.canonicalLiteral`); NaN and ±infinity become `null`.
    public mutating func double(_ d: Double) {
        beforeValue()
        if d.isFinite {
            bytes.append(contentsOf: JSONNumber.canonicalLiteral(d).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// Writes an integer.
    public mutating func int(_ i: Int) {
        beforeValue()
        writeInt(i)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ b: Bool) {
        beforeValue()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    /// Writes `null`.
    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes an array of doubles in canonical form (inline in pretty mode).
    public mutating func doubleArray(_ values: [Double]) {
        beginArray(inline: true)
        for v in values { double(v) }
        endArray()
    }

    /// Writes a whole value; in pretty mode non-empty arrays of numbers stay on one line. Iterative, so any
    /// depth is safe. O(size of the value).
    public mutating func value(_ v: JSONValue) {
        enum Work {
            case value(JSONValue)
            case member(JSONMember)
            case endArray
            case endObject
        }
        var work: [Work] = [.value(v)]
        while let item = work.popLast() {
            switch item {
            case .endArray: endArray()
            case .endObject: endObject()
            case let .member(m):
                key(m.key)
                work.append(.value(m.value))
            case let .value(v):
                switch v {
                case .null: null()
                case let .bool(b): bool(b)
                case let .number(n): number(n)
                case let .string(s): string(s)
                case let .array(elements):
                    let allNumbers = !elements.isEmpty && elements.allSatisfy {
                        if case .number = $0 { return true } else { return false }
                    }
                    beginArray(inline: allNumbers)
                    work.append(.endArray)
                    for e in elements.reversed() { work.append(.value(e)) }
                case let .object(members):
                    beginObject()
                    work.append(.endObject)
                    for m in members.reversed() { work.append(.member(m)) }
                }
            }
        }
    }

    private mutating func writeInt(_ i: Int) {
        if i >= 0 && i < 10 {
            bytes.append(UInt8(truncatingIfNeeded: i) &+ 0x30)
            return
        }
        bytes.append(contentsOf: String(i).utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` quoted and escaped. O(length).
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var str = s
        str.withUTF8 { u in
            var runStart = 0
            var i = 0
            let n = u.count
            while i < n {
                let c = u[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C {
                    i += 1
                    continue
                }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
                switch c {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30,
                                              JSONWriter.hexDigits[Int(c >> 4)], JSONWriter.hexDigits[Int(c & 0xF)]])
                }
                i += 1
                runStart = i
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
