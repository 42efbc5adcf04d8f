import AnnoJSON

/// One annotated object (or, in a results list, one prediction).
///
/// The fields most annotations leave empty (score, texts, provenance, review, extensions) live in one shared box
/// that is only allocated when one of them is set, so a plain COCO object takes about 340 bytes instead of 540.
/// They read and write like stored properties (copy-on-write).
public struct Annotation: Hashable, Sendable {
    /// The annotation id (results lists have none; readers then number them from 1 and mark `idWasAssigned`).
    public var id: ID
    /// True when the source had no id and the reader assigned one; writers then omit it.
    public var idWasAssigned: Bool
    /// The image this annotation belongs to.
    public var imageID: ID
    /// The category, when the source gives one.
    public var categoryID: ID?
    /// The declared box `[x, y, width, height]` in pixels, origin top-left, edges between pixels.
    public var bbox: Box?
    /// The object's shape.
    public var segmentation: Segmentation
    /// The declared area, as written (COCO uses it for size buckets).
    public var area: JSONNumber?
    /// COCO's `iscrowd`, as written (0 or 1). Independent of the segmentation's encoding.
    public var isCrowd: Int?
    /// Where it was read from.
    public var origin: Origin
    /// The rarely set fields; nil when all of them are empty.
    @usableFromInline var details: Details?

    /// A model's confidence (results lists, imported predictions).
    public var score: JSONNumber? {
        get { details?.values.score }
        set { update { $0.score = newValue } }
    }
    /// A description of the object.
    public var description: String? {
        get { details?.values.description }
        set { update { $0.description = newValue } }
    }
    /// A caption (COCO captions files put captions on annotations).
    public var caption: String? {
        get { details?.values.caption }
        set { update { $0.caption = newValue } }
    }
    /// Where the annotation came from.
    public var provenance: Provenance? {
        get { details?.values.provenance }
        set { update { $0.provenance = newValue } }
    }
    /// Whether a human has reviewed it.
    public var review: Review? {
        get { details?.values.review }
        set { update { $0.review = newValue } }
    }
    /// Other keys (`keypoints`, `num_keypoints`, `attributes`, ...), in source order.
    public var extensions: [JSONMember] {
        get { details?.values.extensions ?? [] }
        set { update { $0.extensions = newValue } }
    }

    /// Creates an annotation. Inlinable: readers build one per object, and a call across modules copies every
    /// argument once more.
    @inlinable
    public init(
        id: ID, idWasAssigned: Bool = false, imageID: ID, categoryID: ID? = nil, bbox: Box? = nil,
        segmentation: Segmentation = .none, area: JSONNumber? = nil, isCrowd: Int? = nil, score: JSONNumber? = nil,
        description: String? = nil, caption: String? = nil, provenance: Provenance? = nil, review: Review? = nil,
        extensions: [JSONMember] = [], origin: Origin = Origin()
    ) {
        self.id = id
        self.idWasAssigned = idWasAssigned
        self.imageID = imageID
        self.categoryID = categoryID
        self.bbox = bbox
        self.segmentation = segmentation
        self.area = area
        self.isCrowd = isCrowd
        self.origin = origin
        // Pattern matches, not `== nil`: they need no copy of the payloads (this runs once per annotation read).
        if case .none = score, case .none = description, case .none = caption, case .none = provenance,
           case .none = review, extensions.isEmpty {
            self.details = nil
        } else {
            self.details = Details(DetailValues(
                score: score, description: description, caption: caption, provenance: provenance, review: review,
                extensions: extensions))
        }
    }

    /// True when `iscrowd` is 1.
    public var crowd: Bool { isCrowd == 1 }

    /// True when the annotation has a real mask (polygon or RLE), not just a box.
    public var hasMask: Bool { segmentation.isPresent }

    /// Changes the boxed fields in place when the box is not shared, else in a fresh box; drops an empty box.
    private mutating func update(_ change: (inout DetailValues) -> Void) {
        if details != nil, isKnownUniquelyReferenced(&details!) {
            change(&details!.values)
            if details!.values.isEmpty { details = nil }
            return
        }
        var values = details?.values ?? DetailValues()
        change(&values)
        details = values.isEmpty ? nil : Details(values)
    }

    /// The rarely set fields of an annotation.
    @usableFromInline struct DetailValues: Hashable {
        var score: JSONNumber?
        var description: String?
        var caption: String?
        var provenance: Provenance?
        var review: Review?
        var extensions: [JSONMember] = []

        @usableFromInline
        init(
            score: JSONNumber? = nil, description: String? = nil, caption: String? = nil, provenance: Provenance? = nil,
            review: Review? = nil, extensions: [JSONMember] = []
        ) {
            self.score = score
            self.description = description
            self.caption = caption
            self.provenance = provenance
            self.review = review
            self.extensions = extensions
        }

