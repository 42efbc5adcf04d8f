import AnnoKit

/// `annokit masks from-boxes`: a mask for every box-only annotation, marked as derived and unreviewed.
enum MasksFromBoxesCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["masks", "from-boxes"],
            abstract: "give every box-only annotation a mask derived from its box, marked derived and unreviewed",
            positionals: [("DATASET", "The input: a COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                MasksCommon.output,
                OptionSpec(["--shape"], value: "SHAPE", choices: MaskUpgrade.Shape.allCases.map(\.rawValue), default: "box",
                           help: "box: the box itself, rasterised exactly as pycocotools' frBbox. ellipse: the ellipse inscribed in the box (a pixel is set when its centre lies inside or on it)."),
                MasksCommon.to, CommonOptions.from, MasksCommon.created, MasksCommon.pretty,
                CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
            ],
            discussion: """
            Every annotation that has a box and no mask gets one, stored as compressed RLE of its image's size. \
            The mask says what it is: provenance.source is derived-from-bbox (the annotator is kept, \
            provenance.shape names the shape), review.status is unreviewed, and area becomes the mask's pixel \
            count. The declared box is kept. Masks that already exist are not touched.

            A derived mask is a starting point, not an outline: review it with 'annokit masks review export', \
            or replace it with a model's mask with 'annokit masks import' before deriving the rest.

            Annotations whose image has no width and height, whose box is missing, or whose box would give an \
            empty mask (zero size, outside the image) are skipped and counted. The counts go to standard error. \
            The output is deterministic: the same input and options give the same bytes.
            """,
            examples: [
                ("annokit masks from-boxes boxes.json -o masks.json", "Rectangles, exactly as pycocotools would draw the boxes:"),
                ("annokit masks from-boxes boxes.json --shape ellipse -o masks.json", "Inscribed ellipses, closer to most objects' area:"),
                ("annokit masks from-boxes boxes.json -o masks.json && annokit info masks.json", "Then see the coverage:"),
            ])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        _ = try args.required("--output")
        let created = try MasksCommon.created(args)
        let loaded = try MasksCommon.load(args, console: console)
        let shape = MaskUpgrade.Shape(rawValue: args.value("--shape") ?? "box") ?? .box
        let result = MaskUpgrade.fromBoxes(loaded.dataset, options: .init(shape: shape, created: created))
        try MasksCommon.write(result.dataset, loaded: loaded, args: args, console: console)
        var s = "from-boxes (\(shape.rawValue)): \(MasksCommon.plural(result.converted.count, "mask")) derived, "
        s += "\(result.alreadyMasked) already had masks, \(result.skipped.count) skipped"
        if !result.skipped.isEmpty {
            let parts = [MaskUpgrade.SkipReason.noBox, .noImageSize, .emptyMask].compactMap { r -> String? in
                let n = result.count(r)
                return n == 0 ? nil : "\(n) \(r.rawValue)"
            }
            s += " (\(parts.joined(separator: ", ")))"
        }
        console.err(s + "\n")
        if !args.flag("--quiet") {
            for item in result.skipped.prefix(10) {
                console.err("  skipped annotation \(item.id.description): \(item.reason.rawValue)\n")
            }
            if result.skipped.count > 10 { console.err("  ... and \(result.skipped.count - 10) more\n") }
        }
        return ExitCode.success
    }
}
