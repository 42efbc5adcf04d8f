// libFuzzer target: the polygon rasteriser on raw doubles (NaN, infinities, huge and tiny values included).
import AnnoMask

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolygon(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let msize = MaskSize(height: Int(data[0] % 128), width: Int(data[1] % 128))
    let raw = UnsafeRawBufferPointer(start: data + 2, count: size - 2)
    let values = stride(from: 0, to: raw.count - 7, by: 8).map { raw.loadUnaligned(fromByteOffset: $0, as: Double.self) }
    if let rle = try? RLE(polygon: values, size: msize) {
        precondition(rle.size == msize)
        precondition(rle.area <= msize.height * msize.width)
        let mask = rle.decoded()
        precondition(RLE(encoding: mask).decoded() == mask && rle.area == mask.area)
    }
    return 0
}
