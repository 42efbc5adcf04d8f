/// The counts `annokit info` prints: sizes, segmentation kinds, metadata completeness and mask coverage.
public struct DatasetSummary: Hashable, Sendable {
    /// Images.
    public var images = 0
    /// Images with both width and height.
    public var imagesWithSize = 0
    /// Annotations.
    public var annotations = 0
    /// Annotations by segmentation kind: `none`, `polygon`, `rle`, `compressed-rle`.
    public var bySegmentation: [String: Int] = [:]
    /// Annotations with `iscrowd` 1.
    public var crowd = 0
    /// Categories.
    public var categories = 0
    /// Licences declared.
    public var licenses = 0
    /// Images that name a licence.
    public var imagesWithLicense = 0
    /// Images with a title.
    public var imagesWithTitle = 0
    /// Images with a description.
    public var imagesWithDescription = 0
    /// Images whose scene names viewpoint, lighting and mood.
    public var imagesWithScene = 0
    /// Annotations with provenance.
    public var annotationsWithProvenance = 0
    /// Annotations with a review status other than unreviewed.
    public var annotationsReviewed = 0
    /// Distinct annotators named in provenance.
    public var annotators = 0
    /// Mask coverage.
    public var coverage: Coverage

    private var annotatorSet = Set<String>()

    /// Computes the summary of a whole dataset. O(images + annotations).
    public init(_ d: Dataset) {
        self.init(images: d.images, categories: d.categories.count, licenses: d.licenses.count)
        for a in d.annotations { add(a) }
    }

    /// Starts a summary from the images, categories and licences; `add(_:)` each annotation after.
    public init(images: [Image], categories: Int, licenses: Int) {
        coverage = Coverage(objects: 0, withMask: 0, withHumanMask: 0, withApprovedMachineMask: 0, withUnreviewedMachineMask: 0)
        setContext(images: images, categories: categories, licenses: licenses)
    }

    /// Replaces the image, category and licence counts (annotation counts are kept). O(images).
    public mutating func setContext(images: [Image], categories: Int, licenses: Int) {
        self.images = images.count
        self.categories = categories
        self.licenses = licenses
        imagesWithSize = 0
        imagesWithLicense = 0
        imagesWithTitle = 0
        imagesWithDescription = 0
        imagesWithScene = 0
        for i in images {
            if i.width != nil && i.height != nil { imagesWithSize += 1 }
            if i.license != nil { imagesWithLicense += 1 }
            if !i.title.isBlank { imagesWithTitle += 1 }
            if !i.description.isBlank { imagesWithDescription += 1 }
            if let s = i.scene, s.missingRequiredFields.isEmpty { imagesWithScene += 1 }
        }
    }

    /// Adds the annotation counts of `other` (a summary of other annotations of the same dataset). O(annotators).
    public mutating func merge(annotationsOf other: DatasetSummary) {
        annotations += other.annotations
        for (kind, n) in other.bySegmentation { bySegmentation[kind, default: 0] += n }
        crowd += other.crowd
        annotationsWithProvenance += other.annotationsWithProvenance
        annotationsReviewed += other.annotationsReviewed
        annotatorSet.formUnion(other.annotatorSet)
        annotators = annotatorSet.count
        coverage.objects += other.coverage.objects
        coverage.withMask += other.coverage.withMask
        coverage.withHumanMask += other.coverage.withHumanMask
        coverage.withApprovedMachineMask += other.coverage.withApprovedMachineMask
        coverage.withUnreviewedMachineMask += other.coverage.withUnreviewedMachineMask
    }

    /// Counts one annotation. O(1).
    public mutating func add(_ a: Annotation) {
        annotations += 1
        bySegmentation[a.segmentation.kindName, default: 0] += 1
        if a.crowd { crowd += 1 }
        if let p = a.provenance {
            annotationsWithProvenance += 1
            if let who = p.annotator, annotatorSet.insert(who).inserted { annotators = annotatorSet.count }
        }
        if let status = a.review?.status, status != .unreviewed { annotationsReviewed += 1 }
        coverage.add(a)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "-" }
        let p = Double(part) * 100 / Double(whole)
        let rounded = (p * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "%"
    }

