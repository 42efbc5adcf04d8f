/// The result of a lint run: what was checked, what was found, and the dataset's mask coverage.
public struct LintReport: Hashable, Sendable {
    /// The report schema version (see Specs/reports/json.md).
    public static let schemaVersion = 1
    /// The tool name and version that produced the report.
    public var tool: ToolInfo
    /// The dataset path as the user gave it.
    public var dataset: String
    /// The format identifier (`coco`, `voc`, `amsk`).
    public var format: String
    /// The descriptors of every check that ran (rules and the reader's own checks), sorted by code.
    public var checks: [CheckDescriptor]
    /// The findings, in a stable order (file, line, code, subject).
    public var diagnostics: [Diagnostic]
    /// Mask coverage of the dataset.
    public var coverage: Coverage?
    /// Baseline bookkeeping: findings already in the baseline (not failing) and stale baseline entries.
    public var baseline: BaselineSummary?
    /// The gate: findings at or above this severity fail the run (nil: nothing fails). Reporters state the verdict
    /// with it, so it always agrees with the exit code.
    public var failOn: Severity? = .error

    /// Creates a report.
    public init(
        tool: ToolInfo = ToolInfo(), dataset: String, format: String, checks: [CheckDescriptor],
        diagnostics: [Diagnostic], coverage: Coverage? = nil, baseline: BaselineSummary? = nil
    ) {
        self.tool = tool
        self.dataset = dataset
        self.format = format
        self.checks = checks
        self.diagnostics = diagnostics
        self.coverage = coverage
        self.baseline = baseline
    }

    /// The number of findings at each severity.
    public func count(_ severity: Severity) -> Int { diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
}

/// The producing tool.
public struct ToolInfo: Hashable, Sendable {
    /// `annokit`.
    public var name: String
    /// The version string.
    public var version: String
    /// Where its rule documentation lives.
    public var informationURI: String

    /// Creates tool info; defaults describe this build.
    public init(name: String = "annokit", version: String = AnnoKitVersion.current, informationURI: String = "https://github.com/annokit/annokit") {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}

/// The version of this build.
public enum AnnoKitVersion {
    /// The semantic version.
    public static let current = "0.1.0"
}

/// How much of a dataset has real masks, and how much of that a human stands behind.
public struct Coverage: Hashable, Sendable {
    /// Objects counted (annotations that are not captions).
    public var objects: Int
    /// Objects with any mask (polygon or RLE).
    public var withMask: Int
    /// Objects whose mask is human-made (provenance human, or no provenance and not box-shaped-derived).
    public var withHumanMask: Int
    /// Objects whose mask is machine-made (model or derived from a box) and approved by a human.
    public var withApprovedMachineMask: Int
    /// Objects whose mask is machine-made and not approved.
    public var withUnreviewedMachineMask: Int

    /// Creates coverage figures.
    public init(objects: Int, withMask: Int, withHumanMask: Int, withApprovedMachineMask: Int, withUnreviewedMachineMask: Int) {
        self.objects = objects
        self.withMask = withMask
        self.withHumanMask = withHumanMask
        self.withApprovedMachineMask = withApprovedMachineMask
        self.withUnreviewedMachineMask = withUnreviewedMachineMask
    }

    /// Computes coverage over a dataset's annotations. O(annotations).
    public init(of dataset: Dataset) {
        self.init(objects: 0, withMask: 0, withHumanMask: 0, withApprovedMachineMask: 0, withUnreviewedMachineMask: 0)
        for a in dataset.annotations { add(a) }
    }

    /// Counts one more annotation (captions are not objects and are ignored).
    public mutating func add(_ a: Annotation) {
        guard a.caption == nil else { return }
        objects += 1
        guard a.hasMask else { return }
        withMask += 1
        if let source = a.provenance?.source, source.isMachine {
            if a.review?.status == .approved { withApprovedMachineMask += 1 } else { withUnreviewedMachineMask += 1 }
        } else {
            withHumanMask += 1
        }
    }

    /// `part / objects` as a fraction, 0 when there are no objects.
    public func share(_ part: Int) -> Double { objects == 0 ? 0 : Double(part) / Double(objects) }
}

/// What a baseline did to a lint run.
public struct BaselineSummary: Hashable, Sendable {
    /// Findings matched by the baseline (reported but not failing).
    public var matched: Int
    /// Baseline entries no longer found (stale: remove them with `--update-baseline`).
    public var stale: [String]

    /// Creates a summary.
    public init(matched: Int, stale: [String]) {
        self.matched = matched
        self.stale = stale
    }
}
