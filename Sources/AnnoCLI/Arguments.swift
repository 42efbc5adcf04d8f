/// One option a command accepts.
public struct OptionSpec: Sendable {
    /// Spellings, long first: `["--output", "-o"]`.
    public var names: [String]
    /// The value's placeholder (`FILE`), or nil for a flag that takes no value.
    public var valueName: String?
    /// What it does, one or two sentences.
    public var help: String
    /// The allowed values, when the set is closed (checked by the parser).
    public var choices: [String]?
    /// The default, shown in help.
    public var defaultValue: String?

    /// Creates an option.
    public init(_ names: [String], value: String? = nil, choices: [String]? = nil, default defaultValue: String? = nil, help: String) {
        self.names = names
        self.valueName = value
        self.choices = choices
        self.defaultValue = defaultValue
        self.help = help
    }

    /// The canonical (first) name.
    public var key: String { names[0] }
}

/// A command's interface: enough to parse its arguments and print its manual page.
public struct CommandSpec: Sendable {
    /// The words after `annokit` (`["masks", "from-boxes"]`).
    public var path: [String]
    /// One line.
    public var abstract: String
    /// Positional arguments and their help.
    public var positionals: [(name: String, help: String, optional: Bool)]
    /// The options.
    public var options: [OptionSpec]
    /// Paragraphs of description.
    public var discussion: String
    /// Example invocations with a comment each.
    public var examples: [(command: String, comment: String)]
    /// Extra exit-status lines beyond the common ones.
    public var exitNotes: [String]

    /// Creates a spec.
    public init(
        path: [String], abstract: String, positionals: [(name: String, help: String, optional: Bool)] = [],
        options: [OptionSpec] = [], discussion: String = "", examples: [(command: String, comment: String)] = [],
        exitNotes: [String] = []
    ) {
        self.path = path
        self.abstract = abstract
        self.positionals = positionals
        self.options = options + [OptionSpec(["--help", "-h"], help: "Show this page and exit.")]
        self.discussion = discussion
        self.examples = examples
        self.exitNotes = exitNotes
    }

    /// `annokit masks from-boxes`.
    public var fullName: String { (["annokit"] + path).joined(separator: " ") }
}

/// A command line the user got wrong; printed with a pointer to `--help`, exit code 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to do.
    public var message: String
    /// The command whose help to point to.
    public var command: String

    /// Creates a usage error.
    public init(_ message: String, command: String = "annokit") {
        self.message = message
        self.command = command
    }

    /// The message.
    public var description: String { message }
}

/// Parsed arguments of one command.
public struct ParsedArguments: Sendable {
    /// Positional arguments in order.
    public var positionals: [String] = []
    /// Option values by canonical name, in order given.
    public var values: [String: [String]] = [:]
    /// Flags given.
    public var flags: Set<String> = []
    /// The spec they were parsed with.
    public var spec: CommandSpec

    /// The last value of an option, or nil.
    public func value(_ key: String) -> String? { values[key]?.last }

    /// All values of a repeatable option, each split on commas.
    public func list(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty }
    }

    /// True when the flag was given.
    public func flag(_ key: String) -> Bool { flags.contains(key) }

    /// The value of an option, or throws a usage error naming it.
    public func required(_ key: String) throws -> String {
        guard let v = value(key) else {
            throw UsageError("missing required option \(key)", command: spec.fullName)
        }
        return v
    }

    /// A numeric option value, or throws a usage error.
    public func double(_ key: String) throws -> Double? {
        guard let v = value(key) else { return nil }
        guard let d = Double(v), d.isFinite else {
            throw UsageError("\(key) takes a number, got '\(v)'", command: spec.fullName)
        }
        return d
    }

    /// An integer option value, or throws a usage error.
    public func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = Int(v) else { throw UsageError("\(key) takes a whole number, got '\(v)'", command: spec.fullName) }
        return i
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// Parses `args` against `spec`. Accepts `--name value`, `--name=value`, `-o value`, and `--` to end options.
public func parseArguments(_ args: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var result = ParsedArguments(spec: spec)
    var i = 0
    var optionsEnded = false
    func find(_ name: String) -> OptionSpec? { spec.options.first { $0.names.contains(name) } }
    while i < args.count {
        let arg = args[i]
        i += 1
        if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
            result.positionals.append(arg)
            continue
        }
        if arg == "--" {
            optionsEnded = true
            continue
        }
        var name = arg
        var inline: String?
        if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
            name = String(arg[..<eq])
            inline = String(arg[arg.index(after: eq)...])
        }
        guard let option = find(name) else {
            let known = spec.options.flatMap(\.names)
            let hint = closest(name, in: known).map { "; did you mean \($0)?" } ?? ""
            throw UsageError("unknown option \(name)\(hint)", command: spec.fullName)
        }
        if option.valueName == nil {
            if inline != nil { throw UsageError("\(name) takes no value", command: spec.fullName) }
            result.flags.insert(option.key)
            continue
        }
        let value: String
        if let inline {
            value = inline
        } else {
            guard i < args.count else {
                throw UsageError("\(name) needs a value (\(option.valueName ?? "VALUE"))", command: spec.fullName)
            }
            value = args[i]
            i += 1
        }
        if let choices = option.choices, !choices.contains(value) {
            throw UsageError(
                "\(name) must be one of \(choices.joined(separator: ", ")); got '\(value)'", command: spec.fullName)
        }
        result.values[option.key, default: []].append(value)
    }
    if result.flags.contains("--help") { return result }
    let required = spec.positionals.filter { !$0.optional }.count
    if result.positionals.count < required {
        let missing = spec.positionals[result.positionals.count].name
        throw UsageError("missing \(missing)", command: spec.fullName)
    }
    if result.positionals.count > spec.positionals.count {
        throw UsageError("unexpected argument '\(result.positionals[spec.positionals.count])'", command: spec.fullName)
    }
    return result
}

/// The known name closest to `name` by edit distance, when close enough to be a likely typo.
func closest(_ name: String, in known: [String]) -> String? {
    func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var prev = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var cur = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
    let scored = known.map { ($0, distance(Array(name.utf8), Array($0.utf8))) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    guard let best = scored.first, best.1 <= 2 else { return nil }
    return best.0
}
