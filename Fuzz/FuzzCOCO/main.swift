// libFuzzer target: COCO JSON reader (tolerant), every lint rule, the writer, and the writer's round trip.
// Build and run with scripts/fuzz.sh; in a normal build this file is an empty script.
import AnnoCOCO
import AnnoCore
import AnnoLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCOCO(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var diagnostics = Diagnostics()
    guard let dataset = try? COCO.Reader.read(bytes: bytes, file: "fuzz.json", diagnostics: &diagnostics) else { return 0 }
    if let linter = try? Linter() {
        _ = linter.run(on: dataset, path: "fuzz.json", format: "coco", readerDiagnostics: diagnostics.items)
    }
    // What the writer writes, the reader reads back to the same dataset.
    let written = COCO.Writer.encode(dataset)
    var again = Diagnostics()
    guard let back = try? COCO.Reader.read(bytes: written, file: "fuzz.json", diagnostics: &again) else {
        fatalError("the writer produced a file the reader rejects")
    }
    // Assigned ids (results lists) are positions, never written: a skipped malformed item shifts them on re-read.
    func withoutAssignedIDs(_ d: Dataset) -> Dataset {
        var d = d
        for i in d.annotations.indices where d.annotations[i].idWasAssigned { d.annotations[i].id = .int(0) }
        return d
    }
    // A dataset without a section order (`{}`) is written with the standard empty sections, by design.
    var expected = withoutAssignedIDs(back)
    if dataset.sectionOrder.isEmpty { expected.sectionOrder = [] }
    precondition(expected == withoutAssignedIDs(dataset), "COCO -> COCO changed the dataset")
    return 0
}
