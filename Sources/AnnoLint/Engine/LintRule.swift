import AnnoCore
import AnnoJSON

/// A built-in rule: a `Rule` that can also run on the shared `LintContext` the `Linter` builds once per run.
protocol LintRule: Rule {
    /// True when the rule needs images and categories, so it is skipped on results lists.
    static var needsImages: Bool { get }
    /// True when the rule reads rasterised masks from the shared mask table.
    static var needsMasks: Bool { get }
    /// Reports findings about the whole dataset.
    func run(_ context: LintContext, into diagnostics: inout [Diagnostic])
}

/// A rule that looks at one annotation at a time, so the `Linter` can run it over chunks in parallel.
protocol AnnotationRule: LintRule {
    /// Reports findings about the annotation at `index` in `context.annotations`.
    func check(annotationAt index: Int, _ context: LintContext, into diagnostics: inout [Diagnostic])
}

extension LintRule {
    static var needsImages: Bool { false }
    static var needsMasks: Bool { false }

    /// Runs the rule on its own, building the shared indexes (and masks, if it needs them) just for this call.
    func check(_ context: RuleContext, into diagnostics: inout Diagnostics) {
        if Self.needsImages && context.dataset.shape == .resultsList { return }
        let lint = LintContext(context, masks: Self.needsMasks ? MaskTable(context) : MaskTable.empty)
        var found: [Diagnostic] = []
        run(lint, into: &found)
        diagnostics.report(contentsOf: found)
    }
}

extension AnnotationRule {
    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        for i in context.annotations.indices { check(annotationAt: i, context, into: &diagnostics) }
    }
}

/// Small text helpers shared by rule messages.
enum Text {
    /// A number for a message: at most two decimals, no trailing zeros (`12.5`, `3`, `0.33`).
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        let rounded = (value * 100).rounded() / 100
        return JSONNumber.canonicalLiteral(rounded == 0 ? 0 : rounded)
    }

    /// A percentage with one decimal (`2.5%`).
    static func percent(_ share: Double) -> String {
        let p = (share * 1000).rounded() / 10
        return JSONNumber.canonicalLiteral(p) + "%"
    }

    /// `[x, y, w, h]` with message-style numbers.
    static func box(_ v: [Double]) -> String { "[" + v.map(num).joined(separator: ", ") + "]" }

    /// `1 image` / `3 images`.
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : (plural ?? noun + "s"))
    }

    /// A list of up to `limit` items, then `and N more`.
    static func list(_ items: [String], limit: Int = 5) -> String {
        if items.count <= limit { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}

extension Annotation {
    /// True when the annotation has a usable mask: RLE data or at least one polygon (COCO writes `[]` for "no mask").
    var hasShape: Bool {
        switch segmentation {
        case .none: return false
        case .polygons(let p): return !p.polygons.isEmpty
        case .rle: return true
        }
    }

    /// True for caption-only records (a caption, no box and no mask), which are not objects.
    var isCaptionOnly: Bool { caption != nil && bbox == nil && !hasShape }
}

/// The subjects findings are about: stable, line-independent names used by baselines.
enum Subject {
    /// `annotation 17`.
    static func annotation(_ a: Annotation) -> String { "annotation \(a.id)" }
    /// `image 3`.
    static func image(_ i: Image) -> String { "image \(i.id)" }
    /// `category 5`.
    static func category(_ id: ID) -> String { "category \(id)" }
    /// `license 2`.
    static func license(_ id: ID) -> String { "license \(id)" }
    /// `dataset`.
    static let dataset = "dataset"
}
