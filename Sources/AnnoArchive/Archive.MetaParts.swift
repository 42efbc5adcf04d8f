import AnnoCore
import AnnoJSON

/// Decoding a multi-part `META` record: each part holds a run of whole annotations (the first part also the
/// dataset head, the last the dataset extensions), so parts decode independently, in any order or in parallel,
/// straight into the final annotation storage.
final class MetaAssembly {
    let parts: [RecordIO.Part]
    let header: Archive.RecordHeader
    let offset: UInt64
    let path: String
    /// The sum of the parts' annotation counts (checked against the count the first part declares).
    let total: Int
    /// Where each part's annotations start in the joined list.
    let firstAnnotation: [Int]
    /// Where the parts decode their annotations: the final array's storage, or storage owned by the assembly.
    let annotations: UnsafeMutablePointer<Annotation>
    private let ownsAnnotations: Bool
    let kinds: UnsafeMutablePointer<SegmentationKind>
    /// Per part: how many annotations it initialised (each part writes only its own slot).
    let initialized: UnsafeMutablePointer<Int>
    /// Per part: its error, or the head (part 0) and extensions (last part) it decoded.
    let outcomes: UnsafeMutablePointer<Outcome>
    private var moved = false

    struct Outcome {
        var error: ArchiveError?
        var head: (Dataset, Int)?
        var extensions: [JSONMember]?
    }

    /// The total annotation count a part table declares, checked against what the raw length can hold.
    static func annotationTotal(_ parts: [RecordIO.Part], header: Archive.RecordHeader, offset: UInt64, path: String) throws(ArchiveError) -> Int {
        let sum = parts.reduce(0) { $0 + $1.annotationCount }
        // Every annotation takes at least 6 raw bytes, so the table cannot claim more than the raw length allows.
        guard sum <= Int(header.rawLength) / 6 else {
            throw ArchiveError(.malformedRecord, "record 0 (META): the part table claims \(sum) annotations, more than \(header.rawLength) bytes can hold", path: path, offset: offset + UInt64(Archive.recordHeaderSize), record: Int(header.ordinal))
        }
        return sum
    }

    /// Prepares to decode `parts` into `storage` (uninitialised room for `annotationTotal` annotations), or into
    /// storage of its own when `storage` is nil.
    init(parts: [RecordIO.Part], header: Archive.RecordHeader, offset: UInt64, path: String, storage: UnsafeMutablePointer<Annotation>? = nil) throws(ArchiveError) {
        self.parts = parts
        self.header = header
        self.offset = offset
        self.path = path
        let sum = try MetaAssembly.annotationTotal(parts, header: header, offset: offset, path: path)
        var firsts: [Int] = []
        var at = 0
        for p in parts {
            firsts.append(at)
            at += p.annotationCount
        }
        total = sum
        firstAnnotation = firsts
        ownsAnnotations = storage == nil
        annotations = storage ?? .allocate(capacity: max(sum, 1))
        kinds = .allocate(capacity: max(sum, 1))
        initialized = .allocate(capacity: parts.count)
        initialized.initialize(repeating: 0, count: parts.count)
        outcomes = .allocate(capacity: parts.count)
        outcomes.initialize(repeating: Outcome(), count: parts.count)
    }

    deinit {
        if !moved {
            for i in parts.indices { (annotations + firstAnnotation[i]).deinitialize(count: initialized[i]) }
        }
        if ownsAnnotations { annotations.deallocate() }
        kinds.deallocate()
        initialized.deallocate()
        outcomes.deinitialize(count: parts.count)
        outcomes.deallocate()
    }

    /// Decodes part `i` from its raw bytes. Safe to run concurrently for different parts.
    func decodePart(_ i: Int, _ bytes: ArraySlice<UInt8>) {
        let part = parts[i], first = i == 0, last = i == parts.count - 1
        let start = firstAnnotation[i]
        var outcome = Outcome()
        var done = 0
        let failure: PayloadError? = bytes.withUnsafeBytes { buf in
            var r = ByteReader(buf)
            do throws(PayloadError) {
                if first { outcome.head = try MetadataCodec.decodeHead(&r, wholeBlock: false) }
                let (n, error) = MetadataCodec.decodeAnnotations(&r, count: part.annotationCount, into: annotations + start, kinds: kinds + start)
                done = n
                if let error { throw error }
                if last {
                    outcome.extensions = try MetadataCodec.decodeTail(&r)
                } else if !r.isAtEnd {
                    throw r.fail("\(r.remaining) unexpected bytes after the part's \(part.annotationCount) annotations")
                }
                return nil
            } catch {
                return error
            }
        }
        initialized[i] = done
        if let failure {
            let ordinal = Int(header.ordinal)
            outcome.error = ArchiveError(.malformedRecord, "record \(ordinal) (META) part \(i): \(failure.message) at payload byte \(part.rawOffset + failure.position)", path: path, offset: offset, record: ordinal)
        }
        outcomes[i] = outcome
    }

    /// Records that part `i` could not be read (its bytes did not inflate).
    func fail(_ i: Int, _ error: ArchiveError) { outcomes[i].error = error }

