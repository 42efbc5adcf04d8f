import AnnoCore

/// AK203: an image whose scene description lacks viewpoint, lighting or mood.
struct MissingScene: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK203", name: "missing-scene", defaultSeverity: .info,
        summary: "The image's scene description lacks viewpoint, lighting or mood.",
        explanation: """
            Fires on each image whose `scene` is missing or lacks any of `viewpoint`, `lighting` and `mood`; the \
            message names the missing ones. When no image in the dataset has a scene at all, the dataset is \
            reported once instead.

            Viewpoint, lighting and mood explain why a model fails on some images (night, backlight, top-down \
            views) and let a dataset be balanced and sliced by conditions.

            Add `"scene": {"viewpoint": "...", "lighting": "...", "mood": "..."}` to the image (`setting` and \
            `notes` are optional).
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let images = context.dataset.images
        let missing = images.filter { ($0.scene?.missingRequiredFields ?? ["viewpoint"]).isEmpty == false }
        if missing.count == images.count, images.count > 1, images.allSatisfy({ $0.scene == nil }) {
            diagnostics.append(Diagnostic(
                Self.descriptor, "none of the \(images.count) images has a scene description (viewpoint, lighting, mood)",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for image in missing {
            let fields = image.scene?.missingRequiredFields ?? ["viewpoint", "lighting", "mood"]
            let what = image.scene == nil ? "has no scene description" : "has a scene description without"
            diagnostics.append(Diagnostic(
                Self.descriptor, "image \(image.id) \(what) (\(image.scene == nil ? "missing: " : "")\(fields.joined(separator: ", ")))",
                at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
