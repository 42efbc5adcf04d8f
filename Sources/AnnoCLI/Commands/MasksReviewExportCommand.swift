import AnnoKit

/// `annokit masks review export`: the review sheet, as a self-contained HTML page or as CSV.
enum MasksReviewExportCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["masks", "review", "export"],
            abstract: "write a self-contained review page (or CSV) of every machine-made mask awaiting review",
            positionals: [("DATASET", "The input: a COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                OptionSpec(["--output", "-o"], value: "FILE", help: "Where to write the page (or the CSV) (required). Written atomically."),
                OptionSpec(["--images"], value: "DIR", default: "the dataset's folder, then its images/ and JPEGImages/",
                           help: "Where the images are: each image's file_name is looked up under DIR. Repeat to search several folders in order."),
                OptionSpec(["--csv"], help: "Write the list as CSV (RFC 4180) for spreadsheet reviewers instead of HTML."),
                OptionSpec(["--max-image-bytes"], value: "N", default: "67108864", help: "Do not embed image files larger than N bytes; their masks are shown on grey."),
                CommonOptions.from, CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
            ],
            discussion: """
            A mask awaits review when a machine made it (provenance.source model or derived-from-bbox) and its \
            review.status is neither approved nor rejected. The page has one card per such mask, in dataset \
            order: the image, embedded as it is (a data URI of the original JPEG or PNG), with the mask drawn \
            over it as a semi-transparent PNG in its category's colour and the box outlined; a close-up when the \
            object is small; the category, source, model, version, score and annotation id; approve, reject and \
            needs-fix controls with a note field; a counter of decided cards; and a Download decisions button that \
            saves decisions.json for 'annokit masks review apply'. Decisions are also kept in the browser's local \
            storage, so reloading the page loses nothing.

            The page is one file: no network access (a Content-Security-Policy forbids it), no framework, inline \
            CSS and a little inline script. Where an image file is missing, the mask is drawn alone on a neutral \
            grey field of the image's size. Every string from the dataset is HTML-escaped. The output is \
            deterministic.

            With --csv the same list is written as CSV with empty decision and note columns. Text cells that a \
            spreadsheet would run as formulas get a leading apostrophe.
            """,
            examples: [
                ("annokit masks review export masks.json --images photos/ -o review.html", "Write the page, then open it in any browser:"),
                ("annokit masks review export masks.json --csv -o review.csv", "A list for a spreadsheet:"),
            ])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let output = try args.required("--output")
        let loaded = try MasksCommon.load(args, console: console)
        if args.flag("--csv") {
            try FileIO.writeAtomically(ReviewSheet.csv(loaded.dataset), to: output)
            console.err("review export: \(MasksCommon.plural(ReviewItem.pending(in: loaded.dataset).count, "mask")) awaiting review written to \(output)\n")
            return ExitCode.success
        }
        var options = ReviewSheet.Options(datasetLabel: loaded.path)
        let dirs = args.values["--images"] ?? []
        for dir in dirs where !FileIO.isDirectory(dir) {
            throw DatasetError(code: "input", message: "--images \(dir) is not a folder; check the path", location: SourceLocation(file: dir), category: .inputUnavailable)
        }
        options.imageDirectories = dirs.isEmpty ? ReviewSheet.defaultImageDirectories(datasetPath: loaded.path) : dirs
        if let max = try args.int("--max-image-bytes") {
            guard max > 0 else { throw UsageError("--max-image-bytes must be positive", command: spec.fullName) }
            options.maxImageBytes = max
        }
        let page = ReviewSheet.html(loaded.dataset, options: options)
        try FileIO.writeAtomically(page.html, to: output)
        console.err("review export: \(MasksCommon.plural(page.cards, "mask")) awaiting review, \(MasksCommon.plural(page.embeddedImages, "image")) embedded, \(page.missingImages.count) missing; wrote \(output)\n")
        if !args.flag("--quiet") {
            for line in page.missingImages.prefix(10) { console.err("  \(line)\n") }
            if page.missingImages.count > 10 { console.err("  ... and \(page.missingImages.count - 10) more\n") }
        }
        return ExitCode.success
    }
}
