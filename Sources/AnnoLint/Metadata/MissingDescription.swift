import AnnoCore

/// AK202: an image without a description.
struct MissingDescription: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK202", name: "missing-description", defaultSeverity: .info,
        summary: "The image has no description.",
        explanation: """
            Fires on each image whose `description` is missing or blank. When no image in the dataset has a \
            description, the dataset is reported once instead.

            A description of the image and its objects is the context that boxes and masks cannot carry: what is \
            happening, what is unusual, what a reviewer should know. It also serves vision-language training.

            Add `"description": "..."` to the image, describing the image and its objects.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let images = context.dataset.images
        ImageGaps.report(
            Self.descriptor, context, missing: images.filter { $0.description.isBlank },
            noneMessage: "none of the \(images.count) images has a description",
            message: { "image \($0.id) has no description" }, into: &diagnostics)
    }
}
