/// A pull parser over a byte buffer that validates as it goes and knows the byte offset, line:column and
/// JSON Pointer of every value.
///
/// Usage: call `peek()` to learn what comes next, then exactly one of the `read…`, `begin…` or `skipValue()`
/// methods per value; walk objects with `beginObject()` / `nextKey()` and arrays with `beginArray()` /
/// `nextElement()`; end with `finish()`.
///
/// ```swift
/// var r = JSONReader(bytes: bytes, file: "instances.json")
/// try r.beginObject()
/// while let key = try r.nextKey() {
///     if key == "images" { ... } else { try r.skipValue() }
/// }
/// try r.finish()
/// ```
///
/// Guarantees:
/// - Strict RFC 8259: no trailing commas, comments, `NaN`/`Infinity`, leading zeros, `+1`, `.5`, `1.`;
///   strings must be well-formed UTF-8 without raw control characters, and `\u` escapes must pair surrogates.
///   A UTF-8 byte order mark at the very start is accepted and skipped.
/// - Never recurses: nesting is tracked on an explicit stack and limited by `JSONLimits.maxDepth`.
/// - Duplicate keys are collected in `warnings` (or thrown when `JSONLimits.rejectDuplicateKeys` is set),
///   including those inside skipped values.
/// - Every method is O(size of what it consumes); `location(at:)` is O(log lines) after one O(n) index.
/// - After a method throws, the reader's position is unspecified; start again with a new reader.
public struct JSONReader {
    /// Compatibility name for the kind of the next token; see `JSONKind`.
    public typealias Token = JSONKind

    /// One open array or object.
    @usableFromInline
    struct Frame {
        /// Object (true) or array (false).
        @usableFromInline var isObject: Bool
        /// Elements or members begun so far.
        @usableFromInline var count: Int
        /// Offset of the opening quote of the current member's key, or -1 (objects only).
        var keyOffset: Int
        /// Index in `keyEntries` where this object's keys start.
        var keyBase: Int
        /// Index in `keySets` of this object's hash set once it has more than 16 keys, else -1.
        var setIndex: Int
    }

    /// A key seen in an open object: its hash and where it is.
    struct KeyEntry {
        var hash: UInt64
        var offset: Int
    }

    /// Mutable only so a resumed copy can get storage of its own (see `resuming(atArraySeparator:)`).
    var storage: JSONReaderStorage
    @usableFromInline let base: UnsafePointer<UInt8>
    /// Length of the input (the position of the first padding byte).
    let end: Int
    /// Offset of the next byte to look at.
    @usableFromInline var pos: Int
    /// The file name used in errors.
    public let file: String
    /// The limits in force.
    public let limits: JSONLimits
    /// `storage.smallStringsOK`, kept inline for the string fast path.
    let smallStrings: Bool
    /// The innermost open frame (meaningful only when `level > 0`). Kept out of `outer` so the per-element and
    /// per-key bookkeeping is a plain stored-property write, not an array write with a uniqueness check.
    @usableFromInline var top = Frame(isObject: false, count: 0, keyOffset: -1, keyBase: 0, setIndex: -1)
    /// The enclosing frames, outermost first (excluding `top`).
    var outer: [Frame] = []
    /// Number of open containers (`outer.count + 1` when inside one, else 0).
    @usableFromInline var level = 0
    /// Keys of the open objects; only the first `keyCount` entries are live (popping an object just lowers
    /// `keyCount`, and later keys overwrite the dead entries instead of appending).
    var keyEntries: [KeyEntry] = []
    /// Number of live entries in `keyEntries`.
    var keyCount = 0
    var keySets: [Set<UInt64>] = []
    /// Duplicate keys and other legal-but-suspicious findings, in input order.
    public internal(set) var warnings: [JSONWarning] = []

    /// Objects with more keys than this switch from a linear scan of key hashes to a hash set.
    static let linearKeyLimit = 16

    /// Creates a reader over a copy of `bytes`; `file` only labels errors. O(n) for the copy.
    public init(bytes: [UInt8], file: String = "", limits: JSONLimits = .default) {
        self.init(storage: JSONReaderStorage(bytes: bytes), file: file, limits: limits)
    }

