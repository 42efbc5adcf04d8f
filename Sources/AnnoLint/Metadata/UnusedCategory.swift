import AnnoCore

/// AK209: a category no annotation uses.
struct UnusedCategory: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK209", name: "unused-category", defaultSeverity: .info,
        summary: "No annotation uses the category.",
        explanation: """
            Fires on each declared category that no annotation refers to (Datumaro's LabelDefinedButNotFound). \
            Files with no categorised annotations at all, such as COCO `image_info` files, are skipped.

            An unused category is either a class the data does not cover (the model will never learn it, and \
            per-class metrics show it as missing) or a leftover from a relabelling. Splits of one dataset often \
            lack rare classes, which is why this is information, not a warning.

            Annotate examples of the class, or remove the category if the dataset should not have it.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let used = Set(context.annotations.compactMap(\.categoryID))
        guard !used.isEmpty else { return }
        for c in context.dataset.categories where !used.contains(c.id) {
            diagnostics.append(Diagnostic(
                Self.descriptor, "category \(c.id) (\"\(c.name)\") is declared but no annotation uses it",
                at: c.origin.location, subject: Subject.category(c.id)))
        }
    }
}
