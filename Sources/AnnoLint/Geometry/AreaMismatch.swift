import AnnoCore
import AnnoMask

/// AK104: the declared `area` disagrees with the mask.
struct AreaMismatch: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK104", name: "area-mismatch", defaultSeverity: .warning,
        summary: "The declared area does not match the mask's area.",
        explanation: """
            Compares the annotation's `area` with the mask's pixel count and, for polygons, with the polygons' \
            geometric (shoelace) area, which is what COCO writes. The rule fires when neither is within \
            `tolerance` (relative) or `min-difference` pixels, whichever is larger. Annotations without a mask or \
            without an `area` are skipped.

            COCO evaluation buckets objects into small, medium and large by `area`; a wrong area moves objects into \
            the wrong bucket and skews APs, APm and APl. An area computed from the box (w × h) is the usual cause.

            Recompute `area` from the mask (pycocotools `mask.area`) or from the polygon.
            """,
        options: [
            CheckOption(name: "tolerance", defaultValue: "0.1", summary: "Accepted relative difference (0.1 = 10%)."),
            CheckOption(name: "min-difference", defaultValue: "2", summary: "Accepted absolute difference in pixels, for small objects."),
        ])

    static var needsMasks: Bool { true }

    let tolerance: Double
    let minDifference: Double

    init(options: RuleOptions) throws {
        tolerance = try options.double("tolerance", default: 0.1)
        minDifference = try options.double("min-difference", default: 2)
    }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard let facts = context.masks.facts(index), !facts.droppedPolygons else { return }
        let a = context.annotations[index]
        guard let declared = a.area?.double, declared.isFinite else { return }
        var candidates = [Double(facts.area)]
        if let p = facts.polygonArea { candidates.append(p) }
        func accepted(_ c: Double) -> Bool { abs(declared - c) <= max(minDifference, tolerance * c) }
        guard !candidates.contains(where: accepted) else { return }
        let pixels = Double(facts.area)
        let relative = pixels > 0 ? abs(declared - pixels) / pixels : 1
        var message = "declared area \(Text.num(declared)) differs from the mask's \(facts.area) px by \(Text.percent(relative))"
        if let p = facts.polygonArea { message += " (polygon area \(Text.num(p)))" }
        message += "; tolerance \(Text.percent(tolerance))"
        diagnostics.append(Diagnostic(Self.descriptor, message, at: a.origin.location, subject: Subject.annotation(a)))
    }
}
