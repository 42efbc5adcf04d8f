import AnnoCore

/// AK302: a model-made or box-derived mask that no human has approved.
struct UnreviewedMachineMask: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK302", name: "unreviewed-machine-mask", defaultSeverity: .warning,
        summary: "A model-made or box-derived mask has not been approved by a human.",
        explanation: """
            Fires on each annotation with a mask whose provenance source is `model` or `derived-from-bbox` and \
            whose review status is missing, `unreviewed`, or a value AnnoKit does not know. Rejected and \
            needs-fix annotations are left to rejected-annotation.

            Model output is a draft. Training on unreviewed model masks teaches the next model the previous one's \
            mistakes, and a box-derived rectangle is not an outline at all. Shipping them as ground truth \
            overstates the dataset's quality.

            Have a human review the mask (`annokit masks review`) and record `"review": {"status": "approved", \
            "reviewer": "..."}`, or fix or reject it.
            """)

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        guard a.hasShape, let p = a.provenance, let source = p.source, source.isMachine else { return }
        switch a.review?.status {
        case .approved?, .rejected?, .needsFix?: return
        default: break
        }
        let who: String
        if source == .model {
            who = "made by model" + (p.model.map { " \($0)" } ?? "") + (p.modelVersion.map { " \($0)" } ?? "")
        } else {
            who = "derived from its bbox"
        }
        let status = a.review?.status.map { "review status \($0)" } ?? "no review"
        diagnostics.append(Diagnostic(
            Self.descriptor, "the mask of annotation \(a.id) was \(who) and has \(status)",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
