import AnnoKit

/// Options and output handling shared by the `annokit masks` commands.
enum MasksCommon {
    /// `--output`, for commands that write a dataset.
    static let output = OptionSpec(["--output", "-o"], value: "PATH",
                                   help: "Where to write the upgraded dataset (required). Written atomically: a temporary sibling is renamed into place, so an interrupted run leaves the old file. May be DATASET itself.")
    /// `--to`.
    static var to: OptionSpec {
        OptionSpec(["--to"], value: "FORMAT", choices: Formats.identifiers, default: "the input's format",
                   help: "The output format.")
    }
    /// `--pretty`.
    static let pretty = OptionSpec(["--pretty"], help: "Indent JSON output.")
    /// `--created`.
    static let created = OptionSpec(["--created"], value: "TIMESTAMP",
                                    help: "Record this ISO 8601 time as provenance.created on every new mask. Without it the field is left out, so the same input always gives the same bytes.")

    /// The `--created` value, checked.
    static func created(_ args: ParsedArguments) throws -> String? {
        guard let value = args.value("--created") else { return nil }
        guard ReviewDecisions.looksLikeTimestamp(value) else {
            throw UsageError("--created takes an ISO 8601 time such as 2024-05-01T12:00:00Z; got '\(value)'", command: args.spec.fullName)
        }
        return value
    }

    /// Writes `dataset` to `--output` in `--to` (default: the input's format) and prints what the codec reports.
    static func write(_ dataset: Dataset, loaded: LoadedDataset, args: ParsedArguments, console: Console) throws {
        let output = try args.required("--output")
        let codec: any DatasetFormat.Type
        if let name = args.value("--to") {
            guard let named = Formats.named(name) else { throw UsageError("unknown format '\(name)'", command: args.spec.fullName) }
            codec = named
        } else {
            codec = loaded.format
        }
        var options = WriteOptions()
        options.pretty = args.flag("--pretty")
        var losses = Diagnostics()
        try codec.write(dataset, to: output, options: options, diagnostics: &losses)
        if !args.flag("--quiet") && !losses.items.isEmpty {
            console.err(LossSummary.text(losses.items, from: loaded.format.identifier, to: codec.identifier))
        }
    }

    /// Loads DATASET and prints its reader diagnostics unless `--quiet`.
    static func load(_ args: ParsedArguments, console: Console) throws -> LoadedDataset {
        let loaded = try CommonOptions.load(args, console: console)
        if !args.flag("--quiet") { CommonOptions.printDiagnostics(loaded.diagnostics, console: console) }
        return loaded
    }

    /// `1 mask` / `2 masks`.
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
