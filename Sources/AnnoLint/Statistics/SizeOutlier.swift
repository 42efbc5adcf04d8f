import AnnoCore
import Foundation

/// AK403: an object whose area is far from its label's mean.
struct SizeOutlier: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK403", name: "size-outlier", defaultSeverity: .warning,
        summary: "The object's area is far from the mean area of its label.",
        explanation: """
            For each category, computes the mean and population standard deviation of its objects' areas (the \
            mask's pixel count, or the box's width × height when there is no mask) and fires on each object whose \
            area lies more than `sigma` standard deviations from the mean (Datumaro's FarFromLabelMean, \
            `far_from_mean_thr` 5). By default the statistics are taken on the logarithm of the area, because \
            object sizes spread over orders of magnitude and a linear 5σ flags ordinary large objects; set \
            `log-scale` to 0 for Datumaro's linear behaviour.

            An object many times larger or smaller than the rest of its class is often a wrong label, a box drawn \
            around a group, or a unit mistake (a normalised box in a pixel file).

            Check the object: fix its label or geometry, or leave it if the class really varies that much.
            """,
        options: [
            CheckOption(name: "sigma", defaultValue: "5", summary: "Number of standard deviations from the mean that is accepted."),
            CheckOption(name: "log-scale", defaultValue: "1", summary: "1 to compare log(area), 0 to compare area linearly as Datumaro does."),
        ])

    static var needsImages: Bool { true }
    static var needsMasks: Bool { true }

    let sigma: Double
    let logScale: Bool

    init(options: RuleOptions) throws {
        sigma = try options.double("sigma", default: 5)
        logScale = try options.int("log-scale", default: 1) != 0
    }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let annotations = context.annotations
        var areas: [ID: [(index: Int, area: Double)]] = [:]
        for (i, a) in annotations.enumerated() {
            guard let c = a.categoryID else { continue }
            var area: Double?
            if let f = context.masks.facts(i) {
                if f.area > 0 && !f.droppedPolygons { area = Double(f.area) }
            } else if !a.hasShape, let b = BoxMath.usableBox(a) {
                area = b.width * b.height
            }
            if let area { areas[c, default: []].append((i, area)) }
        }
        var flagged: [(index: Int, message: String)] = []
        for (category, values) in areas where values.count >= 2 {
            let n = Double(values.count)
            let xs = values.map { logScale ? log2($0.area) : $0.area }
            let mean = xs.reduce(0, +) / n
            let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            let sd = variance.squareRoot()
            guard sd > 0 else { continue }
            for (k, v) in values.enumerated() where abs(xs[k] - mean) > sigma * sd {
                let z = (xs[k] - mean) / sd
                let typical = logScale ? "the typical (geometric mean) area \(Text.num(exp2(mean))) px" : "the mean area \(Text.num(mean)) px"
                flagged.append((v.index, "area \(Text.num(v.area)) px is \(Text.num(abs(z))) standard deviations \(z > 0 ? "above" : "below") \(typical) of category \(category) (\(values.count) objects; threshold \(Text.num(sigma))\(logScale ? " on a log scale" : ""))"))
            }
        }
        flagged.sort { $0.index < $1.index }
        for f in flagged {
            let a = annotations[f.index]
            diagnostics.append(Diagnostic(Self.descriptor, f.message, at: a.origin.location, subject: Subject.annotation(a)))
        }
    }
}
