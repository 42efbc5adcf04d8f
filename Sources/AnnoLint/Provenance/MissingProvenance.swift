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
        // Index loops, not filtered copies: annotations are large values.
        var objects = 0
        var missing: [Int] = []
        for i in context.annotations.indices {
            guard context.annotations[i].caption == nil || context.annotations[i].bbox != nil || context.annotations[i].hasShape else { continue }
            objects += 1
            if context.annotations[i].provenance?.source == nil { missing.append(i) }
        }
        guard !missing.isEmpty else { return }
        if missing.count == objects && objects > 1 {
            diagnostics.append(Diagnostic(
                Self.descriptor, "none of the \(objects) annotations records its provenance (human, model, derived-from-bbox or imported)",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for i in missing {
            let a = context.annotations[i]
            diagnostics.append(Diagnostic(
                Self.descriptor, "annotation \(a.id) does not record its provenance", at: a.origin.location, subject: Subject.annotation(a)))
        }
    }
}
