import AnnoCore

/// AK208: an annotation whose category is not declared.
struct UndeclaredCategory: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK208", name: "undeclared-category", defaultSeverity: .error,
        summary: "The annotation's category is not declared in the dataset's categories.",
        explanation: """
            Fires on each object annotation whose `category_id` matches no entry of `categories`, or that has no \
            category at all. When the dataset declares no categories but its annotations use some, the dataset is \
            reported once instead (Datumaro's MissingLabelCategories). Caption-only records (a caption without box or mask, often with a \
            placeholder `category_id`) and results lists are skipped.

            An object of an unknown class cannot be trained on or evaluated; pycocotools drops it from evaluation \
            without a word, and Datumaro refuses to import the file (UndeclaredLabelError).

            Declare the category in `categories`, or correct the annotation's `category_id`.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let objects = context.annotations.filter { !$0.isCaptionOnly }
        if context.dataset.categories.isEmpty {
            let used = Set(objects.compactMap(\.categoryID))
            if !used.isEmpty {
                diagnostics.append(Diagnostic(
                    Self.descriptor,
                    "the dataset declares no categories, but its annotations use \(Text.count(used.count, "category id", plural: "category ids"))",
                    at: context.dataset.origin.location, subject: Subject.dataset))
            }
            return
        }
        for a in objects {
            if let id = a.categoryID {
                guard context.base.categoryIndex[id] == nil else { continue }
                diagnostics.append(Diagnostic(
                    Self.descriptor, "annotation \(a.id) has category \(id), which is not declared",
                    at: a.origin.location, subject: Subject.annotation(a)))
            } else if a.bbox != nil || a.hasShape {
                diagnostics.append(Diagnostic(
                    Self.descriptor, "annotation \(a.id) has no category", at: a.origin.location, subject: Subject.annotation(a)))
            }
        }
    }
}
