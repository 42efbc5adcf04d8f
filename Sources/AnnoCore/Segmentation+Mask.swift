import AnnoMask

extension RLEData {
    /// Decodes the stored counts into the mask kernel's RLE, validating them.
    /// - Complexity: O(runs) (O(string length) for compressed counts).
    public func rle() throws(MaskError) -> RLE {
        let size = MaskSize(height: height, width: width)
        switch counts {
        case .compressed(let s): return try RLE(compressedCounts: s, size: size)
        case .uncompressed(let c): return try RLE(size: size, counts: c)
        }
    }
}

extension Segmentation {
    /// The object's mask as RLE on an image of `height × width`: polygons are rasterised with pycocotools'
    /// rules and unioned; stored RLE is decoded as is (its own size wins). Nil for `.none` and empty polygon lists.
    /// - Complexity: O(polygon perimeter × scale + runs) for polygons, O(runs) for RLE.
    public func rle(height: Int, width: Int) throws(MaskError) -> RLE? {
        switch self {
        case .none:
            return nil
        case .polygons(let set):
            if set.polygons.isEmpty { return nil }
            return try RLE(polygons: set.polygons, size: MaskSize(height: height, width: width))
        case .rle(let r):
            return try r.rle()
        }
    }
}
