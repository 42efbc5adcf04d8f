import AnnoCore

/// AK305: one annotator made most of the annotations.
struct AnnotatorImbalance: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK305", name: "annotator-imbalance", defaultSeverity: .info,
        summary: "One annotator made more than the maximum share of the annotations.",
        explanation: """
            Among annotations that record `provenance.annotator`, fires once for the dataset when there are at \
            least two annotators and one of them made more than `max-share` of those annotations.

            Having several annotators helps little if one of them did nearly all the work: the dataset still \
            carries that person's habits, and agreement can only be measured on the small remainder.

            Spread the labelling more evenly, or have others re-label part of the dominant annotator's images.
            """,
        options: [CheckOption(name: "max-share", defaultValue: "0.8", summary: "Largest accepted share of one annotator (0–1).")])

    let maxShare: Double

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws { maxShare = try options.double("max-share", default: 0.8) }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        var counts: [String: Int] = [:]
        for a in context.annotations { if let n = SingleAnnotator.annotator(a) { counts[n, default: 0] += 1 } }
        guard counts.count >= 2 else { return }
        let total = counts.values.reduce(0, +)
        guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return }
        let share = Double(top.value) / Double(total)
        guard share > maxShare else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor,
            "annotator \(top.key) made \(Text.percent(share)) (\(top.value) of \(total)) of the annotations that record an annotator (max \(Text.percent(maxShare)))",
            at: context.dataset.origin.location, subject: Subject.dataset))
    }
}
