import AnnoCore

/// AK212: a caption that is empty or only white space.
struct EmptyCaption: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK212", name: "empty-caption", defaultSeverity: .warning,
        summary: "A caption is empty.",
        explanation: """
            Fires on each caption annotation whose `caption` is empty or white space, and on each image whose \
            `captions` list holds such a caption (Datumaro's EmptyCaption).

            An empty caption trains a captioning or vision-language model to say nothing and counts as a \
            reference in caption metrics; it is usually an unfinished annotation task.

            Write the caption, or delete the empty entry.
            """)

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for image in context.dataset.images {
            for (k, c) in (image.captions ?? []).enumerated() where Optional(c).isBlank {
                diagnostics.append(Diagnostic(
                    Self.descriptor, "caption \(k + 1) of image \(image.id) is empty",
                    at: image.origin.location, subject: Subject.image(image)))
            }
        }
        for a in context.annotations {
            guard let c = a.caption, Optional(c).isBlank else { continue }
            diagnostics.append(Diagnostic(
                Self.descriptor, "the caption of annotation \(a.id) is empty", at: a.origin.location, subject: Subject.annotation(a)))
        }
    }
}
