import AnnoCore
import AnnoJSON
import Dispatch

extension COCO.Reader {
    /// A second consumer for annotations read on another core: `sink` receives them there, and `commit` is called
    /// on the calling thread once the split is confirmed (never when it is not, so those annotations are dropped).
    /// Annotations reach the second sink numbered within their half; `commit`'s argument renumbers them in file
    /// order.
    public typealias SplitSink = (sink: (Annotation) -> Void, commit: (SplitRenumbering) -> Void)

    /// How to turn an annotation numbered within the second half of a split read into its file-order form.
    public struct SplitRenumbering: Sendable {
        /// The number of annotation elements before the second half.
        public let annotationsBefore: Int
        /// The JSON Pointer of the `annotations` array (`/annotations`).
        let arrayPointer: String

        /// Renumbers an assigned id (`idWasAssigned`) and shifts the element index in the origin's JSON Pointer.
        public func apply(to a: inout Annotation) {
            if a.idWasAssigned, case .int(let n) = a.id { a.id = .int(n + annotationsBefore) }
            if var location = a.origin.location, let pointer = location.pointer {
                location.pointer = shift(pointer)
                a.origin.location = location
            }
        }

        /// `pointer` with the second half's element index (counted from 1 at the element after the split) made a
        /// file-order index.
        func shift(_ pointer: String) -> String { COCO.Reader.shift(pointer, under: arrayPointer, by: annotationsBefore - 1) }
    }

    /// The smallest `annotations` array (in bytes) worth reading on two cores.
    static let splitThreshold = 1 << 20

    /// Reads a COCO file like ``stream(bytes:file:options:diagnostics:annotationSink:)``, but reads a large
    /// `annotations` array in two halves on two cores: the first half goes to `annotationSink` on this thread, the
    /// second to a fresh `makeSecondSink()` consumer on another, committed after the first half. Diagnostics,
    /// pointers and the result are the same as a sequential read; when the split cannot be confirmed the second
    /// half's work is discarded and reading goes on sequentially.
    public static func streamOnTwoCores(
        bytes: consuming [UInt8], file: String, options: ReadOptions = ReadOptions(), diagnostics: inout Diagnostics,
        annotationSink: @escaping (Annotation) -> Void, makeSecondSink: @escaping () -> SplitSink,
        imagesReady: (([Image]) -> Void)? = nil
    ) throws -> Dataset {
        var reader = COCO.Reader(bytes: bytes, file: file, options: options)
        reader.sink = annotationSink
        reader.makeSecondSink = makeSecondSink
        reader.imagesReady = imagesReady
        return try reader.run(into: &diagnostics)
    }

