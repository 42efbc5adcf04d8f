/// One mask awaiting a human review, with the image and category it belongs to.
public struct ReviewItem: Hashable, Sendable {
    /// The annotation's position in `dataset.annotations`.
    public var index: Int
    /// The annotation.
    public var annotation: Annotation
    /// Its image, when the dataset has it.
    public var image: Image?
    /// Its category, when the dataset has it.
    public var category: Category?
    /// The category's position in `dataset.categories` (for its colour), when found.
    public var categoryIndex: Int?

    /// Creates an item.
    public init(index: Int, annotation: Annotation, image: Image?, category: Category?, categoryIndex: Int?) {
        self.index = index
        self.annotation = annotation
        self.image = image
        self.category = category
        self.categoryIndex = categoryIndex
    }

    /// True when `annotation` has a machine-made mask (provenance `model` or `derived-from-bbox`) whose review
    /// is neither `approved` nor `rejected` (so unreviewed, needs-fix, missing or unknown).
    public static func isPending(_ annotation: Annotation) -> Bool {
        guard annotation.hasMask, let source = annotation.provenance?.source, source.isMachine else { return false }
        switch annotation.review?.status {
        case .approved?, .rejected?: return false
        default: return true
        }
    }

    /// Every pending mask of `dataset`, in annotation order. O(images + categories + annotations).
    public static func pending(in dataset: Dataset) -> [ReviewItem] {
        var images: [ID: Image] = [:]
        for image in dataset.images where images[image.id] == nil { images[image.id] = image }
        var categories: [ID: Int] = [:]
        for (i, c) in dataset.categories.enumerated() where categories[c.id] == nil { categories[c.id] = i }
        var items: [ReviewItem] = []
        for (i, a) in dataset.annotations.enumerated() where isPending(a) {
            let ci = a.categoryID.flatMap { categories[$0] }
            items.append(ReviewItem(
                index: i, annotation: a, image: images[a.imageID], category: ci.map { dataset.categories[$0] }, categoryIndex: ci))
        }
        return items
    }
}
