import AnnoCore

/// AK303: an annotation a reviewer rejected or sent back, still in the dataset.
struct RejectedAnnotation: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK303", name: "rejected-annotation", defaultSeverity: .warning,
        summary: "A reviewer rejected the annotation or asked for a fix, but it is still in the dataset.",
        explanation: """
            Fires on each annotation whose review status is `rejected` or `needs-fix`.

            A human has already said this annotation is wrong; training or evaluating on it ignores that decision. \
            The review status exists so that exports can filter such annotations out.

            Fix the annotation and review it again, or delete it.
            """)

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        guard let status = a.review?.status, status == .rejected || status == .needsFix else { return }
        let by = a.review?.reviewer.map { " by \($0)" } ?? ""
        let verb = status == .rejected ? "was rejected" : "was marked needs-fix"
        diagnostics.append(Diagnostic(
            Self.descriptor, "annotation \(a.id) \(verb)\(by) but is still in the dataset",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
