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
        func scan(_ kind: String, _ ids: [(id: ID, location: SourceLocation?)]) {
            var first: [ID: Int] = [:]
            for (i, item) in ids.enumerated() {
                if let f = first[item.id] {
                    diagnostics.append(Diagnostic(
                        Self.descriptor, "\(kind) id \(item.id) is used again (entries \(f + 1) and \(i + 1) of \(kind)s)",
                        at: item.location, subject: "\(kind) \(item.id)"))
                } else {
                    first[item.id] = i
                }
            }
        }
        scan("license", d.licenses.map { ($0.id, $0.origin.location) })
        scan("image", d.images.map { ($0.id, $0.origin.location) })
        scan("category", d.categories.map { ($0.id, $0.origin.location) })
        scan("annotation", d.annotations.filter { !$0.idWasAssigned }.map { ($0.id, $0.origin.location) })
    }
}
