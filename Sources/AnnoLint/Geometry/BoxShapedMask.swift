import AnnoCore
import AnnoMask

/// AK103: a mask that is really a rectangle, without saying it was derived from a box.
struct BoxShapedMask: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK103", name: "box-shaped-mask", defaultSeverity: .warning,
        summary: "The mask is a filled rectangle although its provenance does not say it was derived from a box.",
        explanation: """
            Fires when a mask of at least `min-area` pixels fills `fill` (98%) or more of its own tight box, and the \
            annotation's provenance is not `derived-from-bbox`.

            Real objects are rarely rectangles. A rectangular "mask" is almost always a bounding box converted to a \
            mask (Datumaro's `boxes_to_masks` does this silently); passed off as a mask it inflates mask coverage \
            and teaches a segmenter rectangles.

            Replace it with a real outline, or mark it honestly with `"provenance": {"source": "derived-from-bbox"}` \
            and `"review": {"status": "unreviewed"}` until a human draws the outline.
            """,
        options: [
            CheckOption(name: "fill", defaultValue: "0.98", summary: "Share of the tight box the mask must fill to count as box-shaped."),
            CheckOption(name: "min-area", defaultValue: "100", summary: "Smallest mask area in pixels that is checked (small blobs fill their boxes naturally)."),
        ])

    static var needsMasks: Bool { true }

    let fill: Double
    let minArea: Int

    init(options: RuleOptions) throws {
        fill = try options.double("fill", default: 0.98)
        minArea = try options.int("min-area", default: 100)
    }

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        guard let facts = context.masks.facts(index), facts.area >= max(1, minArea) else { return }
        let a = context.annotations[index]
        if a.provenance?.source == .derivedFromBBox { return }
        let boxArea = facts.tightBox.width * facts.tightBox.height
        guard boxArea > 0 else { return }
        let ratio = Double(facts.area) / boxArea
        guard ratio >= fill else { return }
        let w = Text.num(facts.tightBox.width), h = Text.num(facts.tightBox.height)
        diagnostics.append(Diagnostic(
            Self.descriptor,
            "the mask fills \(Text.percent(ratio)) of its \(w)×\(h) px tight box (\(facts.area) px) but its provenance is not derived-from-bbox",
            at: a.origin.location, subject: Subject.annotation(a),
            notes: ["if it was made from the box, say so: \"provenance\": {\"source\": \"derived-from-bbox\"}"]))
    }
}
