import AnnoKit

/// `annokit lint`: the CI gate.
enum LintCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["lint"],
            abstract: "check a dataset: boxes against masks, metadata, licences, provenance, review, annotators",
            positionals: [("DATASET", "A COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                OptionSpec(["--format"], value: "FORMAT", choices: Reporters.identifiers, default: "text",
                           help: "Report format: text (compiler style), json (versioned schema), sarif (GitHub code scanning), junit (GitLab, Jenkins), github (workflow annotations), markdown (job summaries)."),
                OptionSpec(["--output", "-o"], value: "FILE", help: "Write the report to FILE (atomically) instead of standard output."),
                OptionSpec(["--config"], value: "FILE", help: "Configuration file. Default: the nearest .annokit.json in the dataset's folder or above."),
                OptionSpec(["--select"], value: "CODES", help: "Run only these checks: codes (AK101), names (bbox-mask-mismatch) or prefixes (AK1), comma-separated. Repeatable."),
                OptionSpec(["--ignore"], value: "CODES", help: "Skip these checks (same forms as --select). Repeatable."),
                OptionSpec(["--fail-on"], value: "LEVEL", choices: ["error", "warning", "info", "never"], default: "error",
                           help: "Exit 1 when a finding at or above LEVEL remains (after the baseline)."),
                OptionSpec(["--baseline"], value: "FILE", help: "Accept the findings recorded in FILE and fail only on new ones. When FILE does not exist it is created from this run. Stale entries are reported."),
                OptionSpec(["--update-baseline"], help: "Rewrite --baseline FILE from this run's findings."),
                CommonOptions.from, CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin,
            ],
            discussion: """
            Reads the dataset, runs every selected check over it, and reports the findings. Reader problems \
            (malformed items, bad RLE strings) are reported with their own AK0xx codes next to the rules' \
            findings. Every finding has a stable code, a severity, a location (file, line:column and JSON \
            Pointer or XML path where known) and a message with the numbers that show the problem.

            The exit status is 1 only when findings at or above --fail-on remain, so the command works as a CI \
            gate. 'annokit rules' lists every check; 'annokit rules AK101' explains one.

            Configuration (.annokit.json): {"select": [...], "ignore": [...], "severity": {"AK111": "off"}, \
            "options": {"AK101": {"tolerance": 2}}, "failOn": "warning"}. Command-line options win.
            """,
            examples: [
                ("annokit lint data/instances.json", "Lint a COCO file, failing on errors:"),
                ("annokit lint data/instances.json --format sarif -o annokit.sarif --fail-on never", "Upload to GitHub code scanning:"),
                ("annokit lint data/ --baseline .annokit-baseline.json --fail-on warning", "Fail only on new warnings:"),
                ("annokit lint data/instances.json --select AK1 --ignore AK111", "Only geometry checks, without bbox-only-annotation:"),
            ],
            exitNotes: ["1 is returned only for findings at or above --fail-on that the baseline does not accept."])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let path = args.positionals[0]
        var configuration = try LintConfiguration.resolve(forDataset: path, explicit: args.value("--config"))
        let select = args.list("--select")
        if !select.isEmpty { configuration.select = select }
        configuration.ignore += args.list("--ignore")
        if let failOn = args.value("--fail-on") {
            configuration.failOn = failOn == "never" ? nil : Severity(name: failOn)
        }
        try configuration.validate()
        let linter = try Linter(configuration: configuration)
        let options = try CommonOptions.readOptions(args, console: console, label: "linting")
        var report = try AnnoKitIO.lint(path, with: linter, format: args.value("--from") ?? "auto", options: options)
        console.endProgress()
        if let baselinePath = args.value("--baseline") {
            if args.flag("--update-baseline") || !FileIO.exists(baselinePath) {
                let baseline = Baseline(recording: report)
                try FileIO.writeAtomically(baseline.encoded(), to: baselinePath)
                console.err("recorded \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") in baseline \(baselinePath)\n")
            }
            report = try Baseline.load(from: baselinePath).apply(to: report)
        } else if args.flag("--update-baseline") {
            throw UsageError("--update-baseline needs --baseline FILE", command: spec.fullName)
        }
        report.failOn = configuration.failOn
        let identifier = args.value("--format") ?? "text"
        guard let reporter = Reporters.named(identifier) else {
            throw UsageError("unknown report format '\(identifier)'", command: spec.fullName)
        }
        let rendered = reporter.render(report)
        if let output = args.value("--output") {
            try FileIO.writeAtomically(rendered, to: output)
        } else {
            console.out(rendered)
        }
        return report.failing(threshold: configuration.failOn).isEmpty ? ExitCode.success : ExitCode.findings
    }
}
