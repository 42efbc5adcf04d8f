/// A reviewer's decisions file: `{"version":1,"decisions":[{"annotation_id":17,"status":"approved","note":"..."}]}`.
///
/// Parsing keeps going past bad entries so every problem is reported at once, each with its JSON Pointer and
/// line:column in the file; ``apply(to:options:)`` refuses to change anything while any problem remains.
public struct ReviewDecisions: Hashable, Sendable {
    /// One decision.
    public struct Decision: Hashable, Sendable {
        /// The annotation it is about, as the dataset spells its id (integer or string).
        public var annotationID: ID
        /// `approved`, `rejected` or `needs-fix`.
        public var status: Review.Status
        /// The reviewer's note, if any.
        public var note: String?
        /// Where the decision is in the file.
        public var location: SourceLocation

        /// Creates a decision.
        public init(annotationID: ID, status: Review.Status, note: String? = nil, location: SourceLocation) {
            self.annotationID = annotationID
            self.status = status
            self.note = note
            self.location = location
        }
    }

    /// Something wrong with one entry of the file.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// Where.
        public var location: SourceLocation
        /// What is wrong and what to do.
        public var message: String

        /// `file:line:col (pointer): message`.
        public var description: String { "\(location): \(message)" }
    }

    /// The statuses a decision may set.
    public static let statuses: [Review.Status] = [.approved, .rejected, .needsFix]

    /// The well-formed decisions, in file order.
    public var decisions: [Decision]
    /// The problems found while parsing, in file order.
    public var problems: [Problem]
    /// The file name used in locations.
    public var file: String

    /// Creates decisions directly (problems empty).
    public init(decisions: [Decision], file: String = "") {
        self.decisions = decisions
        self.problems = []
        self.file = file
    }

    /// Parses a decisions file. Entry-level problems (a missing or malformed `annotation_id`, an unknown
    /// `status`, a `note` that is not a string) are collected in `problems`.
    ///
    /// - Throws: `DatasetError` (exit 65) when the bytes are not JSON or the top level is not an object.
    public init(bytes: [UInt8], file: String) throws {
        self.decisions = []
        self.problems = []
        self.file = file
        var reader = JSONReader(bytes: bytes, file: file)
        do {
            try parse(&reader)
        } catch {
            throw DatasetError(
                code: "decisions", message: "the decisions file is not valid JSON: \(error.message); fix it or download it again from the review sheet",
                location: SourceLocation(file: file, pointer: error.pointer, line: error.line, column: error.column), category: .malformedInput)
        }
    }

    /// Reads the whole document, collecting decisions and problems.
    private mutating func parse(_ r: inout JSONReader) throws(JSONError) {
        let rootLocation = location(r, pointer: "")
        guard try r.peek() == .object else {
            problems.append(Problem(location: rootLocation, message: "expected an object {\"version\":1,\"decisions\":[...]}"))
            _ = try r.readValue()
            try r.finish()
            return
        }
        try r.beginObject()
        var sawVersion = false, sawDecisions = false
        while let key = try r.nextKey() {
            let here = location(r, pointer: r.pointer)
            switch key {
            case "version":
                sawVersion = true
                let v = try r.readValue()
                if case .number(let n) = v, n.int == 1 { continue }
                problems.append(Problem(location: here, message: "unsupported version \(Self.show(v)); this annokit reads version 1"))
            case "decisions":
                sawDecisions = true
                guard try r.peek() == .array else {
                    problems.append(Problem(location: here, message: "\"decisions\" must be an array of {\"annotation_id\", \"status\", \"note\"} objects"))
                    try r.skipValue()
                    continue
                }
                try r.beginArray()
                while try r.nextElement() { try parseDecision(&r) }
            default:
                try r.skipValue()
            }
        }
        try r.finish()
        if !sawVersion { problems.append(Problem(location: rootLocation, message: "missing \"version\": 1")) }
        if !sawDecisions { problems.append(Problem(location: rootLocation, message: "missing \"decisions\" array")) }
    }

    /// Reads one element of `decisions`.
    private mutating func parseDecision(_ r: inout JSONReader) throws(JSONError) {
        let entry = location(r, pointer: r.pointer)
        guard try r.peek() == .object else {
            problems.append(Problem(location: entry, message: "a decision must be an object like {\"annotation_id\": 17, \"status\": \"approved\"}"))
            try r.skipValue()
            return
        }
        try r.beginObject()
        var id: ID?, status: Review.Status?, note: String?
        var ok = true
        while let key = try r.nextKey() {
            let here = location(r, pointer: r.pointer)
            let v = try r.readValue()
            switch key {
            case "annotation_id":
                switch v {
                case .number(let n) where n.int != nil && !n.literal.contains(".") && !n.literal.lowercased().contains("e"):
                    id = n.int.map { ID.int($0) }
                case .string(let s):
                    id = .string(s)
                default:
                    ok = false
                    problems.append(Problem(location: here, message: "annotation_id must be an integer or a string, as in the dataset; got \(Self.show(v))"))
                }
            case "status":
                guard case .string(let s) = v, Self.statuses.contains(Review.Status(s)) else {
                    ok = false
                    problems.append(Problem(location: here, message: "unknown status \(Self.show(v)); use \"approved\", \"rejected\" or \"needs-fix\""))
                    continue
                }
                status = Review.Status(s)
            case "note":
                switch v {
                case .string(let s): note = s.isEmpty ? nil : s
                case .null: note = nil
                default:
                    ok = false
                    problems.append(Problem(location: here, message: "note must be a string; got \(Self.show(v))"))
                }
            default:
                continue
            }
        }
        if id == nil && ok { problems.append(Problem(location: entry, message: "missing annotation_id")) }
        if status == nil && ok { problems.append(Problem(location: entry, message: "missing status; use \"approved\", \"rejected\" or \"needs-fix\"")) }
        if let id, let status, ok { decisions.append(Decision(annotationID: id, status: status, note: note, location: entry)) }
    }

    /// The location of the value the reader is at.
    private func location(_ r: JSONReader, pointer: String) -> SourceLocation {
        let at = r.location(at: r.offset)
        return SourceLocation(file: file, pointer: pointer, line: at.line, column: at.column)
    }

    /// A short rendering of a JSON value for messages.
    static func show(_ v: JSONValue) -> String {
        let text = String(decoding: v.serialized(), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
