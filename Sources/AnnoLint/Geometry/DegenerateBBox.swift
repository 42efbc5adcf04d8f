import AnnoCore

/// AK106: a box with a non-finite value, or a width or height that is not positive or below one pixel.
struct DegenerateBBox: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK106", name: "degenerate-bbox", defaultSeverity: .error,
        summary: "The bounding box has a non-finite value or no usable width or height.",
        explanation: """
            Fires at error severity when a box value is NaN or infinite, or when the width or height is zero or \
            negative (Datumaro's InvalidValue and NegativeLength); fires at warning severity when the width or \
            height is positive but below one pixel. A severity set in the configuration applies to both cases.

            Training code divides by box sizes and takes logarithms of them; a zero, negative or infinite size \
            produces NaN losses or crashes, and a sub-pixel box is almost always a slip of the mouse.

            Redraw the box, or delete the annotation if there is no object.
            """)

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let a = context.annotations[index]
        guard let v = a.bbox?.doubles else { return }
        // The common case, a sound box, builds no text.
        if v.allSatisfy(\.isFinite) && v[2] >= 1 && v[3] >= 1 { return }
        let text = Text.box(v)
        if !v.allSatisfy(\.isFinite) {
            diagnostics.append(Diagnostic(
                Self.descriptor, "bbox \(text) has a non-finite value", at: a.origin.location, subject: Subject.annotation(a)))
        } else if v[2] <= 0 || v[3] <= 0 {
            diagnostics.append(Diagnostic(
                Self.descriptor, "bbox \(text) has width \(Text.num(v[2])) and height \(Text.num(v[3])); both must be positive",
                at: a.origin.location, subject: Subject.annotation(a)))
        } else if v[2] < 1 || v[3] < 1 {
            var d = Diagnostic(
                Self.descriptor, "bbox \(text) is narrower than one pixel (width \(Text.num(v[2])), height \(Text.num(v[3])))",
                at: a.origin.location, subject: Subject.annotation(a))
            d.severity = .warning
            diagnostics.append(d)
        }
    }
}
