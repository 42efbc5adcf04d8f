import AnnoKit

/// The short loss summary `convert` prints, and the JSON `--loss-report` writes.
enum LossSummary {
    /// One line per loss code with its count, or a single "nothing lost" line.
    static func text(_ losses: [Diagnostic], from: String, to: String) -> String {
        guard !losses.isEmpty else { return "converted \(from) -> \(to): nothing lost\n" }
        var counts: [String: (name: String, count: Int, example: String)] = [:]
        for d in losses {
            if let c = counts[d.code] { counts[d.code] = (c.name, c.count + 1, c.example) } else { counts[d.code] = (d.name, 1, d.message) }
        }
        var s = "converted \(from) -> \(to) with \(losses.count) reported change\(losses.count == 1 ? "" : "s"):\n"
        for code in counts.keys.sorted() {
            if let c = counts[code] { s += "  \(code) \(c.name) x\(c.count)  e.g. \(c.example)\n" }
        }
        return s
    }

    /// The `--loss-report` document.
    static func json(input: String, from: String, output: String, to: String, reader: [Diagnostic], losses: [Diagnostic]) -> JSONValue {
        func item(_ d: Diagnostic) -> JSONValue {
            var m = [
                JSONMember("code", .string(d.code)), JSONMember("name", .string(d.name)),
                JSONMember("severity", .string(d.severity.description)), JSONMember("message", .string(d.message)),
                JSONMember("subject", .string(d.subject)),
            ]
            if let l = d.location {
                var loc = [JSONMember("file", .string(l.file))]
                if let line = l.line { loc.append(JSONMember("line", .number(JSONNumber(line)))) }
                if let col = l.column { loc.append(JSONMember("column", .number(JSONNumber(col)))) }
                if let p = l.pointer { loc.append(JSONMember("pointer", .string(p))) }
                m.append(JSONMember("location", .object(loc)))
            }
            return .object(m)
        }
        return .object([
            JSONMember("version", .number(JSONNumber(1))),
            JSONMember("input", .object([JSONMember("path", .string(input)), JSONMember("format", .string(from))])),
            JSONMember("output", .object([JSONMember("path", .string(output)), JSONMember("format", .string(to))])),
            JSONMember("lossCount", .number(JSONNumber(losses.count))),
            JSONMember("losses", .array(losses.map(item))),
            JSONMember("readerDiagnostics", .array(reader.map(item))),
        ])
    }
}
