import AnnoCore

/// AK404: an image with no annotations.
struct MissingAnnotation: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK404", name: "missing-annotation", defaultSeverity: .info,
        summary: "The image has no annotations.",
        explanation: """
            Fires on each image that no annotation refers to (Datumaro's MissingAnnotation). When the dataset has \
            images but no annotations at all, as COCO `image_info` files do, the dataset is reported once instead.

            An image without annotations is either a true negative (nothing to label, which is useful but worth \
            knowing) or an image someone forgot; in both cases it trains the model that the image holds no objects.

            Annotate the image's objects, or keep it deliberately as a negative example.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let images = context.dataset.images
        if context.annotations.isEmpty {
            if images.count > 1 {
                diagnostics.append(Diagnostic(
                    Self.descriptor, "the dataset has \(images.count) images and no annotations",
                    at: context.dataset.origin.location, subject: Subject.dataset))
                return
            }
        }
        for image in images where context.annotationsByImage[image.id] == nil {
            diagnostics.append(Diagnostic(
                Self.descriptor, "image \(image.id) has no annotations", at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
