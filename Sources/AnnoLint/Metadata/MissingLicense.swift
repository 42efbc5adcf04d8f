import AnnoCore

/// AK204: an image without a licence, or a dataset that declares none.
struct MissingLicense: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK204", name: "missing-license", defaultSeverity: .warning,
        summary: "The image has no licence, or the dataset declares no licences.",
        explanation: """
            Fires once for the dataset when it declares no `licenses` and no image names one, and otherwise on \
            each image without a `license` id. Licence ids that do not resolve are reported by unknown-license.

            Data without a clear licence cannot be shared, published or used commercially with confidence; \
            per-image licences matter because datasets are assembled from sources with different terms.

            Declare the licences in `licenses` (id, name, url) and give every image its `license` id.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let images = context.dataset.images
        guard !images.isEmpty else { return }
        let missing = images.filter { $0.license == nil }
        if context.dataset.licenses.isEmpty && missing.count == images.count {
            diagnostics.append(Diagnostic(
                Self.descriptor, "the dataset declares no licences and none of its \(Text.count(images.count, "image")) names one",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for image in missing {
            diagnostics.append(Diagnostic(
                Self.descriptor, "image \(image.id) has no licence", at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
