import AnnoKit

/// `annokit masks import`: model masks from a COCO results list, matched one to one to box-only annotations.
enum MasksImportCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["masks", "import"],
            abstract: "give box-only annotations the masks of a model's predictions, matched one to one",
            positionals: [("DATASET", "The input: a COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                OptionSpec(["--predictions"], value: "FILE",
                           help: "The model's output as a COCO results list (required): a JSON array of {image_id, category_id, segmentation (RLE or polygons), score}, the shape SAM, Detectron2 and MMDetection pipelines write."),
                MasksCommon.output,
                OptionSpec(["--model"], value: "NAME", help: "The model's name, recorded as provenance.model on every imported mask. Give it: a mask should say which model made it."),
                OptionSpec(["--model-version"], value: "V", help: "The model's version, recorded as provenance.model_version."),
                OptionSpec(["--min-iou"], value: "X", default: "0.5",
                           help: "The smallest IoU between the prediction mask's tight box and the annotation's box that makes a match (0 < X <= 1)."),
                OptionSpec(["--min-score"], value: "S", help: "Ignore predictions scoring below S (and, when given, predictions without a score)."),
                OptionSpec(["--report"], value: "FILE", help: "Also write the matches, unmatched boxes and unused predictions, with ids and reasons, as JSON."),
                MasksCommon.to, CommonOptions.from, MasksCommon.created, MasksCommon.pretty,
                CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
            ],
            discussion: """
            For each image, every annotation that has a box and no mask is paired with every usable prediction \
            of the same category on that image. A pair's score is the IoU of the prediction mask's tight box and \
            the annotation's box. Pairs with IoU at least --min-iou are taken greedily, best IoU first (ties: \
            higher score, then lower annotation id, then earlier prediction), each annotation and each \
            prediction at most once. The result does not depend on file order beyond these tie-breaks.

            A taken mask is stored as compressed RLE. provenance.source becomes model, with --model and \
            --model-version (the annotator is kept); the prediction's confidence goes to the annotation's score \
            field; area becomes the mask's pixel count; review.status is unreviewed. The declared box is kept.

            Predictions are unusable when their image is not in the dataset, they have no or an undecodable mask, \
            their RLE size differs from the image's size, their mask is empty, or their score is below \
            --min-score. Counts of matched, unmatched and unused go to standard error; --report lists each with \
            its reason (no-prediction-on-image, category-mismatch, iou-below-threshold, predictions-taken, ...).
            """,
            examples: [
                ("annokit masks import boxes.json --predictions sam.json --model sam-vit-h --model-version 1.0 -o masks.json --report import.json", "Take SAM's masks where they fit the boxes:"),
                ("annokit masks import boxes.json --predictions preds.json --model maskrcnn --min-iou 0.7 --min-score 0.5 -o masks.json", "Stricter matching:"),
                ("annokit masks import boxes.json --predictions preds.json --model m -o step1.json && annokit masks from-boxes step1.json --shape ellipse -o step2.json", "Derive ellipses for whatever the model missed:"),
            ])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let predictionsPath = try args.required("--predictions")
        _ = try args.required("--output")
        let minIoU = try args.double("--min-iou") ?? 0.5
        guard minIoU > 0 && minIoU <= 1 else { throw UsageError("--min-iou must be above 0 and at most 1; got \(minIoU)", command: spec.fullName) }
        let minScore = try args.double("--min-score")
        let created = try MasksCommon.created(args)
        let loaded = try MasksCommon.load(args, console: console)

        let readOptions = try CommonOptions.readOptions(args, console: console, label: "reading predictions")
        let bytes = try FileIO.read(predictionsPath, limit: readOptions.maxFileBytes)
        var diagnostics = Diagnostics()
        let predictions = try COCO.Reader.read(bytes: bytes, file: predictionsPath, options: readOptions, diagnostics: &diagnostics)
        console.endProgress()
        if !args.flag("--quiet") { CommonOptions.printDiagnostics(diagnostics.items, console: console) }
        if predictions.shape != .resultsList && predictions.annotations.isEmpty {
            throw DatasetError(
                code: "predictions", message: "\(predictionsPath) holds no predictions; expected a COCO results list: [{\"image_id\": 1, \"category_id\": 3, \"segmentation\": {...}, \"score\": 0.9}, ...]",
                location: SourceLocation(file: predictionsPath), category: .malformedInput)
        }
        let model = args.value("--model")
        if model == nil && !args.flag("--quiet") {
            console.err("warning: no --model given; imported masks will say they come from a model without naming it\n")
        }
        let options = MaskUpgrade.ImportOptions(model: model, modelVersion: args.value("--model-version"), minIoU: minIoU, minScore: minScore, created: created)
        let result = MaskUpgrade.importPredictions(predictions.annotations, into: loaded.dataset, options: options)
        try MasksCommon.write(result.dataset, loaded: loaded, args: args, console: console)
        if let reportPath = args.value("--report") {
            let report = result.report(dataset: loaded.path, predictions: predictionsPath, options: options)
            try FileIO.writeAtomically(report.serialized(pretty: true) + [0x0A], to: reportPath)
        }
        console.err("import: \(result.matches.count) of \(MasksCommon.plural(result.boxOnly, "box-only annotation")) took a predicted mask; ")
        console.err("\(result.unmatched.count) unmatched, \(result.unused.count) of \(MasksCommon.plural(result.predictions, "prediction")) unused\n")
        if !args.flag("--quiet") {
            func counts<T: Hashable>(_ reasons: [T], _ name: (T) -> String) -> String {
                var c: [String: Int] = [:]
                for r in reasons { c[name(r), default: 0] += 1 }
                return c.keys.sorted().map { "\($0) \(c[$0] ?? 0)" }.joined(separator: ", ")
            }
            if !result.unmatched.isEmpty { console.err("  unmatched annotations: \(counts(result.unmatched.map(\.reason)) { $0.rawValue })\n") }
            if !result.unused.isEmpty { console.err("  unused predictions: \(counts(result.unused.map(\.reason)) { $0.rawValue })\n") }
            if args.value("--report") == nil && !(result.unmatched.isEmpty && result.unused.isEmpty) {
                console.err("  (--report FILE lists each one with its id and reason)\n")
            }
        }
        return ExitCode.success
    }
}