    /// Reads the `annotations` array (the reader is at its `[`) in two halves when it is large enough.
    /// Without `makeSecondSink` the annotations are kept: the second half's join the dataset after the first's.
    mutating func readAnnotationsSplit(_ dataset: inout Dataset, makeSecondSink: (() -> SplitSink)?) throws {
        let arrayStart = json.offset
        discardFloor = arrayStart
        defer { discardFloor = -1 }
        dataset.annotations = []  // a repeated "annotations" key replaces the earlier one, as in a sequential read
        try json.beginArray()
        let end = json.count
        let midpoint = arrayStart + (end - arrayStart) / 2
        var index = 0
        func readSequentially(_ r: inout COCO.Reader, from start: Int, into dataset: inout Dataset) throws {
            var i = start
            while try r.json.nextElement() {
                if let a = try r.readAnnotation(index: i, requireID: true) { r.keep(a, in: &dataset) }
                i += 1
                r.tick()
            }
        }
        guard let comma = json.arraySplitCandidate(from: midpoint),
              let forked = json.resuming(atArraySeparator: comma) else {
            try readSequentially(&self, from: 0, into: &dataset)
            return
        }
        // The second half, on another core, into its own consumer and its own dataset (for annotations that wait
        // for their image id) and diagnostics.
        let second = SecondHalf(reader: COCO.Reader(json: forked, file: file, strict: strict), consumer: makeSecondSink?())
        second.reader.keepsPolygonValues = keepsPolygonValues
        second.reader.recordsOrigins = recordsOrigins
        second.reader.sink = second.consumer?.sink
        let inherited = forked.warnings.count
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { second.run() }
        // The first half here, up to exactly the comma: landing on it proves the comma separates two elements.
        var confirmed = false
        while true {
            let next = json.offset
            if next == comma {
                confirmed = true
                break
            }
            if next > comma { break }
            guard try json.nextElement() else { break }
            if let a = try readAnnotation(index: index, requireID: true) { keep(a, in: &dataset) }
            index += 1
            tick()
        }
        group.wait()
        guard confirmed, second.error == nil else {
            // The second half may have handed back bytes this reader would now need.
            if json.discardsReadInput { throw ReadAgainWithoutDiscarding() }
            // Not a boundary after all, or the second half failed: read on sequentially (a failure recurs here
            // with the right location, and nothing of the second half was committed).
            try readSequentially(&self, from: index, into: &dataset)
            return
        }
        // The second half numbered its elements from 1 (the element after the comma) and its annotations from 0.
        let elementPointer = json.pointer
        let prefix = elementPointer.lastIndex(of: "/").map { String(elementPointer[..<$0]) } ?? elementPointer
        let renumbering = SplitRenumbering(annotationsBefore: index, arrayPointer: prefix)
        func shiftPointer(_ p: String) -> String { renumbering.shift(p) }
        json.adopt(second.reader.json, inheritedWarnings: inherited, shiftingPointersBy: shiftPointer)
        for var d in second.reader.diagnostics {
            if var location = d.location, let pointer = location.pointer {
                location.pointer = shiftPointer(pointer)
                d.location = location
            }
            d.subject = Self.shift(d.subject, under: "annotation #", by: index)
            d.message = Self.shiftNumber(after: "assigned id #", in: d.message, by: index)
            diagnostics.append(d)
        }
        // One exact allocation for the joined list: doubling here would briefly hold three copies' worth.
        dataset.annotations.reserveCapacity(dataset.annotations.count + second.dataset.annotations.count)
        for var a in second.dataset.annotations {
            renumbering.apply(to: &a)
            dataset.annotations.append(a)
        }
        second.dataset = Dataset()  // release the second half's list now, not when the reader returns
        second.consumer?.commit(renumbering)
    }

    /// `text` with the first number after `marker` (anywhere in it) increased by `delta`.
    static func shiftNumber(after marker: String, in text: String, by delta: Int) -> String {
        guard delta != 0, let r = text.firstRange(of: marker) else { return text }
        let rest = text[r.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits) else { return text }
        return String(text[..<r.upperBound]) + String(n + delta) + rest.dropFirst(digits.count)
    }

    /// `text` with the number right after `prefix` (at its start, or after a `/`-joined pointer prefix) increased
    /// by `delta`: `/annotations/3/bbox` → `/annotations/1003/bbox`, `annotation #3` → `annotation #1003`.
    static func shift(_ text: String, under prefix: String, by delta: Int) -> String {
        let lead = prefix.hasSuffix("#") ? prefix : prefix + "/"
        guard delta != 0, text.hasPrefix(lead) else { return text }
        let rest = text.dropFirst(lead.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits) else { return text }
        return lead + String(n + delta) + rest.dropFirst(digits.count)
    }
}

/// The second half of a split read: its reader, consumer and results, filled on another thread and read after it
/// finishes (the dispatch group's wait orders the accesses).
final class SecondHalf: @unchecked Sendable {
    var reader: COCO.Reader
    let consumer: COCO.Reader.SplitSink?
    var dataset = Dataset()
    var error: Error?

    init(reader: COCO.Reader, consumer: COCO.Reader.SplitSink?) {
        self.reader = reader
        self.consumer = consumer
    }

    func run() {
        do {
            var i = 0
            while try reader.json.nextElement() {
                if let a = try reader.readAnnotation(index: i, requireID: true) { reader.keep(a, in: &dataset) }
                i += 1
                reader.json.discardReadInput(from: 0)
            }
        } catch {
            self.error = error
        }
    }
}
