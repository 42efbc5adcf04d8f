// libFuzzer target: the hardened XML parser (byte pre-scan, then libxml2 without DTDs or entities).
import AnnoXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let root = try? XML.parse(bytes, file: "fuzz.xml") {
        _ = root.name
        _ = try? XML.Writer(indent: 2, includesDeclaration: true).bytes(root)
    }
    return 0
}
