/// The height and width of a mask in pixels, in COCO's `[height, width]` order.
public struct MaskSize: Hashable, Sendable {
    /// Number of rows.
    public var height: Int
    /// Number of columns.
    public var width: Int

    /// Creates a size; call `validate()` (or use a throwing mask initialiser) before relying on it.
    public init(height: Int, width: Int) {
        self.height = height
        self.width = width
    }

    /// The largest pixel count (`height × width`) a mask may have: 2^31.
    ///
    /// At this size every run length and every area fits in a `UInt32`, as in pycocotools, and every
    /// column-major pixel index fits in an `Int32`. Callers that decode masks to bitmaps usually want a
    /// smaller budget (AnnoKit's default decode budget is 2^28 pixels) and pass it to `validate(limit:)`.
    public static let maxPixels: Int = 1 << 31

    /// Checks the size and returns `height × width`; throws `invalidSize`, `sizeOverflow` or `sizeLimitExceeded`.
    ///
    /// A zero height or width is valid (the mask is empty).
    @discardableResult
    public func validate(limit: Int = MaskSize.maxPixels) throws(MaskError) -> Int {
        guard height >= 0, width >= 0 else { throw .invalidSize }
        let (pixels, overflow) = height.multipliedReportingOverflow(by: width)
        guard !overflow else { throw .sizeOverflow }
        guard pixels <= limit else { throw .sizeLimitExceeded(pixels: pixels, limit: limit) }
        return pixels
    }

    /// `height × width` for a size already known to be valid (traps on overflow only for invalid sizes).
    var pixels: Int { height &* width }
}

extension MaskSize: CustomStringConvertible {
    /// `[height, width]`, as COCO writes it.
    public var description: String { "[\(height), \(width)]" }
}
