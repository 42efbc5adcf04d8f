import AnnoCore
import AnnoMask

/// AK110: two annotations of the same category on the same image that cover the same pixels.
struct DuplicateAnnotation: LintRule {
    static let descriptor = CheckDescriptor(
        code: "AK110", name: "duplicate-annotation", defaultSeverity: .warning,
        summary: "Two annotations of the same category on the same image are near-identical.",
        explanation: """
            Compares annotations with the same image and category whose boxes overlap, and fires on the later one \
            when their mask IoU is at least `iou` (box IoU when either has no mask). Candidate pairs come from a \
            sort-and-sweep over box x-coordinates, so the cost stays close to O(n log n) per image; masks are compared \
            only when their pixel counts and boxes leave room for an IoU at the threshold.

            A duplicated object counts twice in training and turns one of two equal detections into a false \
            positive in evaluation. Duplicates come from merging exports twice, or from double submissions in \
            annotation tools.

            Delete one of the two annotations (keep the one with the better provenance or review).
            """,
        options: [CheckOption(name: "iou", defaultValue: "0.95", summary: "Smallest IoU at which two annotations count as duplicates.")])

    static var needsMasks: Bool { true }

    let threshold: Double

    init(options: RuleOptions) throws { threshold = try options.double("iou", default: 0.95) }

    /// The extent used for the sweep: the mask's tight box, else the declared box.
    private func extent(_ i: Int, _ context: LintContext) -> BoundingBox? {
        if let f = context.masks.facts(i), f.area > 0 { return f.tightBox }
        if case .mask = context.masks[i] { return nil }
        return BoxMath.usableBox(context.annotations[i])
    }

    func run(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
        let annotations = context.annotations
        // Groups by image in first-appearance order, then by category.
        var seenImages = Set<ID>()
        for first in annotations where seenImages.insert(first.imageID).inserted {
            let indices = context.annotationsByImage[first.imageID] ?? []
            guard indices.count > 1 else { continue }
            var items: [(index: Int, box: BoundingBox)] = []
            for i in indices where annotations[i].caption == nil || annotations[i].hasShape {
                if let b = extent(i, context) { items.append((i, b)) }
            }
            items.sort { ($0.box.x, $0.index) < ($1.box.x, $1.index) }
            var found: [(later: Int, earlier: Int, iou: Double, mask: Bool)] = []
            var masks = MaskCache()
            var active: [(index: Int, box: BoundingBox)] = []
            for item in items {
                active.removeAll { $0.box.x + $0.box.width <= item.box.x }
                for other in active where annotations[other.index].categoryID == annotations[item.index].categoryID {
                    guard other.box.y < item.box.y + item.box.height, item.box.y < other.box.y + other.box.height else { continue }
                    if let (iou, mask) = similarity(other.index, item.index, context, &masks), iou >= threshold {
                        found.append((max(other.index, item.index), min(other.index, item.index), iou, mask))
                    }
                }
                active.append(item)
            }
            found.sort { ($0.later, $0.earlier) < ($1.later, $1.earlier) }
            var reported = Set<Int>()
            for f in found where reported.insert(f.later).inserted {
                let a = annotations[f.later], b = annotations[f.earlier]
                let category = a.categoryID.map { "category \($0)" } ?? "no category"
                diagnostics.append(Diagnostic(
                    Self.descriptor,
                    "annotation \(a.id) duplicates annotation \(b.id): same image \(a.imageID) and \(category), \(f.mask ? "mask" : "box") IoU \(Text.num(f.iou))",
                    at: a.origin.location, subject: Subject.annotation(a)))
            }
        }
    }

    /// The masks of one image's candidates, rebuilt at most once each.
    struct MaskCache {
        var masks: [Int: RLE?] = [:]

        mutating func rle(_ i: Int, _ context: LintContext) -> RLE? {
            if let known = masks[i] { return known }
            let built = context.masks.rle(i, in: context)
            masks[i] = built
            return built
        }
    }

    /// The most two masks with these pixel counts and tight boxes can overlap, as an IoU: the intersection
    /// holds at most the smaller mask and at most the pixels of the boxes' overlap; the union at least the larger.
    static func iouBound(_ a: MaskFacts, _ b: MaskFacts) -> Double {
        let larger = Double(max(a.area, b.area))
        guard larger > 0 else { return 0 }
        let ta = a.tightBox, tb = b.tightBox
        let w = max(0, min(ta.x + ta.width, tb.x + tb.width) - max(ta.x, tb.x))
        let h = max(0, min(ta.y + ta.height, tb.y + tb.height) - max(ta.y, tb.y))
        return min(Double(min(a.area, b.area)), w * h) / larger
    }

    /// Mask IoU when both have readable masks of one size, else box IoU when both have boxes.
    private func similarity(_ i: Int, _ j: Int, _ context: LintContext, _ cache: inout MaskCache) -> (Double, Bool)? {
        if let a = context.masks.facts(i), let b = context.masks.facts(j) {
            // Masks are rebuilt only for candidate pairs (same image and category, overlapping extents) whose
            // pixel counts and boxes leave room for an IoU at the threshold.
            guard a.size == b.size else { return nil }
            if Self.iouBound(a, b) < threshold { return nil }
            guard let ra = cache.rle(i, context), let rb = cache.rle(j, context),
                  let iou = try? RLE.iou(ra, rb, crowd: false) else { return nil }
            return (iou, true)
        }
        guard let a = BoxMath.usableBox(context.annotations[i]),
              let b = BoxMath.usableBox(context.annotations[j]) else { return nil }
        return (BoundingBox.iou(a, b, crowd: false), false)
    }
}
