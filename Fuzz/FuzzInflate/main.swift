// libFuzzer target: bounded inflate (zlib and raw streams) under a 1 MiB cap.
import AnnoZlib

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let out = try? Zlib.inflate(bytes, limit: 1 << 20) {
        precondition(out.count <= 1 << 20)
        precondition((try? Zlib.inflate(Zlib.deflate(out, level: 1), limit: 1 << 20)) == out, "deflate -> inflate changed the bytes")
    }
    _ = try? Zlib.inflate(bytes, limit: 1 << 20, format: .raw)
    return 0
}
