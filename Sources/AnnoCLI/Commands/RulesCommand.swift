import AnnoKit

/// `annokit rules`: every check code, or one check's full explanation.
enum RulesCommand: Command {
    static let spec = CommandSpec(
        path: ["rules"],
        abstract: "list every check, or explain one",
        positionals: [("CHECK", "A code (AK101) or name (bbox-mask-mismatch) to explain.", true)],
        options: [OptionSpec(["--format"], value: "FORMAT", choices: ["text", "json"], default: "text", help: "Output format.")],
        discussion: """
        Lists every check AnnoKit can report: the lint rules (AK1xx geometry and masks, AK2xx metadata and \
        licences, AK3xx provenance, review and annotators, AK4xx dataset statistics) and the readers' and \
        converters' own checks (AK0xx). Codes never change meaning. With a CHECK, prints its explanation, \
        options and default severity; the same text is in Specs/checks/.
        """,
        examples: [("annokit rules", "List every check:"), ("annokit rules AK101", "Explain one:")])

    /// Every check: lint rules, then format checks, sorted by code.
    static var allChecks: [CheckDescriptor] {
        var seen = Set<String>()
        return (Rules.descriptors + Formats.checks).filter { seen.insert($0.code).inserted }.sorted { $0.code < $1.code }
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let json = args.value("--format") == "json"
        if let wanted = args.positionals.first {
            guard let check = allChecks.first(where: { $0.code == wanted.uppercased() || $0.name == wanted }) else {
                let hint = closest(wanted, in: allChecks.map(\.name) + allChecks.map(\.code)).map { " Did you mean \($0)?" } ?? ""
                throw UsageError("no check named '\(wanted)'.\(hint) Run 'annokit rules' for the list.", command: spec.fullName)
            }
            if json {
                console.outBytes(describe(check).serialized(pretty: true) + [0x0A])
            } else {
                var s = "\(check.code) \(check.name) (default severity: \(check.defaultSeverity))\n\n\(check.summary)\n\n\(check.explanation)\n"
                if !check.options.isEmpty {
                    s += "\nOptions (set in .annokit.json under \"options\": {\"\(check.code)\": {...}}):\n"
                    for o in check.options { s += "  \(o.name) (default \(o.defaultValue)): \(o.summary)\n" }
                }
                s += "\nSee \(check.specPath).\n"
                console.out(s)
            }
            return ExitCode.success
        }
        if json {
            console.outBytes(JSONValue.array(allChecks.map(describe)).serialized(pretty: true) + [0x0A])
            return ExitCode.success
        }
        var s = ""
        for c in allChecks {
            s += c.code + "  " + c.name.padding(28) + c.defaultSeverity.description.padding(9) + c.summary + "\n"
        }
        console.out(s)
        return ExitCode.success
    }

    static func describe(_ c: CheckDescriptor) -> JSONValue {
        .object([
            JSONMember("code", .string(c.code)),
            JSONMember("name", .string(c.name)),
            JSONMember("defaultSeverity", .string(c.defaultSeverity.description)),
            JSONMember("summary", .string(c.summary)),
            JSONMember("explanation", .string(c.explanation)),
            JSONMember("options", .array(c.options.map {
                .object([JSONMember("name", .string($0.name)), JSONMember("default", .string($0.defaultValue)), JSONMember("summary", .string($0.summary))])
            })),
            JSONMember("spec", .string(c.specPath)),
        ])
    }
}
