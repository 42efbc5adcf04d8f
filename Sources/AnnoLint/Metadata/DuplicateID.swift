import AnnoCore

/// AK210: two images, annotations, categories or licences with the same id.
struct DuplicateID: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK210", name: "duplicate-id", defaultSeverity: .error,
        summary: "Two images, annotations, categories or licences share an id.",
        explanation: """
            Fires on every repeated id among `images`, `annotations`, `categories` and `licenses`, at the repeat \
            (the first use is the one references resolve to). Annotation ids that a reader assigned itself, as for \
            results lists, are not checked.

            References by id become ambiguous: pycocotools' index keeps the last image or category with an id and \
            silently loses the others, so annotations end up on the wrong image or class, and evaluation counts \
            the wrong objects.

            Give every image, annotation, category and licence a unique id, and update the references.
            """)

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let d = context.dataset
        func scan(_ kind: String, count: Int, id: (Int) -> ID?, location: (Int) -> SourceLocation?) {
            var first: [ID: Int] = [:]
            first.reserveCapacity(count)
            for i in 0..<count {
                guard let itemID = id(i) else { continue }
                if let f = first[itemID] {
                    diagnostics.append(Diagnostic(
                        Self.descriptor, "\(kind) id \(itemID) is used again (entries \(f + 1) and \(i + 1) of \(kind)s)",
                        at: location(i), subject: "\(kind) \(itemID)"))
                } else {
                    first[itemID] = i
                }
            }
        }
        scan("license", count: d.licenses.count, id: { d.licenses[$0].id }, location: { d.licenses[$0].origin.location })
        scan("image", count: d.images.count, id: { d.images[$0].id }, location: { d.images[$0].origin.location })
        scan("category", count: d.categories.count, id: { d.categories[$0].id }, location: { d.categories[$0].origin.location })
        scan("annotation", count: d.annotations.count,
             id: { d.annotations[$0].idWasAssigned ? nil : d.annotations[$0].id }, location: { d.annotations[$0].origin.location })
    }
}