    /// Creates a reader that takes ownership of `bytes` instead of copying them: the 16 zero bytes of padding
    /// the scanners need are appended in place, so no second copy of the input is made when `bytes` is uniquely
    /// referenced and has room for them (reserve `count + JSONReader.padding` when filling it, e.g. when reading
    /// a file). Otherwise the append reallocates once, like `init(bytes:)`. Behaves exactly like
    /// `init(bytes:file:limits:)` in every other respect. O(1) with room for the padding, else O(n).
    public init(consuming bytes: consuming [UInt8], file: String = "", limits: JSONLimits = .default) {
        self.init(storage: JSONReaderStorage(consuming: bytes), file: file, limits: limits)
    }

    /// Number of spare bytes `init(consuming:)` appends to the input; reserve this much extra capacity to avoid
    /// a reallocation.
    public static var padding: Int { JSONReaderStorage.padding }

    init(storage s: JSONReaderStorage, file: String, limits: JSONLimits) {
        storage = s
        base = UnsafePointer(s.base)
        end = s.count
        pos = s.bomLength
        self.file = file
        self.limits = limits
        smallStrings = s.smallStringsOK
    }

    /// Parses a whole document into a `JSONValue`, requiring nothing but whitespace after it.
    public static func parse(bytes: [UInt8], file: String = "", limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        var r = JSONReader(bytes: bytes, file: file, limits: limits)
        let v = try r.readValue()
        try r.finish()
        return v
    }

    // MARK: Position and location

    /// Byte offset of the next token (after skipping whitespace), or of the end of input.
    public var offset: Int {
        var p = pos
        while p < end {
            let c = base[p]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { p += 1 } else { break }
        }
        return p
    }

    /// Number of bytes in the input.
    public var count: Int { end }

    /// Current nesting depth (0 at top level).
    public var depth: Int { level }

    /// 1-based line and column of a byte offset; the column counts UTF-8 bytes (a tab is one byte, `é` two),
    /// and a leading BOM does not count. First call O(n), then O(log lines).
    public func location(at offset: Int) -> (line: Int, column: Int) {
        storage.location(at: offset)
    }

    /// RFC 6901 JSON Pointer of the value about to be read or being read (`""` for the root), e.g.
    /// `/annotations/17/bbox/2`; `~` and `/` in keys are written `~0` and `~1`. Built on demand, O(depth + key bytes).
    public var pointer: String { makePointer(includingTop: true) }

    /// The pointer of the innermost open container (without its current member).
    var containerPointer: String { makePointer(includingTop: false) }

    /// Builds the pointer into one byte buffer (a stack buffer when it fits) and makes one String at the end.
    func makePointer(includingTop: Bool) -> String {
        if level == 0 || (level == 1 && !includingTop) { return "" }
        var capacity = 256
        while true {
            let text: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { tmp in
                var sink = ByteSink(start: tmp.baseAddress!, capacity: capacity)
                for f in outer { appendToken(of: f, to: &sink) }
                if includingTop { appendToken(of: top, to: &sink) }
                if sink.overflow { return nil }
                return String(decoding: UnsafeBufferPointer(start: sink.start, count: sink.count), as: UTF8.self)
            }
            if let text { return text }
            capacity *= 4
        }
    }

    /// A bounded byte buffer that notes when more was written than fits.
    struct ByteSink {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0
        var overflow = false

        init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
            self.start = start
            self.capacity = capacity
        }

