import AnnoKit

/// Options shared by commands that read a dataset.
enum CommonOptions {
    /// `--from`.
    static var from: OptionSpec {
        OptionSpec(["--from"], value: "FORMAT", choices: ["auto"] + Formats.identifiers, default: "auto",
                   help: "The input format. auto detects it: a .json file is COCO, a folder with Annotations/ is Pascal VOC, a file starting with the archive magic is .amsk.")
    }
    /// `--strict`.
    static let strict = OptionSpec(["--strict"], help: "Stop at the first malformed item instead of reporting it and skipping it.")
    /// `--max-file-bytes`.
    static let maxFileBytes = OptionSpec(["--max-file-bytes"], value: "N", default: "4294967296",
                                         help: "Refuse input files larger than N bytes (exit 3).")
    /// `--voc-origin`.
    static let vocOrigin = OptionSpec(["--voc-origin"], value: "N", choices: ["1", "0", "auto"], default: "1",
                                      help: "Pascal VOC box origin: 1 is the VOC convention (the top-left pixel is (1,1)); 0 for tools that write 0-based boxes; auto reads 0-based when some box has xmin or ymin 0 or ends past its image, and says so (writing uses 1).")

    /// The `--voc-origin` value: 1, 0, or `ReadOptions.detectVOCOrigin` for `auto`.
    static func vocOrigin(_ args: ParsedArguments) throws -> Int? {
        guard let text = args.value("--voc-origin") else { return nil }
        return text == "auto" ? ReadOptions.detectVOCOrigin : try args.int("--voc-origin")
    }
    /// `--quiet`.
    static let quiet = OptionSpec(["--quiet", "-q"], help: "Do not print reader diagnostics on standard error.")

    /// Read options from parsed arguments, with a progress callback when standard error is a terminal.
    static func readOptions(_ args: ParsedArguments, console: Console, label: String) throws -> ReadOptions {
        var options = ReadOptions(strict: args.flag("--strict"))
        if let max = try args.int("--max-file-bytes") {
            guard max > 0 else { throw UsageError("--max-file-bytes must be positive", command: args.spec.fullName) }
            options.maxFileBytes = max
        }
        if let origin = try vocOrigin(args) { options.vocOrigin = origin }
        if console.stderrIsTerminal {
            options.progress = { fraction in console.progress(label, fraction: fraction) }
        }
        return options
    }

    /// Loads the dataset named by the first positional argument.
    static func load(_ args: ParsedArguments, console: Console, label: String = "reading") throws -> LoadedDataset {
        let options = try readOptions(args, console: console, label: label)
        let loaded = try AnnoKitIO.load(args.positionals[0], format: args.value("--from") ?? "auto", options: options)
        console.endProgress()
        return loaded
    }

    /// Prints diagnostics compiler-style on standard error (at most `limit`, then a count).
    static func printDiagnostics(_ diagnostics: [Diagnostic], console: Console, limit: Int = 20) {
        for d in diagnostics.prefix(limit) {
            let at = d.location.map { "\($0): " } ?? ""
            console.err("\(at)\(d.severity): \(d.message) [\(d.code) \(d.name)]\n")
        }
        if diagnostics.count > limit {
            console.err("... and \(diagnostics.count - limit) more; run 'annokit lint' for the full list\n")
        }
    }
}
