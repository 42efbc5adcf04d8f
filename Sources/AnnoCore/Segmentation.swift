import AnnoJSON

/// The shape of an annotation: polygons, a run-length-encoded mask, or nothing (a box-only object).
///
/// The encoding says nothing about `iscrowd`, which is kept separately on the annotation.
public enum Segmentation: Hashable, Sendable {
    /// No mask: the object has only a box (or nothing at all).
    case none
    /// One or more polygons whose union is the object (COCO's list of flat `[x1, y1, x2, y2, ...]` lists).
    case polygons(PolygonSet)
    /// A run-length-encoded mask in COCO's column-major convention.
    case rle(RLEData)

    /// True when there is a shape: at least one polygon, or RLE.
    public var isPresent: Bool {
        switch self {
        case .none: return false
        case .polygons(let set): return !set.polygons.isEmpty
        case .rle: return true
        }
    }

    /// A short name for counts and messages: `none`, `polygon`, `rle`, `compressed-rle`.
    public var kindName: String {
        switch self {
        case .none: return "none"
        case .polygons(let set): return set.polygons.isEmpty ? "none" : "polygon"
        case .rle(let r):
            if case .compressed = r.counts { return "compressed-rle" }
            return "rle"
        }
    }
}

/// A set of polygons that remembers how its numbers were written, so `100.0` is written back as `100.0`.
public struct PolygonSet: Hashable, Sendable {
    /// Each polygon as a flat list `[x1, y1, x2, y2, ...]`.
    public private(set) var polygons: [[Double]]
    /// For each polygon, how its numbers were written. Equality compares these too, so `10` and `10.0` are
    /// different data.
    public private(set) var styles: [NumberStyle]

    /// Creates a polygon set with canonical numbers.
    public init(_ polygons: [[Double]]) {
        self.polygons = polygons
        self.styles = Array(repeating: .canonical, count: polygons.count)
    }

    /// Creates a polygon set with one style per polygon (canonical where `styles` is short).
    public init(_ polygons: [[Double]], styles: [NumberStyle]) {
        self.polygons = polygons
        var s = Array(styles.prefix(polygons.count))
        for i in s.indices {
            if case .literals(let texts) = s[i], texts.count != polygons[i].count { s[i] = .canonical }
        }
        while s.count < polygons.count { s.append(.canonical) }
        self.styles = s
    }

    /// Creates a polygon set from literal texts; each `literals[i]`, when present, has one entry per value.
    public init(_ polygons: [[Double]], literals: [[String]?]) {
        self.init(polygons, styles: literals.map { $0.map { NumberStyle.literals($0) } ?? .canonical })
    }

    /// For each polygon, the literal texts when they are not canonical; nil when they are.
    public var literals: [[String]?] {
        zip(polygons, styles).map { polygon, style in
            if case .canonical = style { return nil }
            return polygon.indices.map { style.literal(polygon[$0], at: $0) }
        }
    }

    /// The number of coordinate values across all polygons.
    public var valueCount: Int { polygons.reduce(0) { $0 + $1.count } }
}

/// A run-length-encoded mask as stored in a file: its size and its counts, in the encoding they were read in.
public struct RLEData: Hashable, Sendable {
    /// Mask height in pixels (COCO `size[0]`).
    public var height: Int
    /// Mask width in pixels (COCO `size[1]`).
    public var width: Int
    /// The counts.
    public var counts: Counts

    /// The two ways COCO writes counts.
    public enum Counts: Hashable, Sendable {
        /// A list of run lengths (uncompressed RLE).
        case uncompressed([UInt32])
        /// pycocotools' compressed string (6 bits per character, ASCII 48–111).
        case compressed(String)
    }

    /// Creates RLE data.
    public init(height: Int, width: Int, counts: Counts) {
        self.height = height
        self.width = width
        self.counts = counts
    }
}
