/// How sure a format is that a path holds its data. Auto-detection keeps the highest.
public enum DetectionConfidence: Int, Hashable, Sendable, Comparable {
    /// Not this format.
    case none = 0
    /// Could be (a `.json` file that has not been looked into).
    case low = 10
    /// Probably (the right extension and the first bytes fit).
    case medium = 20
    /// Certainly (a magic number or a required layout).
    case high = 30

    /// Orders by confidence.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Options for reading a dataset.
public struct ReadOptions: Sendable {
    /// Turn the first error-level diagnostic into a thrown error.
    public var strict: Bool
    /// The largest input file accepted, in bytes.
    public var maxFileBytes: Int
    /// Pascal VOC box origin: 1 (VOC's convention), 0 (tools that write 0-based boxes), or
    /// `ReadOptions.detectVOCOrigin` to decide per dataset (0 when some box has xmin or ymin 0 or ends past its image).
    public var vocOrigin: Int
    /// Reports progress as a fraction in 0...1; called from the reading thread.
    public var progress: (@Sendable (Double) -> Void)?
    /// False for summaries that never look at geometry: polygon values are validated (grammar, even count, at
    /// least three points) but not kept, so each polygon comes back as an empty list. Everything else is read.
    public var keepsPolygonValues = true
    /// False when nothing will point back into the file (summaries): items get no source location, which saves
    /// building a JSON Pointer and line:column per item. Diagnostics are still located.
    public var recordsOrigins = true
    /// True when the reader may give the memory of input it has already parsed back to the system (COCO), so a
    /// large file is not held whole while its IR grows. A reader that then needs those bytes again (a two-core
    /// read whose split turns out wrong) throws `ReadAgainWithoutDiscarding`; read again with this off.
    public var discardsReadInput = false

    /// The `vocOrigin` value that asks the VOC reader to detect the origin (`--voc-origin auto`).
    public static let detectVOCOrigin = -1

    /// Creates read options.
    public init(strict: Bool = false, maxFileBytes: Int = 4 << 30, vocOrigin: Int = 1, progress: (@Sendable (Double) -> Void)? = nil) {
        self.strict = strict
        self.maxFileBytes = maxFileBytes
        self.vocOrigin = vocOrigin
        self.progress = progress
    }
}

/// How masks are encoded on writing.
public enum MaskEncoding: String, Hashable, Sendable, CaseIterable {
    /// Keep each segmentation in the encoding it was read in.
    case keep
    /// Turn every segmentation into compressed RLE, exactly as pycocotools would.
    case rle
    /// Turn masks into polygons traced along pixel edges; masks with holes stay RLE.
    case polygon
}

/// Options for writing a dataset.
public struct WriteOptions: Sendable {
    /// How to encode masks.
    public var masks: MaskEncoding
    /// Human-readable (indented) output where the format allows.
    public var pretty: Bool
    /// Pascal VOC box origin: 1 (the VOC convention) or 0.
    public var vocOrigin: Int

    /// Creates write options.
    public init(masks: MaskEncoding = .keep, pretty: Bool = false, vocOrigin: Int = 1) {
        self.masks = masks
        self.pretty = pretty
        self.vocOrigin = vocOrigin
    }
}

/// A dataset file format the tool can detect, read and write.
public protocol DatasetFormat: SendableMetatype {
    /// The CLI and registry name, such as `"coco"`.
    static var identifier: String { get }
    /// One line for help text.
    static var summary: String { get }
    /// The checks this format's reader and writer can emit (their AK0xx codes), for docs and SARIF `rules[]`.
    static var checks: [CheckDescriptor] { get }
    /// How sure this format is that `path` holds its data.
    static func detect(at path: String) -> DetectionConfidence
    /// Reads the dataset, reporting recoverable problems to `diagnostics`.
    static func read(at path: String, options: ReadOptions, diagnostics: inout Diagnostics) throws -> Dataset
    /// Writes the dataset atomically; the inverse of `read` up to the losses listed in Specs/conversion.md,
    /// each of which is reported to `diagnostics`.
    static func write(_ dataset: Dataset, to path: String, options: WriteOptions, diagnostics: inout Diagnostics) throws
}

/// Thrown by a reader that discarded input it has parsed (`ReadOptions.discardsReadInput`) and then needs it
/// again; the read succeeds when repeated with `discardsReadInput` off.
public struct ReadAgainWithoutDiscarding: Error, Sendable {
    /// Creates the error.
    public init() {}
}
