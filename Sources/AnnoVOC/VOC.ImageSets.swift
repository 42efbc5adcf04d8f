import AnnoCore
import AnnoJSON

extension VOC {
    /// The split lists under `ImageSets/<set>/`: `<split>.txt` (one id per line) and per-class
    /// `<class>_<split>.txt` (`<id> <1|0|-1>`; 1 present, −1 absent, 0 only difficult instances).
    public struct ImageSets: Hashable, Sendable {
        /// For each image id, the `(set, split)` pairs it belongs to, in set then split order.
        public var membership: [String: [Membership]]

        /// One `ImageSets/<set>/<split>.txt` membership.
        public struct Membership: Hashable, Sendable {
            /// The set folder: `Main`, `Segmentation`, `Action`, `Layout`, ...
            public var set: String
            /// The split: `train`, `val`, `trainval`, `test`, ...
            public var split: String
        }

        /// Creates an empty membership table.
        public init() { membership = [:] }

        /// Reads every `*.txt` under `folder`'s subfolders, reporting bad lines as AK045.
        public static func read(folder: String, diagnostics: inout Diagnostics) -> ImageSets {
            var result = ImageSets()
            guard let sets = try? FileIO.list(folder) else { return result }
            for set in sets {
                let setPath = FilePath.join(folder, set)
                guard FileIO.isDirectory(setPath), let files = try? FileIO.list(setPath) else { continue }
                var lists: [(name: String, lines: [[Substring]], path: String)] = []
                for file in files where file.hasSuffix(".txt") {
                    let path = FilePath.join(setPath, file)
                    guard let text = try? FileIO.readText(path, limit: 256 << 20) else { continue }
                    var rows: [[Substring]] = []
                    var lineNumber = 0
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                        lineNumber += 1
                        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                        if fields.isEmpty { continue }
                        let okFlag = fields.count == 2 && ["1", "0", "-1"].contains(fields[1])
                        if fields.count > 2 || (fields.count == 2 && !okFlag) {
                            diagnostics.report(Diagnostic(
                                Checks.invalidImageSetLine, "line \(lineNumber) is not `<id>` or `<id> <1|0|-1>`",
                                at: SourceLocation(file: path, line: lineNumber), subject: "ImageSets/\(set)/\(file):\(lineNumber)"))
                            continue
                        }
                        rows.append(fields)
                    }
                    lists.append((String(file.dropLast(4)), rows, path))
                }
                // Plain split lists first: their names tell per-class lists where the class name ends.
                let plain = lists.filter { $0.lines.allSatisfy { $0.count == 1 } }
                let splits = Set(plain.map(\.name))
                for list in plain {
                    for row in list.lines { result.add(String(row[0]), set: set, split: list.name) }
                }
                for list in lists where !list.lines.allSatisfy({ $0.count == 1 }) {
                    let split = splitName(ofClassList: list.name, knownSplits: splits)
                    for row in list.lines { result.add(String(row[0]), set: set, split: split) }
                }
            }
            return result
        }

        /// The split part of `<class>_<split>`: the longest known split suffix, else the text after the last `_`.
        static func splitName(ofClassList name: String, knownSplits: Set<String>) -> String {
            let known = knownSplits.filter { name.hasSuffix("_" + $0) }.max { $0.count < $1.count }
            if let known { return known }
            if let u = name.lastIndex(of: "_") { return String(name[name.index(after: u)...]) }
            return name
        }

        mutating func add(_ id: String, set: String, split: String) {
            let m = Membership(set: set, split: split)
            if membership[id]?.contains(m) == true { return }
            membership[id, default: []].append(m)
        }

        /// The membership of one image as the `voc_imagesets` extension value: `{"Main": ["train"], ...}`.
        public static func json(_ list: [Membership]) -> JSONValue {
            var members: [JSONMember] = []
            for m in list {
                if let i = members.firstIndex(where: { $0.key == m.set }), case .array(var a) = members[i].value {
                    a.append(.string(m.split))
                    members[i].value = .array(a)
                } else {
                    members.append(JSONMember(m.set, .array([.string(m.split)])))
                }
            }
            return .object(members)
        }

        /// The memberships kept in a `voc_imagesets` extension value.
        public static func memberships(from value: JSONValue) -> [Membership] {
            guard case .object(let members) = value else { return [] }
            var out: [Membership] = []
            for m in members {
                guard case .array(let items) = m.value else { continue }
                for case .string(let s) in items { out.append(Membership(set: m.key, split: s)) }
            }
            return out
        }
    }
}