        var isEmpty: Bool {
            if case .none = score, case .none = description, case .none = caption, case .none = provenance,
               case .none = review {
                return extensions.isEmpty
            }
            return false
        }
    }

    /// The box holding `DetailValues`: compared and hashed by value, mutated only while uniquely referenced.
    @usableFromInline final class Details: Hashable, @unchecked Sendable {
        var values: DetailValues

        @usableFromInline init(_ values: DetailValues) { self.values = values }

        @usableFromInline static func == (a: Details, b: Details) -> Bool { a === b || a.values == b.values }

        @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(values) }
    }
}

/// A box `[x, y, width, height]` whose numbers keep the digits they were written with.
public struct Box: Hashable, Sendable {
    /// Left edge.
    public var x: JSONNumber
    /// Top edge.
    public var y: JSONNumber
    /// Width.
    public var width: JSONNumber
    /// Height.
    public var height: JSONNumber

    /// Creates a box from numbers as written.
    public init(x: JSONNumber, y: JSONNumber, width: JSONNumber, height: JSONNumber) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Creates a box from doubles, written canonically.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(x: JSONNumber(x), y: JSONNumber(y), width: JSONNumber(width), height: JSONNumber(height))
    }

    /// The four values as doubles, in `[x, y, width, height]` order.
    public var doubles: [Double] { [x.double, y.double, width.double, height.double] }
}

/// Where an annotation came from, so derived and model-made masks are never passed off as human work.
public struct Provenance: Hashable, Sendable {
    /// Who or what made the shape.
    public var source: Source?
    /// The human annotator's id or name.
    public var annotator: String?
    /// The model's name, for model-made shapes.
    public var model: String?
    /// The model's version.
    public var modelVersion: String?
    /// When the shape was made (ISO 8601, as written).
    public var created: String?
    /// Other keys, in source order.
    public var extensions: [JSONMember]

    /// The kind of author.
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        /// Drawn by a person.
        case human
        /// Predicted by a model.
        case model
        /// Computed from the annotation's bounding box (a rectangle or ellipse), not a real outline.
        case derivedFromBBox
        /// Imported from another tool without further detail.
        case imported
        /// A value AnnoKit does not know, kept as written.
        case other(String)

        /// Parses the wire value (`human`, `model`, `derived-from-bbox`, `imported`, or anything else).
        public init(_ text: String) {
            switch text {
            case "human": self = .human
            case "model": self = .model
            case "derived-from-bbox": self = .derivedFromBBox
            case "imported": self = .imported
            default: self = .other(text)
            }
        }

        /// The wire value.
        public var description: String {
            switch self {
            case .human: return "human"
            case .model: return "model"
            case .derivedFromBBox: return "derived-from-bbox"
            case .imported: return "imported"
            case .other(let s): return s
            }
        }

        /// True for model-made and box-derived shapes, which need a human review.
        public var isMachine: Bool {
            switch self {
            case .model, .derivedFromBBox: return true
            default: return false
            }
        }
    }

    /// Creates a provenance record.
    public init(
        source: Source? = nil, annotator: String? = nil, model: String? = nil, modelVersion: String? = nil,
        created: String? = nil, extensions: [JSONMember] = []
    ) {
        self.source = source
        self.annotator = annotator
        self.model = model
        self.modelVersion = modelVersion
        self.created = created
        self.extensions = extensions
    }
}

/// A human review decision on an annotation.
public struct Review: Hashable, Sendable {
    /// The decision.
    public var status: Status?
    /// Who decided.
    public var reviewer: String?
    /// When (ISO 8601, as written).
    public var reviewed: String?
    /// Other keys, in source order.
    public var extensions: [JSONMember]

    /// A review decision.
    public enum Status: Hashable, Sendable, CustomStringConvertible {
        /// Nobody has looked yet.
        case unreviewed
        /// A human accepted it.
        case approved
        /// A human rejected it.
        case rejected
        /// A human asked for corrections.
        case needsFix
        /// A value AnnoKit does not know, kept as written.
        case other(String)

        /// Parses the wire value (`unreviewed`, `approved`, `rejected`, `needs-fix`, or anything else).
        public init(_ text: String) {
            switch text {
            case "unreviewed": self = .unreviewed
            case "approved": self = .approved
            case "rejected": self = .rejected
            case "needs-fix": self = .needsFix
            default: self = .other(text)
            }
        }

        /// The wire value.
        public var description: String {
            switch self {
            case .unreviewed: return "unreviewed"
            case .approved: return "approved"
            case .rejected: return "rejected"
            case .needsFix: return "needs-fix"
            case .other(let s): return s
            }
        }
    }

    /// Creates a review record.
    public init(status: Status? = nil, reviewer: String? = nil, reviewed: String? = nil, extensions: [JSONMember] = []) {
        self.status = status
        self.reviewer = reviewer
        self.reviewed = reviewed
        self.extensions = extensions
    }
}
