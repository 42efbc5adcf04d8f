import AnnoCore

/// AK211: an annotation whose image does not exist.
struct DanglingReference: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK211", name: "dangling-reference", defaultSeverity: .error,
        summary: "The annotation refers to an image that does not exist.",
        explanation: """
            Fires on each annotation whose `image_id` matches no entry of `images`. Results lists, which have no \
            images, are skipped.

            An annotation without its image cannot be shown, trained on or evaluated; pycocotools raises a \
            KeyError on it. It usually means images were filtered out or split without filtering their \
            annotations.

            Add the image, correct the `image_id`, or delete the annotation.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        guard context.base.imageIndex[a.imageID] == nil else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor, "annotation \(a.id) refers to image \(a.imageID), which does not exist",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
