import AnnoCore
import AnnoJSON
import Foundation

extension LintConfiguration {
    /// Finds `.annokit.json` in the dataset's directory (the dataset itself when it is a folder) or the
    /// nearest parent directory that has one.
    public static func find(forDataset datasetPath: String) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let absolute = URL(fileURLWithPath: datasetPath).standardizedFileURL
        var dir = (fm.fileExists(atPath: absolute.path, isDirectory: &isDirectory) && isDirectory.boolValue)
            ? absolute : absolute.deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if fm.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { return nil }
            dir = parent
        }
    }

    /// The configuration for a dataset: the explicit file when given, else the nearest `.annokit.json`
    /// upward from the dataset, else the defaults.
    public static func resolve(forDataset datasetPath: String, explicit: String? = nil) throws(ConfigurationError) -> LintConfiguration {
        if let explicit { return try load(from: explicit) }
        if let found = find(forDataset: datasetPath) { return try load(from: found) }
        return LintConfiguration()
    }

    /// Reads and validates a configuration file.
    public static func load(from path: String) throws(ConfigurationError) -> LintConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "\(path) could not be read")
        }
        return try LintConfiguration(json: data, source: path)
    }

    /// Parses a configuration from JSON text (see Specs/checks/README.md for the format) and validates it.
    public init(json data: Data, source: String? = nil) throws(ConfigurationError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed(path: source, message: "not valid JSON")
        }
        guard let root = object as? [String: Any] else {
            throw .malformed(path: source, message: "the top level must be a JSON object")
        }
        self.init(source: source)
        for key in root.keys.sorted() {
            guard Self.fileKeys.contains(key) else { throw .unknownKey(path: source, key: key) }
        }
        if let v = root["version"] {
            guard let n = v as? NSNumber, !Self.isBool(n), n.intValue == 1 else {
                throw .malformed(path: source, message: "'version' must be 1")
            }
        }
        if let v = root["select"] { select = try Self.strings(v, key: "select", source: source) }
        if let v = root["ignore"] { ignore = try Self.strings(v, key: "ignore", source: source) }
        if let v = root["severity"] {
            guard let dict = v as? [String: Any] else {
                throw .malformed(path: source, message: "'severity' must be an object of selector: level")
            }
            for (selector, value) in dict {
                guard let text = value as? String, let level = RuleLevel(name: text) else {
                    throw .invalidSeverity(path: source, selector: selector, value: "\(value)")
                }
                severity[selector] = level
            }
        }
        if let v = root["options"] {
            guard let dict = v as? [String: Any] else {
                throw .malformed(path: source, message: "'options' must be an object of rule: {option: value}")
            }
            for (rule, value) in dict {
                guard let inner = value as? [String: Any] else {
                    throw .malformed(path: source, message: "options for '\(rule)' must be an object")
                }
                var converted: [String: JSONValue] = [:]
                for (k, x) in inner { converted[k] = Self.jsonValue(x) }
                options[rule] = converted
            }
        }
        if let v = root["failOn"] {
            guard let text = v as? String, let parsed = Self.parseFailOn(text) else {
                throw .invalidFailOn(path: source, value: "\(v)")
            }
            failOn = parsed
        }
        try validate()
    }

    private static func strings(_ value: Any, key: String, source: String?) throws(ConfigurationError) -> [String] {
        if let s = value as? String { return [s] }
        guard let array = value as? [Any] else {
            throw .malformed(path: source, message: "'\(key)' must be a list of codes, names or prefixes")
        }
        var out: [String] = []
        for item in array {
            guard let s = item as? String else {
                throw .malformed(path: source, message: "'\(key)' must be a list of strings")
            }
            out.append(s)
        }
        return out
    }

    private static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// Converts a Foundation JSON object into a `JSONValue` (numbers in canonical form).
    static func jsonValue(_ x: Any) -> JSONValue {
        switch x {
        case let n as NSNumber:
            if isBool(n) { return .bool(n.boolValue) }
            let d = n.doubleValue
            return .number(JSONNumber(literal: JSONNumber.canonicalLiteral(d), double: d))
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(jsonValue))
        case let o as [String: Any]: return .object(o.keys.sorted().map { JSONMember($0, jsonValue(o[$0] as Any)) })
        default: return .null
        }
    }
}
