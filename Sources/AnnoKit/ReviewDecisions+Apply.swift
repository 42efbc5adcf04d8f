#if canImport(Glibc)
import Glibc
#endif

extension ReviewDecisions {
    /// Options for recording decisions.
    public struct ApplyOptions: Hashable, Sendable {
        /// Recorded as `review.reviewer`; nil leaves it out.
        public var reviewer: String?
        /// Recorded as `review.reviewed` (ISO 8601).
        public var reviewed: String?
        /// Remove every annotation whose review is `rejected` once the decisions are recorded.
        public var dropRejected: Bool

        /// Creates options.
        public init(reviewer: String? = nil, reviewed: String? = nil, dropRejected: Bool = false) {
            self.reviewer = reviewer
            self.reviewed = reviewed
            self.dropRejected = dropRejected
        }
    }

    /// What `apply` did.
    public struct ApplyResult: Hashable, Sendable {
        /// The dataset with the decisions recorded.
        public var dataset: Dataset
        /// Decisions recorded, by status wire value (`approved`, `rejected`, `needs-fix`).
        public var recorded: [String: Int]
        /// Annotations removed by `dropRejected`.
        public var dropped: Int
    }

    /// Every problem that stops `apply`, in file order: parse problems, decisions naming an id that no
    /// annotation has (or that several share), and repeated ids.
    public func problems(against dataset: Dataset) -> [Problem] {
        var all = problems
        var indices: [ID: Int] = [:]
        for a in dataset.annotations { indices[a.id, default: 0] += 1 }
        var seen: [ID: Decision] = [:]
        var duplicates: [Problem] = []
        for d in decisions {
            switch indices[d.annotationID] ?? 0 {
            case 0:
                var hint = "; check the dataset you exported the sheet from"
                switch d.annotationID {
                case .string(let s): if let i = Int(s), indices[.int(i)] != nil { hint = "; the dataset's id is the integer \(i): write it without quotes" }
                case .int(let i): if indices[.string(String(i))] != nil { hint = "; the dataset's id is the string \"\(i)\": write it in quotes" }
                }
                all.append(Problem(location: d.location, message: "no annotation has id \(d.annotationID.description)\(hint)"))
            case 1:
                break
            case let n:
                all.append(Problem(location: d.location, message: "\(n) annotations share id \(d.annotationID.description); give them unique ids before recording reviews"))
            }
            if let first = seen[d.annotationID] {
                duplicates.append(Problem(
                    location: d.location,
                    message: "a second decision for annotation \(d.annotationID.description) (the first is at \(first.location.pointer ?? "")); keep one"))
            } else {
                seen[d.annotationID] = d
            }
        }
        return (all + duplicates).enumerated().sorted { x, y in
            let a = (x.element.location.line ?? 0, x.element.location.column ?? 0), b = (y.element.location.line ?? 0, y.element.location.column ?? 0)
            return a != b ? a < b : x.offset < y.offset
        }.map(\.element)
    }

    /// Records every decision on its annotation: `review.status`, `review.reviewer`, `review.reviewed`, and the
    /// note as `review.note` (other review keys kept). With `dropRejected`, then removes every annotation whose
    /// review is `rejected`.
    ///
    /// - Throws: `DatasetError` (exit 65) listing every problem (see ``problems(against:)``); nothing is changed.
    public func apply(to dataset: Dataset, options: ApplyOptions = ApplyOptions()) throws -> ApplyResult {
        let found = problems(against: dataset)
        if !found.isEmpty {
            let list = found.map { "  \($0)" }.joined(separator: "\n")
            throw DatasetError(
                code: "decisions",
                message: "\(found.count) problem\(found.count == 1 ? "" : "s") in the decisions file; nothing was written. Fix them and run again:\n\(list)",
                location: SourceLocation(file: file), category: .malformedInput)
        }
        var byID: [ID: Decision] = [:]
        for d in decisions { byID[d.annotationID] = d }
        var out = dataset
        var recorded: [String: Int] = [:]
        for i in out.annotations.indices {
            guard let d = byID[out.annotations[i].id] else { continue }
            var extensions = (out.annotations[i].review?.extensions ?? []).filter { $0.key != "note" }
            if let note = d.note { extensions.append(JSONMember("note", .string(note))) }
            out.annotations[i].review = Review(status: d.status, reviewer: options.reviewer, reviewed: options.reviewed, extensions: extensions)
            recorded[d.status.description, default: 0] += 1
        }
        var dropped = 0
        if options.dropRejected {
            let before = out.annotations.count
            out.annotations.removeAll { $0.review?.status == .rejected }
            dropped = before - out.annotations.count
        }
        return ApplyResult(dataset: out, recorded: recorded, dropped: dropped)
    }

    /// The current time in UTC as ISO 8601 to the second, such as `2024-05-01T12:00:00Z`.
    public static func currentTimestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// True when `text` starts with an ISO 8601 date `YYYY-MM-DD`, optionally followed by `T` and a time.
    public static func looksLikeTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10 else { return false }
        func digit(_ i: Int) -> Bool { b[i] >= 48 && b[i] <= 57 }
        guard (0..<4).allSatisfy(digit), b[4] == 45, digit(5), digit(6), b[7] == 45, digit(8), digit(9) else { return false }
        return b.count == 10 || b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ")
    }
}
