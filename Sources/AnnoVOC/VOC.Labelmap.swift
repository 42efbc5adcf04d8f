import AnnoCore
import AnnoPNG

extension VOC {
    /// CVAT/Datumaro's `labelmap.txt`: one `name:r,g,b:parts:actions` line per class, class index = line position.
    public struct Labelmap: Hashable, Sendable {
        /// One class line.
        public struct Entry: Hashable, Sendable {
            /// The class name.
            public var name: String
            /// Its colour in RGB masks, when given.
            public var color: PNG.RGB?
            /// The parts column, verbatim (comma-separated names).
            public var parts: String
            /// The actions column, verbatim (comma-separated names).
            public var actions: String

            /// Creates an entry.
            public init(name: String, color: PNG.RGB?, parts: String = "", actions: String = "") {
                self.name = name
                self.color = color
                self.parts = parts
                self.actions = actions
            }
        }

        /// The classes in index order.
        public var entries: [Entry]

        /// Creates a label map.
        public init(entries: [Entry]) { self.entries = entries }

        /// Parses the file's text; comment and blank lines are skipped, bad lines reported as AK044 and skipped.
        public static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> Labelmap {
            var entries: [Entry] = []
            var lineNumber = 0
            for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
                let fields = line.split(separator: ":", omittingEmptySubsequences: false)
                let name = String(fields[0])
                var color: PNG.RGB?
                var ok = !name.isEmpty && fields.count <= 4
                if ok, fields.count >= 2, !fields[1].isEmpty {
                    let parts = fields[1].split(separator: ",", omittingEmptySubsequences: false)
                        .map { UInt8($0.trimmingSpaces) }
                    if parts.count == 3, let r = parts[0], let g = parts[1], let b = parts[2] {
                        color = PNG.RGB(r, g, b)
                    } else {
                        ok = false
                    }
                }
                guard ok else {
                    diagnostics.report(Diagnostic(
                        Checks.invalidLabelmap, "labelmap line \(lineNumber) is not `name:r,g,b:parts:actions`: \(line)",
                        at: SourceLocation(file: file, line: lineNumber), subject: "labelmap line \(lineNumber)"))
                    continue
                }
                entries.append(Entry(
                    name: name, color: color, parts: fields.count > 2 ? String(fields[2]) : "",
                    actions: fields.count > 3 ? String(fields[3]) : ""))
            }
            return Labelmap(entries: entries)
        }

        /// The file's text: a header comment, then one line per entry.
        public var text: String {
            var out = "# label:color_rgb:parts:actions\n"
            for e in entries {
                let c = e.color.map { "\($0.r),\($0.g),\($0.b)" } ?? ""
                out += "\(e.name):\(c):\(e.parts):\(e.actions)\n"
            }
            return out
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
