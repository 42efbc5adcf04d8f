import AnnoKit

/// `annokit info`: counts, metadata completeness and mask coverage of a dataset.
enum InfoCommand: Command {
    static let spec = CommandSpec(
        path: ["info"],
        abstract: "print counts, metadata completeness and mask coverage of a dataset",
        positionals: [("DATASET", "A COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
        options: [
            OptionSpec(["--format"], value: "FORMAT", choices: ["text", "json"], default: "text", help: "Output format."),
            CommonOptions.from, CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
        ],
        discussion: """
        Reads the dataset and prints what it holds: images (and how many have a size), annotations by \
        segmentation kind (polygon, RLE, compressed RLE, box only), crowd objects, categories and licences; \
        how complete the image context is (title, description, scene, licence) and how much provenance and \
        review the annotations carry; and mask coverage: the share of objects with any mask, with a human mask, \
        and with a machine mask a human approved.

        Malformed items are reported on standard error and skipped; --strict stops at the first one.
        """,
        examples: [
            ("annokit info Fixtures/coco/real/datumaro/instances_val.json", "Summarise a COCO file:"),
            ("annokit info data/instances.json --format json | jq .coverage", "Machine-readable summary:"),
        ])

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let path = args.positionals[0]
        let options = try CommonOptions.readOptions(args, console: console, label: "reading")
        let (summary, diagnostics, format) = try AnnoKitIO.summarize(path, format: args.value("--from") ?? "auto", options: options)
        console.endProgress()
        if !args.flag("--quiet") { CommonOptions.printDiagnostics(diagnostics, console: console) }
        if args.value("--format") == "json" {
            console.outBytes(summary.json(path: path, format: format.identifier).serialized(pretty: true) + [0x0A])
        } else {
            console.out(summary.text(path: path, format: format.identifier))
        }
        return ExitCode.success
    }
}
