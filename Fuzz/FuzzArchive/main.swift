// libFuzzer target: the .amsk reader (whole dataset, one image's masks, verify) and the round trip
// read -> write -> read, whose second write must give identical bytes.
import AnnoArchive
import AnnoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = Archive.verify(bytes: bytes, maxPayloadBytes: 1 << 22)
    guard let reader = try? Archive.Reader(bytes: bytes, maxPayloadBytes: 1 << 22) else { return 0 }
    for key in reader.imageKeys.prefix(3) { _ = try? reader.masks(forImage: key) }
    guard let dataset = try? reader.readDataset() else { return 0 }
    guard let first = try? Archive.encode(dataset), let again = try? Archive.Reader(bytes: first).readDataset(),
          let second = try? Archive.encode(again) else { fatalError("a dataset read from an archive did not round-trip") }
    precondition(first == second, "archive -> archive is not byte-identical")
    return 0
}