        @inline(__always)
        mutating func put(_ b: UInt8) {
            if count < capacity {
                start[count] = b
                count += 1
            } else {
                overflow = true
            }
        }
    }

    /// Appends `/token` for frame `f` (nothing for an object outside a member or an array before its first element).
    func appendToken(of f: Frame, to out: inout ByteSink) {
        if f.isObject {
            guard f.keyOffset >= 0 else { return }
            out.put(UInt8(ascii: "/"))
            @inline(__always) func put(_ b: UInt8, _ out: inout ByteSink) {
                if b == UInt8(ascii: "~") {
                    out.put(UInt8(ascii: "~")); out.put(UInt8(ascii: "0"))
                } else if b == UInt8(ascii: "/") {
                    out.put(UInt8(ascii: "~")); out.put(UInt8(ascii: "1"))
                } else {
                    out.put(b)
                }
            }
            let o = f.keyOffset
            guard o < end, base[o] == 0x22, let (close, escaped) = try? scanString(at: o) else { return }
            if escaped {
                for b in decodeEscapedBytes(from: o + 1, to: close) { put(b, &out) }
            } else {
                var p = o + 1
                while p < close {
                    put(base[p], &out)
                    p += 1
                }
            }
        } else if f.count > 0 {
            out.put(UInt8(ascii: "/"))
            let n = f.count - 1
            var div = 1
            while div <= n / 10 { div *= 10 }
            var rest = n
            while div > 0 {
                out.put(UInt8(truncatingIfNeeded: rest / div) &+ 0x30)
                rest %= div
                div /= 10
            }
        }
    }

    /// Escapes `~` as `~0` and `/` as `~1`, per RFC 6901.
    public static func escapePointerToken(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) else { return token }
        var out = ""
        for ch in token.unicodeScalars {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Makes an error of `kind` at `offset`, filling in line, column, pointer and file. Cold.
    @inline(never)
    func error(_ kind: JSONError.Kind, at offset: Int) -> JSONError {
        let (line, column) = storage.location(at: offset)
        return JSONError(kind: kind, offset: offset, line: line, column: column, pointer: pointer, file: file)
    }

    /// The error for byte `c` at `pos` when `expected` was wanted: end of input or an unexpected character. Cold.
    @usableFromInline @inline(never)
    func unexpected(_ c: UInt8, at p: Int, expected: String) -> JSONError {
        if p >= end { return error(.unexpectedEnd, at: end) }
        return error(.unexpectedCharacter(c, expected: expected), at: p)
    }

    // MARK: Whitespace and kinds

    /// Skips JSON whitespace and returns the next byte (0 at the end of input). O(whitespace).
    @inlinable @inline(__always)
    mutating func skipWhitespace() -> UInt8 {
        var p = pos
        var c = base[p]
        while c <= 0x20 {
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                p += 1
                c = base[p]
            } else {
                break
            }
        }
        pos = p
        return c
    }

    /// The kind a value starting with byte `c` would have, or nil if no value starts so.
    @inlinable @inline(__always)
    static func kind(startingWith c: UInt8) -> JSONKind? {
        switch c {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: nil
        }
    }

    /// The kind of the next value, without consuming it. Errors at end of input or on a byte that starts no value.
    /// Inlinable: callers in other modules (the COCO reader peeks before almost every value) skip a call.
    @inlinable
    public mutating func peek() throws(JSONError) -> JSONKind {
        let c = skipWhitespace()
        guard let k = JSONReader.kind(startingWith: c) else { throw unexpected(c, at: pos, expected: "a value") }
        return k
    }

    /// The error for a value of the wrong kind at `pos` (or a syntax error if no value starts there). Cold.
    @inline(never)
    func mismatch(_ c: UInt8, expected: JSONKind) -> JSONError {
        guard let found = JSONReader.kind(startingWith: c) else { return unexpected(c, at: pos, expected: "a value") }
        return error(.typeMismatch(expected: expected, found: found), at: pos)
    }

    // MARK: Containers

    /// Opens a container frame for the bracket at `pos`; errors when that would exceed the depth limit.
    @inline(__always)
    mutating func push(isObject: Bool) throws(JSONError) {
        if level >= limits.maxDepth { throw error(.depthLimitExceeded(limits.maxDepth), at: pos) }
        if level > 0 { outer.append(top) }
        top = Frame(isObject: isObject, count: 0, keyOffset: -1, keyBase: keyCount, setIndex: -1)
        level += 1
    }

    /// Closes the innermost frame and forgets its keys.
    @inline(__always)
    mutating func pop() {
        guard level > 0 else { return }
        if top.isObject {
            keyCount = top.keyBase
            if top.setIndex >= 0 { keySets.removeLast() }
        }
        level -= 1
        if level > 0 { top = outer.removeLast() }
    }

    /// Consumes `{` and enters the object. Errors with `typeMismatch` if the next value is not an object.
    public mutating func beginObject() throws(JSONError) {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "{") else { throw mismatch(c, expected: .object) }
        try push(isObject: true)
        pos += 1
    }

    /// Consumes `[` and enters the array. Errors with `typeMismatch` if the next value is not an array.
    public mutating func beginArray() throws(JSONError) {
        let c = skipWhitespace()
        guard c == UInt8(ascii: "[") else { throw mismatch(c, expected: .array) }
        try push(isObject: false)
        pos += 1
    }

    /// Moves to the next member of the current object and returns its key (the value must be read next),
    /// or consumes `}`, leaves the object and returns nil.
    public mutating func nextKey() throws(JSONError) -> String? {
        guard level > 0, top.isObject else { throw error(.invalidState("nextKey() outside an object"), at: pos) }
        guard try advanceInObject() else { return nil }
        return try readKey(materialize: true)
    }

    /// Moves to the next element of the current array (returns true; the element must be read next), or
    /// consumes `]`, leaves the array and returns false.
    @inlinable
    public mutating func nextElement() throws(JSONError) -> Bool {
        // Inlinable fast path: `,` straight after the previous element, then a byte that starts a value.
        if level > 0 && !top.isObject && top.count > 0 && base[pos] == UInt8(ascii: ",") {
            let c = base[pos &+ 1]
            if c > 0x20 && c != UInt8(ascii: "]") {
                pos &+= 1
                top.count &+= 1
                return true
            }
        }
        return try nextElementSlow()
    }

    /// `nextElement()` in full.
    @usableFromInline
    mutating func nextElementSlow() throws(JSONError) -> Bool {
        guard level > 0, !top.isObject else { throw error(.invalidState("nextElement() outside an array"), at: pos) }
        return try advanceInArray()
    }

    /// In an object: consumes `,` (returning true, positioned at the next key's quote) or `}` (popping,
    /// returning false).
    @inline(__always)
    mutating func advanceInObject() throws(JSONError) -> Bool {
        var c = skipWhitespace()
        if top.count == 0 {
            if c == UInt8(ascii: "}") {
                pos += 1
                pop()
                return false
            }
            guard c == UInt8(ascii: "\"") else { throw unexpected(c, at: pos, expected: "a string key or '}'") }
            return true
        }
        if c == UInt8(ascii: ",") {
            let comma = pos
            pos += 1
            c = skipWhitespace()
            if c == UInt8(ascii: "\"") { return true }
            if c == UInt8(ascii: "}") { throw error(.trailingComma, at: comma) }
            throw unexpected(c, at: pos, expected: "a string key after ','")
        }
        if c == UInt8(ascii: "}") {
            pos += 1
            pop()
            return false
        }
        throw unexpected(c, at: pos, expected: "',' or '}' after object member")
    }

    /// In an array: consumes `,` (returning true, positioned at the next element) or `]` (popping,
    /// returning false).
    @inline(__always)
    mutating func advanceInArray() throws(JSONError) -> Bool {
        var c = skipWhitespace()
        if top.count == 0 {
            if c == UInt8(ascii: "]") {
                pos += 1
                pop()
                return false
            }
            top.count = 1
            return true
        }
        if c == UInt8(ascii: ",") {
            let comma = pos
            pos += 1
            c = skipWhitespace()
            if c == UInt8(ascii: "]") { throw error(.trailingComma, at: comma) }
            top.count += 1
            return true
        }
        if c == UInt8(ascii: "]") {
            pos += 1
            pop()
            return false
        }
        throw unexpected(c, at: pos, expected: "',' or ']' after array element")
    }

    /// Reads the key at `pos` (a `"`), records it for duplicate detection, and consumes the `:` after it.
    /// Returns the key when `materialize` is true (or when it had escapes), else nil.
    @inline(__always)
    mutating func readKey(materialize: Bool) throws(JSONError) -> String? {
        top.count += 1
        top.keyOffset = -1
        let start = pos
        let (close, escaped) = try scanStringInPlace(at: start)
        var key: String?
        let hash: UInt64
        if escaped {
            let k = decodeEscaped(from: start + 1, to: close)
            hash = JSONReader.hash(k)
            key = k
        } else {
            hash = JSONReader.hash(base + start + 1, count: close - start - 1)
            if materialize { key = makeString(start: start + 1, end: close) }
        }
        try finishKey(start: start, close: close, hash: hash)
        return key
    }

    /// After a key whose quotes are at `start` and `close`: records it (for duplicate detection and pointers) and
    /// consumes the `:` that must follow.
    @inline(__always)
    mutating func finishKey(start: Int, close: Int, hash: UInt64) throws(JSONError) {
        pos = close + 1
        top.keyOffset = start
        try noteKey(hash: hash, offset: start)
        let c = skipWhitespace()
        guard c == UInt8(ascii: ":") else { throw unexpected(c, at: pos, expected: "':' after object key") }
        pos += 1
    }

    /// Consumes what remains of the document: only whitespace may follow the top-level value.
    public mutating func finish() throws(JSONError) {
        if level > 0 { throw error(.invalidState("finish() inside an open container"), at: pos) }
        let c = skipWhitespace()
        if pos < end { throw error(.trailingContent, at: pos) }
        _ = c
    }

    /// True when only whitespace remains after the top-level value.
    public mutating func isAtEnd() -> Bool {
        _ = skipWhitespace()
        return pos >= end
    }
}
