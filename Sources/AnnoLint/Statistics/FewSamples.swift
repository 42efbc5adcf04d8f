import AnnoCore

/// AK402: a label with very few annotations.
struct FewSamples: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK402", name: "few-samples", defaultSeverity: .info,
        summary: "The label has too few annotations to learn or evaluate.",
        explanation: """
            Fires on each declared category with at least one but no more than `threshold` annotations \
            (Datumaro's FewSamplesInLabel, `few_samples_thr` 1). Categories with none are left to unused-category.

            One example is not enough to learn a class or to measure how well a model does on it; per-class AP on \
            a single object is either 0 or 1.

            Annotate more examples of the class, or merge it into a related one.
            """,
        options: [CheckOption(name: "threshold", defaultValue: "1", summary: "Largest annotation count reported.")])

    static var needsImages: Bool { true }

    let threshold: Int

    init(options: RuleOptions) throws { threshold = try options.int("threshold", default: 1) }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for (c, n) in LabelCounts.counts(context.dataset) where n > 0 && n <= threshold {
            diagnostics.append(Diagnostic(
                Self.descriptor, "\(LabelCounts.name(c)) has only \(Text.count(n, "annotation")) (threshold \(threshold))",
                at: c.origin.location, subject: Subject.category(c.id)))
        }
    }
}
