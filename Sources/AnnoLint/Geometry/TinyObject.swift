import AnnoCore

/// AK112: an object smaller than a few pixels.
struct TinyObject: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK112", name: "tiny-object", defaultSeverity: .warning,
        summary: "The object covers fewer pixels than the minimum area.",
        explanation: """
            Fires when an object's mask has fewer than `min-area` pixels, or, for objects without a mask, when its \
            box's width × height is below `min-area`. Empty masks and degenerate boxes are left to empty-mask and \
            degenerate-bbox.

            An object of two or three pixels is almost always a stray click; even when real, no annotator can \
            outline it reliably, so it adds label noise.

            Delete the annotation, or mark the region as crowd or ignore if it really holds objects too small to \
            outline.
            """,
        options: [CheckOption(name: "min-area", defaultValue: "4", summary: "Smallest accepted object area in pixels.")])

    static var needsMasks: Bool { true }

    let minArea: Double

    init(options: RuleOptions) throws { minArea = try options.double("min-area", default: 4) }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        let area: Double
        let what: String
        if let f = context.masks.facts(index) {
            guard f.area > 0, !f.droppedPolygons else { return }
            area = Double(f.area)
            what = "mask"
        } else {
            guard case .none = context.masks[index], !a.hasShape, let box = BoxMath.usableBox(a),
                  box.width >= 1, box.height >= 1 else { return }
            area = box.width * box.height
            what = "box"
        }
        guard area < minArea else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor, "the object's \(what) covers only \(Text.num(area)) px (minimum \(Text.num(minArea)) px)",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
