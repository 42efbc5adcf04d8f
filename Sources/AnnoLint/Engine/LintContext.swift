import AnnoCore

/// What built-in rules see: the core `RuleContext` plus indexes and masks computed once per lint run.
final class LintContext: Sendable {
    /// The core context (dataset, image and category indexes).
    let base: RuleContext
    /// Each annotation's mask, rasterised once and shared by every geometry rule.
    let masks: MaskTable
    /// Indexes of the annotations of each image id, in file order.
    let annotationsByImage: [ID: [Int]]
    /// Licence index by id (the first licence with each id).
    let licenseIndex: [ID: Int]
    /// The dataset's annotations, stored so hot loops do not copy the dataset.
    let annotations: [Annotation]

    /// The dataset under check.
    var dataset: Dataset { base.dataset }

    /// Builds the shared indexes. O(images + annotations).
    init(_ base: RuleContext, masks: MaskTable) {
        self.base = base
        self.masks = masks
        var byImage: [ID: [Int]] = [:]
        byImage.reserveCapacity(base.dataset.images.count)
        for (i, a) in base.dataset.annotations.enumerated() { byImage[a.imageID, default: []].append(i) }
        self.annotationsByImage = byImage
        var licenses: [ID: Int] = [:]
        for (i, l) in base.dataset.licenses.enumerated() where licenses[l.id] == nil { licenses[l.id] = i }
        self.licenseIndex = licenses
        self.annotations = base.dataset.annotations
    }

    /// The image of the annotation at `index`, if it exists.
    func image(ofAnnotationAt index: Int) -> Image? {
        base.image(of: annotations[index])
    }

    /// True for annotations that describe an object (not a caption-only record).
    func isObject(_ a: Annotation) -> Bool { a.caption == nil || a.bbox != nil || a.hasShape }
}
