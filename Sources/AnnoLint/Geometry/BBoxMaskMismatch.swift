import AnnoCore
import AnnoMask

/// AK101: the declared box differs from the tight box of the mask by more than a tolerance.
struct BBoxMaskMismatch: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK101", name: "bbox-mask-mismatch", defaultSeverity: .warning,
        summary: "The bounding box does not match the extent of its mask.",
        explanation: """
            Compares each annotation's `bbox` with the tight box around its mask. For polygons the box may match \
            either the polygon's vertex extent (how COCO computes it) or the rasterised mask's pixel extent. The \
            rule fires when no edge-by-edge comparison is within the tolerance.

            Detectors learn from the box and segmenters from the mask; when the two disagree, one of them is wrong, \
            and evaluation by box and by mask will disagree too. Common causes are boxes copied from another object, \
            masks edited without updating the box, and converters that shift one of them by a pixel convention.

            Recompute the box from the mask (for polygons: the min/max of the vertices), or fix the mask if the box \
            is the trusted one.
            """,
        options: [CheckOption(name: "tolerance", defaultValue: "1.0", summary: "Largest edge distance in pixels that is accepted.")])

    static var needsMasks: Bool { true }

    let tolerance: Double

    init(options: RuleOptions) throws { tolerance = try options.double("tolerance", default: 1.0) }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard let facts = context.masks.facts(index), facts.area > 0, !facts.droppedPolygons else { return }
        let a = context.annotations[index]
        guard let box = BoxMath.usableBox(a) else { return }
        let pixelDistance = BoxMath.edgeDistance(box, facts.tightBox)
        var best = pixelDistance
        if let extent = facts.polygonExtent { best = min(best, BoxMath.edgeDistance(box, extent)) }
        guard best > tolerance else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor,
            "bbox \(BoxMath.text(box)) differs from the mask's tight box \(BoxMath.text(facts.tightBox)) by up to \(Text.num(pixelDistance)) px (tolerance \(Text.num(tolerance)) px)",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
