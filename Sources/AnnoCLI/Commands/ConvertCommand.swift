import AnnoKit

/// `annokit convert`: between COCO, Pascal VOC and .amsk through the IR, reporting every loss.
enum ConvertCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["convert"],
            abstract: "convert a dataset between formats, reporting every loss",
            positionals: [("DATASET", "The input: a COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                OptionSpec(["--to"], value: "FORMAT", choices: Formats.identifiers, help: "The output format (required)."),
                OptionSpec(["--output", "-o"], value: "PATH", help: "Where to write: a file for coco and amsk, a folder for voc (required). Written atomically: a temporary sibling is renamed into place."),
                CommonOptions.from,
                OptionSpec(["--masks"], value: "MODE", choices: MaskEncoding.allCases.map(\.rawValue), default: "keep",
                           help: "keep: each segmentation stays in its encoding. rle: every mask becomes compressed RLE exactly as pycocotools would make it. polygon: masks become polygons traced along pixel edges (masks with holes stay RLE and are reported)."),
                OptionSpec(["--pretty"], help: "Indent JSON output."),
                OptionSpec(["--loss-report"], value: "FILE", help: "Also write every loss and reader diagnostic as JSON."),
                OptionSpec(["--fail-on-loss"], help: "Exit 1 when anything was lost or could not be converted."),
                CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
            ],
            discussion: """
            Reads DATASET into AnnoKit's representation and writes it in the --to format. Nothing is dropped \
            silently: whatever the target cannot carry (a crowd flag in VOC, an instance hidden under a later \
            one, licences, sub-pixel polygon precision) is reported as a diagnostic with a code, summarised on \
            standard error, and written to --loss-report when given.

            COCO to COCO is lossless: every key and value is kept, unknown keys included, ids are kept, numbers \
            keep their digits and RLE stays in the encoding it was read in, unless --masks asks otherwise.
            """,
            examples: [
                ("annokit convert in.json --to coco --masks rle -o out.json", "Turn every polygon into compressed RLE:"),
                ("annokit convert in.json --to voc -o voc/ --loss-report losses.json --fail-on-loss", "COCO to Pascal VOC, failing if anything is lost:"),
            ],
            exitNotes: ["With --fail-on-loss, exit 1 when any loss was reported."])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let target = try args.required("--to")
        let output = try args.required("--output")
        guard let codec = Formats.named(target) else {
            throw UsageError("unknown format '\(target)'", command: spec.fullName)
        }
        let loaded = try CommonOptions.load(args, console: console)
        var options = WriteOptions()
        options.masks = MaskEncoding(rawValue: args.value("--masks") ?? "keep") ?? .keep
        options.pretty = args.flag("--pretty")
        // `auto` concerns reading; VOC files are written with VOC's own origin, 1.
        if let origin = try CommonOptions.vocOrigin(args) { options.vocOrigin = origin == ReadOptions.detectVOCOrigin ? 1 : origin }
        var losses = Diagnostics()
        try codec.write(loaded.dataset, to: output, options: options, diagnostics: &losses)
        let all = loaded.diagnostics + losses.items
        if !args.flag("--quiet") {
            CommonOptions.printDiagnostics(loaded.diagnostics, console: console)
            console.err(LossSummary.text(losses.items, from: loaded.format.identifier, to: target))
        }
        if let reportPath = args.value("--loss-report") {
            let value = LossSummary.json(input: loaded.path, from: loaded.format.identifier, output: output, to: target, reader: loaded.diagnostics, losses: losses.items)
            try FileIO.writeAtomically(value.serialized(pretty: true) + [0x0A], to: reportPath)
        }
        if args.flag("--fail-on-loss") && !all.isEmpty { return ExitCode.findings }
        return ExitCode.success
    }
}
