import AnnoCore

/// AK205: an image whose licence id is not declared.
struct UnknownLicense: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK205", name: "unknown-license", defaultSeverity: .warning,
        summary: "The image's licence id is not declared in the dataset's licences.",
        explanation: """
            Fires on each image whose `license` id matches no entry of the dataset's `licenses`.

            A licence id that resolves to nothing is as good as no licence: nobody can tell under which terms the \
            image may be used. It usually means the `licenses` list was dropped or renumbered by a converter.

            Add the missing licence to `licenses`, or correct the image's `license` id.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for image in context.dataset.images {
            guard let id = image.license, context.licenseIndex[id] == nil else { continue }
            let declared = context.dataset.licenses.map { $0.id.description }
            let hint = declared.isEmpty ? "the dataset declares no licences" : "declared: \(Text.list(declared))"
            diagnostics.append(Diagnostic(
                Self.descriptor, "image \(image.id) refers to licence \(id), which is not declared (\(hint))",
                at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
