import AnnoCore

/// AK107: an RLE mask whose size is not its image's size.
struct MaskSizeMismatch: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK107", name: "mask-size-mismatch", defaultSeverity: .error,
        summary: "The RLE mask's size is not the image's size.",
        explanation: """
            Compares each RLE segmentation's `size` ([height, width]) with its image's `height` and `width`, and \
            an image's ignore region with the image. Images without a known size are skipped.

            pycocotools and every evaluator assume a mask covers its image exactly; a mask of another size decodes \
            to the wrong pixels or fails outright (Datumaro: "Mask does not match image size"). Swapped height and \
            width is the usual cause.

            Re-encode the mask at the image's size, or fix the image's `width` and `height`.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for image in context.dataset.images {
            guard let w = image.width, let h = image.height, w > 0, h > 0 else { continue }
            if let region = image.ignoreRegion, region.height != h || region.width != w {
                diagnostics.append(Diagnostic(
                    Self.descriptor, "ignore region size [\(region.height), \(region.width)] is not the image size [\(h), \(w)]",
                    at: image.origin.location, subject: Subject.image(image)))
            }
            for i in context.annotationsByImage[image.id] ?? [] {
                let a = context.annotations[i]
                guard case .rle(let r) = a.segmentation, r.height != h || r.width != w else { continue }
                let swapped = r.height == w && r.width == h ? " (height and width swapped?)" : ""
                diagnostics.append(Diagnostic(
                    Self.descriptor,
                    "RLE size [\(r.height), \(r.width)] is not the size [\(h), \(w)] of image \(image.id)\(swapped)",
                    at: a.origin.location, subject: Subject.annotation(a)))
            }
        }
    }
}
