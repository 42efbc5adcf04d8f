import AnnoCore

/// AK206: a licence without a name or a url.
struct IncompleteLicense: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK206", name: "incomplete-license", defaultSeverity: .warning,
        summary: "The licence has no name or no url.",
        explanation: """
            Fires on each entry of `licenses` whose `name` or `url` is missing or blank.

            A licence is only useful if people can tell which one it is and read its terms; an empty placeholder \
            (`{"id": 0, "name": "", "url": ""}`, common in exported files) gives neither.

            Fill in the licence's name and a url to its text, or remove the placeholder and the references to it.
            """)

    static var needsImages: Bool { true }

    init(options: RuleOptions) throws {}

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for license in context.dataset.licenses {
            var missing: [String] = []
            if license.name.isBlank { missing.append("name") }
            if license.url.isBlank { missing.append("url") }
            guard !missing.isEmpty else { continue }
            diagnostics.append(Diagnostic(
                Self.descriptor, "licence \(license.id) has no \(missing.joined(separator: " and no "))",
                at: license.origin.location, subject: Subject.license(license.id)))
        }
    }
}
