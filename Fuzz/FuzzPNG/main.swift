// libFuzzer target: the PNG decoder, with chunk CRCs repaired first so the fuzzer reaches the pixel code, and
// the palette round trip decode -> encode -> decode.
import AnnoPNG
import AnnoZlib

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Rewrite every complete chunk's CRC (the check itself is tested elsewhere).
    var i = 8
    while i + 12 <= bytes.count {
        let n = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        guard n >= 0, i + 12 + n <= bytes.count else { break }
        let crc = Zlib.crc32(Array(bytes[(i + 4)..<(i + 8 + n)]))
        bytes[i + 8 + n] = UInt8(truncatingIfNeeded: crc >> 24)
        bytes[i + 9 + n] = UInt8(truncatingIfNeeded: crc >> 16)
        bytes[i + 10 + n] = UInt8(truncatingIfNeeded: crc >> 8)
        bytes[i + 11 + n] = UInt8(truncatingIfNeeded: crc)
        i += 12 + n
    }
    let limits = PNG.Limits(maxWidth: 4096, maxHeight: 4096, maxPixels: 1 << 22, maxChunks: 1000)
    guard let image = try? PNG.decode(bytes, limits: limits) else { return 0 }
    if case .indexed(let indices, let palette) = image.pixels, !palette.isEmpty {
        let encoded = try? PNG.encodeIndexed(
            width: image.header.width, height: image.header.height, indices: indices,
            palette: palette.map { PNG.RGB($0.r, $0.g, $0.b) }, transparency: palette.map(\.a))
        guard let encoded, let back = try? PNG.decode(encoded, limits: limits),
              case .indexed(let again, _) = back.pixels else { fatalError("a decoded palette image did not re-encode") }
        precondition(again == indices, "palette indices changed in decode -> encode -> decode")
    }
    return 0
}
