import AnnoCore

/// The one sample report every reporter golden renders. It covers the awkward cases on purpose:
/// no location, a file-only location, a line without a column, a JSON Pointer with `~1`, a path with
/// `&<>"'`, spaces and non-ASCII, a message with `%`, line breaks, `::`, `|`, backticks and an escape
/// character, notes, every severity, a code with no descriptor, a check with no findings, a baseline
/// (one matched, one stale entry) and coverage.
enum SampleReport {
    static let parseError = CheckDescriptor(
        code: "AK001", name: "parse-error", defaultSeverity: .error,
        summary: "Part of the dataset could not be read.",
        explanation: "The reader skipped items it could not parse. Fix the file so every item reads.")
    static let bboxMaskMismatch = CheckDescriptor(
        code: "AK101", name: "bbox-mask-mismatch", defaultSeverity: .warning,
        summary: "Bounding box does not match the extent of its mask.",
        explanation: "Detectors learn from the box and segmenters from the <mask>; when the two disagree, one is wrong & \"training\" suffers.")
    static let emptyMask = CheckDescriptor(
        code: "AK102", name: "empty-mask", defaultSeverity: .error,
        summary: "Mask has no foreground pixels.",
        explanation: "An annotation whose mask is empty marks nothing.")
    static let licenceUnclear = CheckDescriptor(
        code: "AK205", name: "licence-unclear", defaultSeverity: .warning,
        summary: "Licence text is not a recognised licence.",
        explanation: "Data needs a clear licence to be shareable.")
    static let unreviewedMachineMask = CheckDescriptor(
        code: "AK301", name: "unreviewed-machine-mask", defaultSeverity: .info,
        summary: "Machine-made mask has not been reviewed by a human.",
        explanation: "Model output is a draft until a human approves it.")
    static let classImbalance = CheckDescriptor(
        code: "AK401", name: "class-imbalance", defaultSeverity: .info,
        summary: "One category dominates the dataset.",
        explanation: "Categories with very few examples train poorly.")

    static let cocoFile = "data/coco/instances_val.json"
    static let awkwardFile = "data/voc/Annotations/Tom & Jerry <\"draft\"> 'v2' ü 猫.xml"

    static var report: LintReport {
        LintReport(
            tool: ToolInfo(name: "annokit", version: "0.1.0", informationURI: "https://github.com/annokit/annokit"),
            dataset: "data/coco/instances_val.json",
            format: "coco",
            checks: [parseError, bboxMaskMismatch, emptyMask, licenceUnclear, unreviewedMachineMask, classImbalance],
            diagnostics: diagnostics,
            coverage: Coverage(objects: 12, withMask: 9, withHumanMask: 5, withApprovedMachineMask: 2, withUnreviewedMachineMask: 2),
            baseline: BaselineSummary(matched: 1, stale: ["data/coco/instances_val.json AK101 annotation 99"]))
    }

    static var diagnostics: [Diagnostic] {
        [
            // No location at all.
            Diagnostic(parseError, "2 annotations could not be read and were skipped.", subject: "dataset"),
            // File only.
            Diagnostic(bboxMaskMismatch, "bbox is off from the mask extent by 3 px horizontally.",
                       at: SourceLocation(file: cocoFile), subject: "annotation 4"),
            // Line without a column.
            Diagnostic(emptyMask, "mask of annotation 5 has no foreground pixels.",
                       at: SourceLocation(file: cocoFile, line: 12), subject: "annotation 5"),
            // Full location with a JSON Pointer containing ~1, and notes.
            Diagnostic(bboxMaskMismatch, "bbox [10, 10, 50, 50] differs from mask extent [12, 10, 48, 50].",
                       at: SourceLocation(file: cocoFile, pointer: "/annotations/3/attributes/a~1b", line: 40, column: 7),
                       subject: "annotation 17",
                       notes: ["Re-derive the box from the mask with `annokit masks fix-boxes`.", "The mask was drawn by a human."]),
            // A path with XML/HTML specials, spaces and non-ASCII; info severity.
            Diagnostic(unreviewedMachineMask, "mask from model sam-vit-h is unreviewed.",
                       at: SourceLocation(file: awkwardFile, pointer: "/annotation/object[2]/bndbox", line: 7, column: 3),
                       subject: "object 2 of Tom & Jerry"),
            // A message with %, CR LF, LF, ::, |, backticks and an ESC control character; error overriding a warning default.
            Diagnostic(code: "AK205", name: "licence-unclear", severity: .error,
                       message: "licence says \"100% CC-BY :: attribution\"\r\nsecond line | with `ticks`\nthird \u{1B}[31mred",
                       location: SourceLocation(file: cocoFile, pointer: "/licenses/0/name", line: 3, column: 15),
                       subject: "licence 0"),
            // Info without location but with a note.
            Diagnostic(unreviewedMachineMask, "3 masks derived from boxes await review.", subject: "image 5",
                       notes: ["Review them with `annokit masks review`."]),
            // A code the report does not declare (no descriptor).
            Diagnostic(code: "AK060", name: "legacy-field", severity: .warning,
                       message: "field \"segmentation_v0\" is obsolete.",
                       location: SourceLocation(file: cocoFile, pointer: "/annotations/8", line: 88, column: 5),
                       subject: "annotation 8"),
        ]
    }

    /// A report with nothing in it, to check every reporter handles emptiness.
    static var empty: LintReport {
        LintReport(tool: ToolInfo(name: "annokit", version: "0.1.0", informationURI: "https://github.com/annokit/annokit"),
                   dataset: "d.json", format: "coco", checks: [], diagnostics: [])
    }

    /// A report with `count` error findings of one check, each on its own line.
    static func errors(_ count: Int) -> LintReport {
        LintReport(
            tool: ToolInfo(name: "annokit", version: "0.1.0", informationURI: "https://github.com/annokit/annokit"),
            dataset: cocoFile, format: "coco", checks: [emptyMask],
            diagnostics: (0..<count).map { $0 + 1 }.map { i in
                Diagnostic(emptyMask, "mask \(i) is empty", at: SourceLocation(file: cocoFile, line: i, column: 1), subject: "annotation \(i)")
            })
    }
}
