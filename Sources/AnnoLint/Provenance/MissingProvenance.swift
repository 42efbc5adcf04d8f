import AnnoCore

/// AK301: an annotation that does not say who or what made it.
struct MissingProvenance: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK301", name: "missing-provenance", defaultSeverity: .info,
        summary: "The annotation does not record its provenance.",
        explanation: """
            Fires on each object annotation without a `provenance` source (`human`, `model`, `derived-from-bbox` \
            or `imported`). When no annotation in the dataset records one, the dataset is reported once instead. \
            Caption records are skipped.

            Without provenance a model's guess, a rectangle derived from a box and a careful human outline look \
            the same; nobody can tell which masks to trust, which to review, or how much of the dataset is real \
            human work.

            Add `"provenance": {"source": "human", "annotator": "..."}` (or `model` with `model` and \
            `model_version`); `annokit masks` writes it for the masks it makes or imports.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let objects = context.annotations.filter { $0.caption == nil || $0.bbox != nil || $0.hasShape }
        let missing = objects.filter { $0.provenance?.source == nil }
        guard !missing.isEmpty else { return }
        if missing.count == objects.count && objects.count > 1 {
            diagnostics.append(Diagnostic(
                Self.descriptor, "none of the \(objects.count) annotations records its provenance (human, model, derived-from-bbox or imported)",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for a in missing {
            diagnostics.append(Diagnostic(
                Self.descriptor, "annotation \(a.id) does not record its provenance", at: a.origin.location, subject: Subject.annotation(a)))
        }
    }
}
