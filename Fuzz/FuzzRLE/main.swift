// libFuzzer target: compressed RLE strings and run lists, decoding to a mask and back.
import AnnoMask

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRLE(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let height = Int(data[0] % 64), width = Int(data[1] % 64)
    let rest = UnsafeBufferPointer(start: data + 2, count: size - 2)
    let msize = MaskSize(height: height, width: width)
    // A compressed string (bytes as they come: invalid characters must be errors, not traps).
    if let rle = try? RLE(compressedCounts: String(decoding: rest, as: UTF8.self), size: msize) {
        let mask = rle.decoded()
        precondition(RLE(encoding: mask).decoded() == mask, "mask -> RLE -> mask changed the pixels")
        precondition(rle.area == mask.area)
        _ = rle.boundingBox
    }
    // The same bytes as a run list.
    let counts = stride(from: 0, to: rest.count - 1, by: 2).map { UInt32(rest[$0]) << 8 | UInt32(rest[$0 + 1]) }
    if let rle = try? RLE(size: msize, counts: counts) {
        let mask = rle.decoded()
        precondition(RLE(encoding: mask).decoded() == mask && rle.area == mask.area)
    }
    return 0
}
