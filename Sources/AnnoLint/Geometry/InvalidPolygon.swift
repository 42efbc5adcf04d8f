import AnnoCore

/// AK108: a polygon that cannot be rasterised.
struct InvalidPolygon: AnnotationRule {
    static let descriptor = CheckDescriptor(
        code: "AK108", name: "invalid-polygon", defaultSeverity: .error,
        summary: "A polygon has an odd number of values, fewer than three points, a non-finite coordinate, or no area.",
        explanation: """
            Checks every polygon of a polygon segmentation: the flat `[x1, y1, x2, y2, ...]` list must have an even \
            number of values, at least six (three points), only finite numbers, and a non-zero geometric area \
            (points that are all on one line, or repeated, enclose nothing).

            pycocotools raises on short polygons (a four-value polygon is even taken for a box), and Datumaro \
            rejects them on import; other tools silently drop them, so the object loses part of its shape. The \
            other geometry rules ignore invalid polygons.

            Redraw the polygon, or delete it from the annotation's list if the other polygons already cover the object.
            """)

    init(options: RuleOptions) throws {}

    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let problems = context.masks.polygonProblems(index, in: context)
        guard !problems.isEmpty else { return }
        let a = context.annotations[index]
        diagnostics.append(Diagnostic(
            Self.descriptor, Text.list(problems, limit: 3), at: a.origin.location, subject: Subject.annotation(a)))
    }
}
