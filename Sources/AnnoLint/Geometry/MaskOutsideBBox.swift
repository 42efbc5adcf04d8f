import AnnoCore
import AnnoMask

/// AK102: too many mask pixels lie outside the declared box.
struct MaskOutsideBBox: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK102", name: "mask-outside-bbox", defaultSeverity: .warning,
        summary: "Part of the mask lies outside the bounding box.",
        explanation: """
            Counts the mask pixels whose centres fall outside the annotation's `bbox` and fires when their share of \
            the mask is above `max-share`.

            Tools that crop masks to boxes (FiftyOne does on import) silently cut these pixels away, and a box that \
            misses part of its object teaches a detector the wrong extent. Unlike bbox-mask-mismatch, this rule \
            measures how much of the object is lost, so a box that is merely a little too large does not fire it.

            Enlarge the box to the mask's extent, or remove stray mask pixels that belong to another object.
            """,
        options: [CheckOption(name: "max-share", defaultValue: "0.02", summary: "Largest accepted share of mask pixels outside the box (0–1).")])

    static var needsMasks: Bool { true }

    let maxShare: Double

    init(options: RuleOptions) throws { maxShare = try options.double("max-share", default: 0.02) }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard let facts = context.masks.facts(index), facts.area > 0, !facts.droppedPolygons else { return }
        let a = context.annotations[index]
        guard let box = BoxMath.usableBox(a) else { return }
        guard let outside = facts.pixelsOutsideBox else { return }
        let share = Double(outside) / Double(facts.area)
        guard share > maxShare else { return }
        diagnostics.append(Diagnostic(
            Self.descriptor,
            "\(Text.percent(share)) of the mask (\(outside) of \(facts.area) px) lies outside bbox \(BoxMath.text(box)) (max \(Text.percent(maxShare)))",
            at: a.origin.location, subject: Subject.annotation(a)))
    }
}
