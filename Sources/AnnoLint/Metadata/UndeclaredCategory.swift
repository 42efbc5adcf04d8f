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
        let annotations = context.annotations
        if context.dataset.categories.isEmpty {
            var used = Set<ID>()
            for i in annotations.indices where !annotations[i].isCaptionOnly {
                if let c = annotations[i].categoryID { used.insert(c) }
            }
            if !used.isEmpty {
                diagnostics.append(Diagnostic(
                    Self.descriptor,
                    "the dataset declares no categories, but its annotations use \(Text.count(used.count, "category id", plural: "category ids"))",
                    at: context.dataset.origin.location, subject: Subject.dataset))
            }
            return
        }
        for i in annotations.indices where !annotations[i].isCaptionOnly {
            if let id = annotations[i].categoryID {
                guard context.base.categoryIndex[id] == nil else { continue }
                let a = annotations[i]
                diagnostics.append(Diagnostic(
                    Self.descriptor, "annotation \(a.id) has category \(id), which is not declared",
                    at: a.origin.location, subject: Subject.annotation(a)))
            } else if annotations[i].bbox != nil || annotations[i].hasShape {
                let a = annotations[i]
                diagnostics.append(Diagnostic(
                    Self.descriptor, "annotation \(a.id) has no category", at: a.origin.location, subject: Subject.annotation(a)))
            }
        }
    }
}
