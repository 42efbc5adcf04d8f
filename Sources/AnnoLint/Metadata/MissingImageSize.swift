import AnnoCore

/// AK207: an image without a usable width and height.
struct MissingImageSize: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK207", name: "missing-image-size", defaultSeverity: .warning,
        summary: "The image has no width or height, or a size that is not positive.",
        explanation: """
            Fires on each image whose `width` or `height` is missing, zero or negative.

            Polygons cannot be rasterised, masks cannot be checked against their image, and boxes cannot be \
            checked against the image bounds without the image size; pycocotools' `annToRLE` needs it too. \
            kwcoco reports the same gap.

            Read the size from the image file and write `width` and `height`.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for image in context.dataset.images {
            let w = image.width, h = image.height
            if let w, let h, w > 0, h > 0 { continue }
            let text: String
            if w == nil && h == nil { text = "has no width and height" }
            else if w == nil { text = "has no width" }
            else if h == nil { text = "has no height" }
            else { text = "has size \(w ?? 0)×\(h ?? 0); both must be positive" }
            diagnostics.append(Diagnostic(
                Self.descriptor, "image \(image.id) \(text)", at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
