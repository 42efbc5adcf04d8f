import AnnoCore

/// AK401: the most frequent label has far more annotations than the rarest.
struct ImbalancedLabels: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK401", name: "imbalanced-labels", defaultSeverity: .info,
        summary: "The most frequent label has at least `ratio` times as many annotations as the rarest.",
        explanation: """
            Counts annotations per declared category and fires once for the dataset when the largest count divided \
            by the smallest non-zero count reaches `ratio` (Datumaro's ImbalancedLabels, `imbalance_ratio_thr` 50). \
            Unused categories are left to unused-category rather than making the ratio infinite.

            A model sees the rare classes too seldom to learn them, and mean metrics hide how badly it does on \
            them. Real data is often imbalanced by nature, which is why this is information, not a warning.

            Collect or annotate more examples of the rare classes, or plan for the imbalance (resampling, class \
            weights, per-class metrics).
            """,
        options: [CheckOption(name: "ratio", defaultValue: "50", summary: "Smallest max/min count ratio reported.")])

    static var needsImages: Bool { true }

    let ratio: Double

    init(options: RuleOptions) throws { ratio = try options.double("ratio", default: 50) }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let used = LabelCounts.counts(context.dataset).filter { $0.count > 0 }
        guard used.count >= 2,
              let most = used.max(by: { $0.count < $1.count }),
              let least = used.min(by: { $0.count < $1.count }) else { return }
        let r = Double(most.count) / Double(least.count)
        guard r >= ratio else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor,
            "\(LabelCounts.name(most.category)) has \(most.count) annotations and \(LabelCounts.name(least.category)) \(least.count): ratio \(Text.num(r)) ≥ \(Text.num(ratio))",
            at: context.dataset.origin.location, subject: Subject.dataset))
    }
}
