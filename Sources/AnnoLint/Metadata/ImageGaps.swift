import AnnoCore

/// Reports images that lack something: per image, or once for the dataset when no image has it.
enum ImageGaps {
    /// Reports `missing` images; when every one of several images is missing it, reports the dataset once
    /// with `noneMessage` instead of flooding the report.
    static func report(
        _ descriptor: CheckDescriptor, _ context: LintContext, missing: [Image], noneMessage: String,
        message: (Image) -> String, into diagnostics: inout [Diagnostic]
    ) {
        guard !missing.isEmpty else { return }
        let total = context.dataset.images.count
        if missing.count == total && total > 1 {
            diagnostics.append(Diagnostic(descriptor, noneMessage, at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for image in missing {
            diagnostics.append(Diagnostic(descriptor, message(image), at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
