import AnnoMask

extension RLEData {
    /// Decodes the stored counts (a list or pycocotools' compressed string) into an `RLE` of the stored size.
    ///
    /// Throws when the counts do not add up to height × width, a compressed string is malformed, or the size is bad.
    public func rle() throws(MaskError) -> RLE {
        let size = MaskSize(height: height, width: width)
        switch counts {
        case .uncompressed(let c): return try RLE(size: size, counts: c)
        case .compressed(let s): return try RLE(compressedCounts: s, size: size)
        }
    }
}

extension Segmentation {
    /// The mask as an `RLE`: polygons rasterised at `height` × `width` with pycocotools' rule (their union),
    /// RLE data decoded at its own stored size, and nil for `.none`.
    ///
    /// Throws for invalid polygons (odd count, under 3 points, non-finite values), malformed RLE data, or a bad size.
    public func rle(height: Int, width: Int) throws(MaskError) -> RLE? {
        switch self {
        case .none: return nil
        case .polygons(let set): return try RLE(polygons: set.polygons, size: MaskSize(height: height, width: width))
        case .rle(let data): return try data.rle()
        }
    }
}