    /// Checks the decoded parts (the first part's error in part order) and returns the dataset without its
    /// annotations, and the kinds. On success the annotations are all initialised and belong to the caller.
    func finishParts() throws(ArchiveError) -> (Dataset, [SegmentationKind]) {
        for i in parts.indices { if let e = outcomes[i].error { throw e } }
        guard var (d, declared) = outcomes[0].head, let extensions = outcomes[parts.count - 1].extensions else {
            throw ArchiveError(.malformedRecord, "record 0 (META): a part was not decoded", path: path, offset: offset, record: 0)
        }
        guard declared == total else {
            throw ArchiveError(.malformedRecord, "record 0 (META): the block declares \(declared) annotations, its parts hold \(total)", path: path, offset: offset, record: Int(header.ordinal))
        }
        declared = 0
        moved = true
        d.extensions = extensions
        return (d, Array(UnsafeBufferPointer(start: kinds, count: total)))
    }

    /// Joins the decoded parts into the dataset (moving the annotations out of the assembly's own storage).
    func finish() throws(ArchiveError) -> (Dataset, [SegmentationKind]) {
        var (d, kinds) = try finishParts()
        d.annotations = [Annotation](unsafeUninitializedCapacity: total) { buf, count in
            if let base = buf.baseAddress { base.moveInitialize(from: annotations, count: total) }
            count = total
        }
        return (d, kinds)
    }

    /// Decodes a loaded (joined) multi-part payload part by part, on this thread.
    static func decode(_ loaded: RecordIO.Loaded, parts: [RecordIO.Part], path: String) throws(ArchiveError) -> (Dataset, [SegmentationKind]) {
        let assembly = try MetaAssembly(parts: parts, header: loaded.header, offset: loaded.offset, path: path)
        for (i, p) in parts.enumerated() { assembly.decodePart(i, loaded.payload[p.rawOffset..<(p.rawOffset + p.rawLength)]) }
        return try assembly.finish()
    }
}

extension RecordIO {
    /// Decodes a loaded `META` record, single-stream or multi-part.
    static func decodeMeta(_ loaded: Loaded, path: String) throws(ArchiveError) -> (Dataset, [SegmentationKind]) {
        if let parts = loaded.parts { return try MetaAssembly.decode(loaded, parts: parts, path: path) }
        return try RecordIO.decode(loaded, path: path) { (r: inout ByteReader) throws(PayloadError) in try MetadataCodec.decode(&r) }
    }
}

extension RecordIO {
    /// Decodes a loaded `MASK` record; a two-part record's first part must hold exactly its RLE-sourced masks.
    static func decodeMasks(_ loaded: Loaded, annotationCount: Int, keepPolygonCounts: Bool, grouped: Bool, path: String) throws(ArchiveError) -> (Archive.ImageMasks, Int) {
        let (image, declared) = try decode(loaded, path: path) { (r: inout ByteReader) throws(PayloadError) in
            try Archive.ImageMasks.decode(&r, annotationCount: annotationCount, keepPolygonCounts: keepPolygonCounts, grouped: grouped, prefix: nil)
        }
        guard let parts = loaded.parts else { return (image, declared) }
        let first = Loaded(header: loaded.header, offset: loaded.offset, payload: Array(loaded.payload[0..<min(parts[0].rawLength, loaded.payload.count)]), parts: parts)
        let (prefix, _) = try decodeMaskPrefix(first, annotationCount: annotationCount, keepPolygonCounts: false, path: path)
        guard image.masks.dropFirst(prefix.masks.count).allSatisfy({ $0.source == .polygons }) else {
            throw ArchiveError(.malformedRecord, "record \(loaded.header.ordinal) (MASK): its second part holds masks with stored counts", path: path, offset: loaded.offset, record: Int(loaded.header.ordinal))
        }
        return (image, declared)
    }

    /// Decodes the first part of a two-part `MASK` record (its payload is that part's raw bytes): the record
    /// head and the part's masks, all with stored counts; the two parts' counts must add up to the declared count.
    static func decodeMaskPrefix(_ loaded: Loaded, annotationCount: Int, keepPolygonCounts: Bool, path: String) throws(ArchiveError) -> (Archive.ImageMasks, Int) {
        let ordinal = Int(loaded.header.ordinal)
        guard let parts = loaded.parts, parts.count == 2, parts[0].annotationCount >= 1, parts[1].annotationCount >= 1 else {
            throw ArchiveError(.malformedRecord, "record \(ordinal) (MASK): a multi-part MASK record has two non-empty parts", path: path, offset: loaded.offset, record: ordinal)
        }
        let k = parts[0].annotationCount
        let (image, declared) = try decode(loaded, path: path) { (r: inout ByteReader) throws(PayloadError) in
            try Archive.ImageMasks.decode(&r, annotationCount: annotationCount, keepPolygonCounts: keepPolygonCounts, grouped: true, prefix: k)
        }
        guard declared == k + parts[1].annotationCount, image.masks.count == k, image.masks.allSatisfy({ $0.source != .polygons }) else {
            throw ArchiveError(.malformedRecord, "record \(ordinal) (MASK): its parts hold \(k) and \(parts[1].annotationCount) masks, but it declares \(declared) with \(image.masks.filter { $0.source != .polygons }.count) of them with stored counts first", path: path, offset: loaded.offset, record: ordinal)
        }
        return (image, declared)
    }
}
