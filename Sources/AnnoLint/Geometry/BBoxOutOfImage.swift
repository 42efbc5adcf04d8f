import AnnoCore

/// AK105: the declared box extends beyond the image.
struct BBoxOutOfImage: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK105", name: "bbox-out-of-image", defaultSeverity: .warning,
        summary: "The bounding box extends beyond the image.",
        explanation: """
            Fires when a box edge lies more than `tolerance` pixels outside the image (left or top edge below \
            −tolerance, right edge beyond the width, bottom edge beyond the height). Images without a known size \
            are skipped (missing-image-size reports them).

            Parts of a box outside the image cannot contain the object; the box was drawn on a differently sized \
            image, or its coordinates were converted with the wrong convention (VOC's 1-based corners, or x/y \
            swapped with w/h).

            Clip the box to the image, or fix the image's `width` and `height` if they are the wrong ones.
            """,
        options: [CheckOption(name: "tolerance", defaultValue: "0.5", summary: "Pixels a box may overhang the image.")])

    static var needsImages: Bool { true }

    let tolerance: Double

    init(options: RuleOptions) throws { tolerance = try options.double("tolerance", default: 0.5) }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        guard let box = BoxMath.usableBox(a), let image = context.image(ofAnnotationAt: index),
              let w = image.width, let h = image.height, w > 0, h > 0 else { return }
        var over: [String] = []
        if box.x < -tolerance { over.append("left edge at \(Text.num(box.x))") }
        if box.y < -tolerance { over.append("top edge at \(Text.num(box.y))") }
        if box.x + box.width > Double(w) + tolerance { over.append("right edge at \(Text.num(box.x + box.width)) > width \(w)") }
        if box.y + box.height > Double(h) + tolerance { over.append("bottom edge at \(Text.num(box.y + box.height)) > height \(h)") }
        guard !over.isEmpty else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor, "bbox \(BoxMath.text(box)) extends beyond the \(w)×\(h) image: \(over.joined(separator: ", "))",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
