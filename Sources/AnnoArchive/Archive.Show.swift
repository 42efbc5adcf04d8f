import AnnoCore

extension Archive {
    /// One image, its annotations and its instance masks as a palette index map, for `annokit show`.
    public struct ShowResult: Sendable {
        /// The image (nil when annotations name an id that has no image).
        public var image: Image?
        /// The image's annotations with their positions in `Dataset.annotations`, in dataset order.
        public var annotations: [(index: Int, annotation: Annotation)]
        /// The index map's height in pixels.
        public var height: Int
        /// The index map's width in pixels.
        public var width: Int
        /// Row-major palette indices: 0 is background, k (1...254) is the k-th annotation of `annotations`
        /// (255 for the 255th and later); later annotations paint over earlier ones.
        public var indexMap: [UInt8]
    }

    /// The largest index map `show` builds (2^28 pixels).
    public static let maxShowPixels = 1 << 28

    /// Reads image `imageID`'s metadata, annotations and masks, and paints the masks into an index map.
    ///
    /// Reads the dataset block (O(dataset)) for the annotations, then the image's one `MASK` record.
    public static func show(path: String, imageID: ID, maxPayloadBytes: Int = defaultMaxPayloadBytes) throws -> ShowResult {
        let reader = try Reader(path: path, maxPayloadBytes: maxPayloadBytes)
        return try show(reader, imageID: imageID)
    }

    static func show(_ reader: Reader, imageID: ID) throws -> ShowResult {
        let (dataset, _, _) = try reader.readMetadata(from: reader.source)
        let image = dataset.images.first { $0.id == imageID }
        let annotations = dataset.annotations.enumerated().filter { $0.element.imageID == imageID }.map { (index: $0.offset, annotation: $0.element) }
        guard image != nil || !annotations.isEmpty else {
            throw ArchiveError(.malformedRecord, "no image with id \(imageID) in the archive", path: reader.path)
        }
        let masks = try reader.masks(forImage: imageID)
        let height = image?.height ?? masks.first?.height ?? 0
        let width = image?.width ?? masks.first?.width ?? 0
        let (pixels, overflow) = max(height, 0).multipliedReportingOverflow(by: max(width, 0))
        guard !overflow, pixels <= maxShowPixels else {
            throw ArchiveError(.limit, "image \(imageID) is \(width)x\(height), over the \(maxShowPixels)-pixel limit for an index map", path: reader.path)
        }
        var map = [UInt8](repeating: 0, count: pixels)
        var slot: [Int: UInt8] = [:]
        for (k, a) in annotations.enumerated() { slot[a.index] = UInt8(min(k + 1, 255)) }
        for m in masks where m.height == height && m.width == width && height > 0 {
            guard let value = slot[m.annotationIndex] else { continue }
            var position = 0
            for (i, c) in m.counts.enumerated() {
                let end = min(position + Int(c), pixels)
                if i & 1 == 1 {
                    var p = position
                    while p < end {
                        map[(p % height) * width + p / height] = value
                        p += 1
                    }
                }
                position = end
                if position >= pixels { break }
            }
        }
        return ShowResult(image: image, annotations: annotations, height: height, width: width, indexMap: map)
    }
}
