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

/// A set of polygons that keeps the literal text of coordinates whose shortest form differs from the input.
public struct PolygonSet: Hashable, Sendable {
    /// Each polygon as a flat list `[x1, y1, x2, y2, ...]`.
    public private(set) var polygons: [[Double]]
    /// For each polygon, the literal texts when at least one literal was not canonical; `nil` when all were.
    /// Equality compares these too, so `10` and `10.0` are different data.
    public private(set) var literals: [[String]?]

    /// Creates a polygon set with canonical numbers.
    public init(_ polygons: [[Double]]) {
        self.polygons = polygons
        self.literals = Array(repeating: nil, count: polygons.count)
    }

    /// Creates a polygon set remembering literal texts; each `literals[i]`, when present, has one entry per value.
    public init(_ polygons: [[Double]], literals: [[String]?]) {
        self.polygons = polygons
        if literals.count == polygons.count,
           zip(polygons, literals).allSatisfy({ $0.1 == nil || $0.1?.count == $0.0.count }) {
            self.literals = literals
        } else {
            self.literals = Array(repeating: nil, count: polygons.count)
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
