import AnnoCore

/// Runs the configured rules over a dataset and assembles a `LintReport`.
public struct Linter: Sendable {
    /// The configuration in force.
    public let configuration: LintConfiguration
    /// The selected rules with their configured severity override (nil = the rule's own severity).
    private let rules: [(rule: any LintRule, level: Severity?)]

    /// Validates the configuration and instantiates every selected rule with its options.
    public init(configuration: LintConfiguration = LintConfiguration()) throws(ConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        var selected: [(rule: any LintRule, level: Severity?)] = []
        for type in Rules.all {
            let d = type.descriptor
            guard configuration.isEnabled(code: d.code, name: d.name) else { continue }
            let options = RuleOptions(configuration.options(code: d.code, name: d.name))
            let instance: any Rule
            do {
                instance = try type.init(options: options)
            } catch {
                let message = (error as? DatasetError)?.message ?? String(describing: error)
                throw .invalidOption(path: configuration.source, code: d.code, message: message)
            }
            guard let rule = instance as? any LintRule else { continue }
            var level: Severity?
            if case .on(let s)? = configuration.level(code: d.code, name: d.name) { level = s }
            selected.append((rule, level))
        }
        self.rules = selected
    }

    /// The descriptors of the rules that will run, sorted by code.
    public var selectedChecks: [CheckDescriptor] { rules.map { type(of: $0.rule).descriptor } }

    /// True when some selected rule reads rasterised masks.
    var needsMasks: Bool { rules.contains { type(of: $0.rule).needsMasks } }

    /// Lints `dataset` (read from `path` as `format`): runs every selected rule, merges the reader's own
    /// diagnostics, applies severity overrides and selection to both, sorts the findings and fills coverage.
    ///
    /// Mask rasterisation and per-annotation rules run in parallel over annotation chunks; whole-dataset rules run
    /// as parallel jobs. Results are merged in a fixed order, so two runs give identical reports.
    public func run(
        on dataset: Dataset, path: String, format: String, extraChecks: [CheckDescriptor] = [],
        readerDiagnostics: [Diagnostic] = []
    ) -> LintReport {
        run(on: dataset, masks: nil, path: path, format: format, extraChecks: extraChecks, readerDiagnostics: readerDiagnostics)
    }

    /// Lints a dataset whose annotations went through `stream` as they were read (the stream's annotations
    /// replace the dataset's): the same report as ``run(on:path:format:extraChecks:readerDiagnostics:)`` on the
    /// dataset read whole, with the masks' facts taken from the stream. Call `stream.finish(images:)` first; the
    /// stream is emptied.
    public func run(
        on dataset: Dataset, stream: LintStream, path: String, format: String, extraChecks: [CheckDescriptor] = [],
        readerDiagnostics: [Diagnostic] = []
    ) -> LintReport {
        var dataset = dataset
        dataset.annotations = stream.takeAnnotations()
        return run(on: dataset, masks: stream.table, path: path, format: format, extraChecks: extraChecks, readerDiagnostics: readerDiagnostics)
    }

    /// The shared body: `masks` is the table built while streaming, or nil to build it here when a rule needs it.
    func run(
        on dataset: Dataset, masks: MaskTable?, path: String, format: String, extraChecks: [CheckDescriptor],
        readerDiagnostics: [Diagnostic]
    ) -> LintReport {
        let base = RuleContext(dataset: dataset)
        let applicable = rules.filter { !(type(of: $0.rule).needsImages && dataset.shape == .resultsList) }
        let needsMasks = applicable.contains { type(of: $0.rule).needsMasks }
        let context = LintContext(base, masks: masks ?? (needsMasks ? MaskTable(base) : MaskTable.empty))

        let perAnnotation = applicable.enumerated().compactMap { i, r in
            (r.rule as? any AnnotationRule).map { (index: i, rule: $0) }
        }
        let whole = applicable.enumerated().filter { !($0.element.rule is any AnnotationRule) }

        // Per-annotation rules: one pass over chunks; each chunk's findings stay in annotation order.
        let annotationFindings: [Diagnostic] = Parallel.map(count: dataset.annotations.count, minimumChunk: 256) { range in
            var out: [Diagnostic] = []
            for a in range {
                for r in perAnnotation { r.rule.check(annotationAt: a, context, into: &out) }
            }
            return out
        }
        // Whole-dataset rules: one job each, results in rule order.
        let wholeFindings = Parallel.jobs(whole.count) { k in
            var out: [Diagnostic] = []
            whole[k].element.rule.run(context, into: &out)
            return out
        }

        var levels: [String: Severity] = [:]
        for r in applicable { if let l = r.level { levels[type(of: r.rule).descriptor.code] = l } }

        var all: [Diagnostic] = []
        for d in readerDiagnostics where configuration.isEnabled(code: d.code, name: d.name) {
            var d = d
            if case .on(let s)? = configuration.level(code: d.code, name: d.name) { d.severity = s }
            all.append(d)
        }
        for var d in annotationFindings + wholeFindings.joined() {
            if let l = levels[d.code] { d.severity = l }
            all.append(d)
        }

        var checks: [String: CheckDescriptor] = [:]
        for r in applicable { let d = type(of: r.rule).descriptor; checks[d.code] = d }
        for d in extraChecks where checks[d.code] == nil { checks[d.code] = d }

        return LintReport(
            dataset: path, format: format, checks: checks.keys.sorted().compactMap { checks[$0] },
            diagnostics: Self.sorted(all), coverage: Coverage(of: dataset))
    }

    /// Sorts findings by file, line, column and code; ties keep their emission order (dataset order).
    /// Findings without a location (dataset-level ones) come first.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if (la == nil) != (lb == nil) { return la == nil }
            let fa = la?.file ?? "", fb = lb?.file ?? ""
            if fa != fb { return fa < fb }
            let lna = la?.line ?? 0, lnb = lb?.line ?? 0
            if lna != lnb { return lna < lnb }
            let ca = la?.column ?? 0, cb = lb?.column ?? 0
            if ca != cb { return ca < cb }
            if a.element.code != b.element.code { return a.element.code < b.element.code }
            return a.offset < b.offset
        }.map(\.element)
    }
}
