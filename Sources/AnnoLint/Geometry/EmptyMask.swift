import AnnoCore

/// AK109: a mask with no pixels.
struct EmptyMask: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK109", name: "empty-mask", defaultSeverity: .warning,
        summary: "The mask has no pixels.",
        explanation: """
            Fires when an annotation's segmentation rasterises or decodes to zero pixels: an RLE with no foreground \
            runs, or polygons too thin to cover any pixel centre. Polygons that are invalid \
            are reported by invalid-polygon instead.

            An object without pixels cannot be matched in evaluation and contributes nothing but noise to training; \
            it is usually a stray click or an object deleted in the editor without deleting its annotation.

            Draw the object's outline, or delete the annotation.
            """)

    static var needsMasks: Bool { true }

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard let facts = context.masks.facts(index), facts.area == 0, !facts.droppedPolygons else { return }
        let a = context.annotations[index]
        let what: String
        switch a.segmentation {
        case .polygons: what = "the polygons cover no pixel centre, so the mask has 0 pixels"
        default: what = "the RLE mask has 0 foreground pixels"
        }
        diagnostics.append(Diagnostic(Self.descriptor, what, at: a.origin.location, subject: Subject.annotation(a)))
    }
}
