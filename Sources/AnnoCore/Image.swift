import AnnoJSON

/// One image of a dataset, with the context AnnoKit asks every image to carry.
public struct Image: Hashable, Sendable {
    /// The image id annotations refer to.
    public var id: ID
    /// The file name, relative to the dataset's image folder.
    public var fileName: String?
    /// Width in pixels, when known.
    public var width: Int?
    /// Height in pixels, when known.
    public var height: Int?
    /// The id of the image's licence (COCO `license`).
    public var license: ID?
    /// A short title.
    public var title: String?
    /// A description of the image and its objects.
    public var description: String?
    /// The scene: viewpoint, lighting, mood, setting.
    public var scene: Scene?
    /// Captions attached to the image itself (AnnoKit's `captions` key).
    public var captions: [String]?
    /// Pixels to ignore (VOC's void label 255), as a mask of the image's size.
    public var ignoreRegion: RLEData?
    /// Other keys (`flickr_url`, `coco_url`, `date_captured`, ...), in source order.
    public var extensions: [JSONMember]
    /// Where it was read from.
    public var origin: Origin

    /// Creates an image.
    public init(
        id: ID, fileName: String? = nil, width: Int? = nil, height: Int? = nil, license: ID? = nil,
        title: String? = nil, description: String? = nil, scene: Scene? = nil, captions: [String]? = nil,
        ignoreRegion: RLEData? = nil, extensions: [JSONMember] = [], origin: Origin = Origin()
    ) {
        self.id = id
        self.fileName = fileName
        self.width = width
        self.height = height
        self.license = license
        self.title = title
        self.description = description
        self.scene = scene
        self.captions = captions
        self.ignoreRegion = ignoreRegion
        self.extensions = extensions
        self.origin = origin
    }
}

/// How an image was taken and what it feels like.
public struct Scene: Hashable, Sendable {
    /// Camera viewpoint or angle ("eye level, from the left").
    public var viewpoint: String?
    /// Lighting ("overcast daylight").
    public var lighting: String?
    /// Mood ("calm").
    public var mood: String?
    /// Setting ("suburban street").
    public var setting: String?
    /// Free notes.
    public var notes: String?
    /// Other keys, in source order.
    public var extensions: [JSONMember]

    /// Creates a scene description.
    public init(
        viewpoint: String? = nil, lighting: String? = nil, mood: String? = nil, setting: String? = nil,
        notes: String? = nil, extensions: [JSONMember] = []
    ) {
        self.viewpoint = viewpoint
        self.lighting = lighting
        self.mood = mood
        self.setting = setting
        self.notes = notes
        self.extensions = extensions
    }

    /// The names of the three fields AnnoKit requires (viewpoint, lighting, mood) that are missing or blank.
    public var missingRequiredFields: [String] {
        var missing: [String] = []
        if viewpoint.isBlank { missing.append("viewpoint") }
        if lighting.isBlank { missing.append("lighting") }
        if mood.isBlank { missing.append("mood") }
        return missing
    }
}

extension Optional where Wrapped == String {
    /// True when the string is absent or only white space.
    public var isBlank: Bool {
        switch self {
        case .none: return true
        case .some(let s): return s.allSatisfy { $0.isWhitespace }
        }
    }
}
