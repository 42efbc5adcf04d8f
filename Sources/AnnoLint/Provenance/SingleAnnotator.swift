import AnnoCore

/// AK304: an image, or the whole dataset, labelled by fewer than N distinct annotators.
struct SingleAnnotator: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK304", name: "single-annotator", defaultSeverity: .info,
        summary: "The dataset or an image was labelled by fewer than the minimum number of annotators.",
        explanation: """
            Counts the distinct `provenance.annotator` values. When the whole dataset has fewer than \
            `min-annotators` (including when no annotation records an annotator), the dataset is reported once. \
            Otherwise each image whose annotations that record an annotator name fewer than `min-annotators` is \
            reported, unless no image reaches the minimum, in which case the dataset is reported once.

            One person's labels carry that person's habits and blind spots, and agreement cannot be measured \
            without a second opinion. Several annotators per image show where the labels are uncertain.

            Have at least `min-annotators` people label (or independently re-label) each image, and record each \
            one in `provenance.annotator`.
            """,
        options: [CheckOption(name: "min-annotators", defaultValue: "2", summary: "Smallest number of distinct annotators expected.")])

    let minimum: Int

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws { minimum = try options.int("min-annotators", default: 2) }

    static func annotator(_ a: Annotation) -> String? {
        guard let name = a.provenance?.annotator, !Optional(name).isBlank else { return nil }
        return name
    }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let annotations = context.annotations
        let all = Set(annotations.compactMap(Self.annotator))
        guard all.count >= minimum else {
            let message: String
            if all.isEmpty {
                message = "no annotation records an annotator, so agreement between annotators cannot be measured"
            } else {
                message = "the dataset was labelled by \(Text.count(all.count, "annotator")) (\(Text.list(all.sorted()))); at least \(minimum) are expected"
            }
            guard !annotations.isEmpty else { return }
            diagnostics.append(Diagnostic(Self.descriptor, message, at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        var short: [(Image, [String])] = []
        var checked = 0
        for image in context.dataset.images {
            let names = Set((context.annotationsByImage[image.id] ?? []).compactMap { Self.annotator(annotations[$0]) })
            guard !names.isEmpty else { continue }
            checked += 1
            if names.count < minimum { short.append((image, names.sorted())) }
        }
        if short.count == checked && checked > 1 {
            diagnostics.append(Diagnostic(
                Self.descriptor, "none of the \(checked) images was labelled by \(minimum) or more annotators; each has one annotator's labels only",
                at: context.dataset.origin.location, subject: Subject.dataset))
            return
        }
        for (image, names) in short {
            diagnostics.append(Diagnostic(
                Self.descriptor,
                "image \(image.id) was labelled by \(Text.count(names.count, "annotator")) (\(Text.list(names))); at least \(minimum) are expected",
                at: image.origin.location, subject: Subject.image(image)))
        }
    }
}
