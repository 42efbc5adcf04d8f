import AnnoJSON

/// A whole annotation dataset in AnnoKit's intermediate representation (IR), independent of any file format.
///
/// Invariants a valid dataset keeps (checked by lint rules, not enforced here, because real data breaks them):
/// ids are unique per kind; every annotation's image and category exist; a mask's size equals its image's size.
/// See `Specs/ir.md`.
public struct Dataset: Hashable, Sendable {
    /// Dataset-level description (COCO's `info` object), kept verbatim.
    public var info: JSONValue?
    /// Licences that images refer to by id.
    public var licenses: [License]
    /// The images, in file order.
    public var images: [Image]
    /// The categories, in file order.
    public var categories: [Category]
    /// The annotations, in file order.
    public var annotations: [Annotation]
    /// Top-level keys the codec does not know, in source order, written back unchanged.
    public var extensions: [JSONMember]
    /// Which kind of source file this came from, so a writer can reproduce its shape.
    public var shape: Shape
    /// The top-level keys of the source file in their order (COCO), so a writer reproduces order and presence;
    /// empty for datasets that did not come from COCO.
    public var sectionOrder: [String] = []
    /// Where the dataset was read from.
    public var origin: Origin

    /// The overall shape of the source file.
    public enum Shape: String, Hashable, Sendable {
        /// A COCO object with `images`, `annotations` and friends.
        case instances
        /// A COCO results list: a top-level array of annotations.
        case resultsList
        /// A Segment Anything per-image file: `image` plus `annotations`.
        case segmentAnything
    }

    /// Creates a dataset.
    public init(
        info: JSONValue? = nil, licenses: [License] = [], images: [Image] = [], categories: [Category] = [],
        annotations: [Annotation] = [], extensions: [JSONMember] = [], shape: Shape = .instances,
        origin: Origin = Origin()
    ) {
        self.info = info
        self.licenses = licenses
        self.images = images
        self.categories = categories
        self.annotations = annotations
        self.extensions = extensions
        self.shape = shape
        self.origin = origin
    }
}

/// A licence that images can point to.
public struct License: Hashable, Sendable {
    /// The licence id images refer to.
    public var id: ID
    /// Its name, such as "Attribution License".
    public var name: String?
    /// Where its text lives.
    public var url: String?
    /// Other keys, in source order.
    public var extensions: [JSONMember]
    /// Where it was read from.
    public var origin: Origin

    /// Creates a licence.
    public init(id: ID, name: String? = nil, url: String? = nil, extensions: [JSONMember] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.url = url
        self.extensions = extensions
        self.origin = origin
    }
}

/// An object class.
public struct Category: Hashable, Sendable {
    /// The category id annotations refer to (COCO ids are sparse; 0 is allowed).
    public var id: ID
    /// Its name.
    public var name: String
    /// COCO's `supercategory`.
    public var supercategory: String?
    /// Other keys (`keypoints`, `skeleton`, `isthing`, `color`, ...), in source order.
    public var extensions: [JSONMember]
    /// Where it was read from.
    public var origin: Origin

    /// Creates a category.
    public init(id: ID, name: String, supercategory: String? = nil, extensions: [JSONMember] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.supercategory = supercategory
        self.extensions = extensions
        self.origin = origin
    }
}
