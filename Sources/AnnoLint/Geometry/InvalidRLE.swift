import AnnoCore

/// AK113: an RLE segmentation that cannot be decoded.
struct InvalidRLE: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK113", name: "invalid-rle", defaultSeverity: .error,
        summary: "The RLE segmentation cannot be decoded.",
        explanation: """
            Decodes every RLE segmentation and fires when that fails: run lengths that do not add up to \
            height × width, a compressed `counts` string with characters outside pycocotools' alphabet or a \
            negative run, or a size that is not positive. Codecs may already reject such masks on read.

            pycocotools crashes or decodes garbage on these masks, and every rule that needs the mask skips the \
            annotation, so its other problems stay hidden.

            Re-export the mask with a correct encoder (pycocotools `mask.encode` on a Fortran-ordered array).
            """)

    static var needsMasks: Bool { true }

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard case .unreadable(let reason) = context.masks[index] else { return }
        let a = context.annotations[index]
        diagnostics.append(Diagnostic(
            Self.descriptor, "the mask cannot be decoded: \(reason)", at: a.origin.location, subject: Subject.annotation(a)))
    }
}