    /// A readable report.
    public func text(path: String, format: String) -> String {
        func line(_ label: String, _ value: String) -> String { "  " + label + String(repeating: " ", count: max(1, 28 - label.count)) + value + "\n" }
        var s = "\(path) (\(format))\n"
        s += line("images", "\(images)  (\(imagesWithSize) with width and height)")
        s += line("annotations", "\(annotations)")
        for kind in ["polygon", "rle", "compressed-rle", "none"] where bySegmentation[kind, default: 0] > 0 {
            let label = kind == "none" ? "  box only / no shape" : "  \(kind)"
            s += line(label, "\(bySegmentation[kind, default: 0])")
        }
        s += line("  crowd (iscrowd=1)", "\(crowd)")
        s += line("categories", "\(categories)")
        s += line("licences", "\(licenses)  (\(imagesWithLicense) images name one)")
        s += "metadata completeness\n"
        s += line("  title", "\(imagesWithTitle)/\(images) images  \(Self.percent(imagesWithTitle, images))")
        s += line("  description", "\(imagesWithDescription)/\(images) images  \(Self.percent(imagesWithDescription, images))")
        s += line("  scene", "\(imagesWithScene)/\(images) images  \(Self.percent(imagesWithScene, images))")
        s += line("  licence", "\(imagesWithLicense)/\(images) images  \(Self.percent(imagesWithLicense, images))")
        s += line("  provenance", "\(annotationsWithProvenance)/\(annotations) annotations  \(Self.percent(annotationsWithProvenance, annotations))")
        s += line("  reviewed", "\(annotationsReviewed)/\(annotations) annotations  \(Self.percent(annotationsReviewed, annotations))")
        s += line("  annotators", "\(annotators)")
        let c = coverage
        s += "mask coverage\n"
        s += line("  any mask", "\(c.withMask)/\(c.objects) objects  \(Self.percent(c.withMask, c.objects))")
        s += line("  human mask", "\(c.withHumanMask)/\(c.objects) objects  \(Self.percent(c.withHumanMask, c.objects))")
        s += line("  approved machine mask", "\(c.withApprovedMachineMask)/\(c.objects) objects  \(Self.percent(c.withApprovedMachineMask, c.objects))")
        s += line("  unreviewed machine mask", "\(c.withUnreviewedMachineMask)/\(c.objects) objects  \(Self.percent(c.withUnreviewedMachineMask, c.objects))")
        return s
    }

    /// The summary as a JSON value (keys in a fixed order).
    public func json(path: String, format: String) -> JSONValue {
        func n(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
        let kinds = ["polygon", "rle", "compressed-rle", "none"].map { JSONMember($0, n(bySegmentation[$0, default: 0])) }
        let c = coverage
        return .object([
            JSONMember("version", n(1)),
            JSONMember("dataset", .string(path)),
            JSONMember("format", .string(format)),
            JSONMember("images", n(images)),
            JSONMember("imagesWithSize", n(imagesWithSize)),
            JSONMember("annotations", n(annotations)),
            JSONMember("segmentation", .object(kinds)),
            JSONMember("crowd", n(crowd)),
            JSONMember("categories", n(categories)),
            JSONMember("licenses", n(licenses)),
            JSONMember("metadata", .object([
                JSONMember("imagesWithTitle", n(imagesWithTitle)),
                JSONMember("imagesWithDescription", n(imagesWithDescription)),
                JSONMember("imagesWithScene", n(imagesWithScene)),
                JSONMember("imagesWithLicense", n(imagesWithLicense)),
                JSONMember("annotationsWithProvenance", n(annotationsWithProvenance)),
                JSONMember("annotationsReviewed", n(annotationsReviewed)),
                JSONMember("annotators", n(annotators)),
            ])),
            JSONMember("coverage", .object([
                JSONMember("objects", n(c.objects)),
                JSONMember("withMask", n(c.withMask)),
                JSONMember("withHumanMask", n(c.withHumanMask)),
                JSONMember("withApprovedMachineMask", n(c.withApprovedMachineMask)),
                JSONMember("withUnreviewedMachineMask", n(c.withUnreviewedMachineMask)),
            ])),
        ])
    }
}
