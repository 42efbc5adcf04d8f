import AnnoCore

/// AK201: an image without a title.
struct MissingTitle: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK201", name: "missing-title", defaultSeverity: .info,
        summary: "The image has no title.",
        explanation: """
            Fires on each image whose `title` is missing or blank. When no image in the dataset has a title, the \
            dataset is reported once instead.

            A short title makes an image findable and makes reports, review tools and dataset cards readable \
            without opening every file. COCO has no title field; AnnoKit keeps it as an extra `title` key on \
            `images[]`, which pycocotools ignores.

            Add `"title": "..."` to the image.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let images = context.dataset.images
        ImageGaps.report(
            Self.descriptor, context, missing: images.filter { $0.title.isBlank },
            noneMessage: "none of the \(images.count) images has a title",
            message: { "image \($0.id) has no title" }, into: &diagnostics)
    }
}
