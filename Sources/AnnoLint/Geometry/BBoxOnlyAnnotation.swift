import AnnoCore

/// AK111: an object with a box but no mask.
struct BBoxOnlyAnnotation: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK111", name: "bbox-only-annotation", defaultSeverity: .warning,
        summary: "The object has a bounding box but no mask.",
        explanation: """
            Fires on each object that has a `bbox` but no segmentation, when other objects in the dataset do have \
            masks. When no object in the dataset has a mask, the rule reports the dataset once instead of every \
            annotation. Caption records and results lists are skipped.

            Masks beat boxes: a box says where an object is, a mask says which pixels are the object. Boxes \
            include background, overlap their neighbours, and cannot train or evaluate segmentation. A dataset \
            that mixes both usually lost some masks in a conversion.

            Draw a mask for the object, or generate one (`annokit masks from-boxes`, or a model) and mark it with \
            its provenance so a human reviews it.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let annotations = context.annotations
        let boxOnly = annotations.indices.filter { annotations[$0].bbox != nil && !annotations[$0].hasShape }
        guard !boxOnly.isEmpty else { return }
        let objects = annotations.indices.reduce(0) { $0 + (annotations[$1].bbox != nil || annotations[$1].hasShape ? 1 : 0) }
        if boxOnly.count == objects {
            diagnostics.append(Diagnostic(
                Self.descriptor,
                "no object has a mask: all \(Text.count(objects, "annotation")) are boxes only",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for i in boxOnly {
            let a = annotations[i]
            diagnostics.append(Diagnostic(
                Self.descriptor, "annotation \(a.id) has a bbox but no mask", at: a.origin.location, subject: Subject.annotation(a)))
        }
    }
}
