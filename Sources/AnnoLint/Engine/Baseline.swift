import AnnoCore
import Foundation

/// A recorded set of accepted findings: a lint run with a baseline fails only on findings not in it.
///
/// A finding's fingerprint is the FNV-1a 64-bit hash of `code + "\u{0}" + subject`, as 16 lowercase hex digits.
/// Subjects (`annotation 17`, `image 3`, `dataset`) never contain line numbers, so reformatting or reordering the
/// file keeps the baseline valid. Several findings can share a fingerprint; each entry records how many were seen.
public struct Baseline: Hashable, Sendable {
    /// The baseline file format version.
    public static let version = 1
    /// The note prefix that marks a diagnostic matched by a baseline (so it does not fail the run).
    public static let matchedNote = Diagnostic.baselineMatchedNote

    /// The accepted findings, sorted by code, subject and fingerprint.
    public private(set) var entries: [Entry]

    /// One accepted fingerprint.
    public struct Entry: Hashable, Sendable {
        /// The fingerprint (16 hex digits).
        public var fingerprint: String
        /// The code, for people reading the file.
        public var code: String
        /// The subject, for people reading the file.
        public var subject: String
        /// How many findings with this fingerprint were accepted.
        public var count: Int

        /// Creates an entry.
        public init(fingerprint: String, code: String, subject: String, count: Int) {
            self.fingerprint = fingerprint
            self.code = code
            self.subject = subject
            self.count = count
        }
    }

    /// Creates a baseline from entries (merged by fingerprint and sorted).
    public init(entries: [Entry]) {
        var merged: [String: Entry] = [:]
        for e in entries {
            if var m = merged[e.fingerprint] { m.count += e.count; merged[e.fingerprint] = m } else { merged[e.fingerprint] = e }
        }
        self.entries = merged.values.sorted { ($0.code, $0.subject, $0.fingerprint) < ($1.code, $1.subject, $1.fingerprint) }
    }

    /// Records every finding of a report (baseline-matched ones included).
    public init(recording report: LintReport) {
        self.init(entries: report.diagnostics.map {
            Entry(fingerprint: Baseline.fingerprint($0), code: $0.code, subject: $0.subject, count: 1)
        })
    }

    /// The fingerprint of a finding: FNV-1a 64 of code, NUL, subject, as 16 hex digits.
    public static func fingerprint(_ d: Diagnostic) -> String { fingerprint(code: d.code, subject: d.subject) }

    /// The fingerprint of a code and subject.
    public static func fingerprint(code: String, subject: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in code.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash = (hash ^ 0) &* 0x0000_0100_0000_01b3
        for byte in subject.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Marks the findings the baseline accepts (adds the `baseline: matched` note) and lists stale entries
    /// (`CODE subject` for accepted fingerprints no longer found, or found fewer times than recorded).
    public func apply(to report: LintReport) -> LintReport {
        var remaining: [String: Int] = [:]
        for e in entries { remaining[e.fingerprint] = e.count }
        var out = report
        var matched = 0
        for i in out.diagnostics.indices {
            let fp = Baseline.fingerprint(out.diagnostics[i])
            guard let left = remaining[fp], left > 0 else { continue }
            remaining[fp] = left - 1
            if !out.diagnostics[i].notes.contains(where: { $0.hasPrefix(Baseline.matchedNote) }) {
                out.diagnostics[i].notes.append("\(Baseline.matchedNote) \(fp)")
            }
            matched += 1
        }
        let stale = entries.filter { (remaining[$0.fingerprint] ?? 0) > 0 }.map { "\($0.code) \($0.subject)" }
        out.baseline = BaselineSummary(matched: matched, stale: stale)
        return out
    }

    /// The baseline as deterministic JSON text (entries sorted, two-space indent, trailing newline).
    public func encoded() -> String {
        var s = "{\n  \"version\": \(Baseline.version),\n  \"tool\": \"annokit \(AnnoKitVersion.current)\",\n  \"entries\": ["
        for (i, e) in entries.enumerated() {
            s += i == 0 ? "\n" : ",\n"
            s += "    {\"fingerprint\": \(Self.quote(e.fingerprint)), \"code\": \(Self.quote(e.code)), "
            s += "\"subject\": \(Self.quote(e.subject)), \"count\": \(e.count)}"
        }
        s += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return s
    }

    /// Parses a baseline file's JSON text.
    public init(json data: Data, source: String = "baseline") throws(ConfigurationError) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalidBaseline(path: source, message: "not a JSON object")
        }
        guard let v = root["version"] as? Int, v == Baseline.version else {
            throw .invalidBaseline(path: source, message: "'version' must be \(Baseline.version)")
        }
        guard let list = root["entries"] as? [Any] else {
            throw .invalidBaseline(path: source, message: "'entries' must be a list")
        }
        var entries: [Entry] = []
        for item in list {
            guard let o = item as? [String: Any], let fp = o["fingerprint"] as? String else {
                throw .invalidBaseline(path: source, message: "every entry needs a 'fingerprint' string")
            }
            let count = (o["count"] as? Int) ?? 1
            entries.append(Entry(
                fingerprint: fp, code: o["code"] as? String ?? "", subject: o["subject"] as? String ?? "",
                count: max(1, count)))
        }
        self.init(entries: entries)
    }

    /// Reads a baseline file.
    public static func load(from path: String) throws(ConfigurationError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidBaseline(path: path, message: "\(path) could not be read")
        }
        return try Baseline(json: data, source: path)
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

