import AnnoCore
import AnnoJSON
import AnnoMask

extension COCO.Reader {
    /// Reads one annotation object; nil when it is malformed (after reporting why).
    /// An annotation without `image_id` gets the placeholder id `Self.missingImage` for the caller to resolve.
    mutating func readAnnotation(index: Int, requireID: Bool) throws -> Annotation? {
        let loc = try here()
        var subjectID: String?
        func subject() -> String { subjectID.map { "annotation \($0)" } ?? "annotation #\(index)" }
        guard try json.peek() == .object else {
            let kind = try json.peek()
            try json.skipValue()
            try report(COCO.Checks.wrongType, "an annotation must be an object, found \(kind); skipped", at: loc, subject: subject())
            return nil
        }
        try json.beginObject()
        let firstDiagnostic = diagnostics.count
        var sawIDForSubject = ""
        // Findings name the annotation by id wherever the id appears among its keys.
        defer {
            if !sawIDForSubject.isEmpty {
                for i in firstDiagnostic..<diagnostics.count where diagnostics[i].subject == "annotation #\(index)" {
                    diagnostics[i].subject = sawIDForSubject
                }
            }
        }
        var a = Annotation(id: .int(index + 1), idWasAssigned: true, imageID: Self.missingImage, origin: origin(loc))
        var sawID = false
        var valid = true
        while let index = try json.nextKey(in: Self.annotationKeys) {
            let key = index >= 0 ? Self.annotationKeys.names[index] : (json.currentKey ?? "")
            switch key {
            case "id":
                sawID = true
                if let id = try readID(subject: subject()) {
                    a.id = id
                    a.idWasAssigned = false
                    subjectID = id.text
                    sawIDForSubject = subject()
                } else {
                    valid = false
                }
            case "image_id":
                if let id = try readID(subject: subject()) { a.imageID = id } else { valid = false }
            case "category_id":
                if let id = try readID(subject: subject()) { a.categoryID = id } else { valid = false }
            case "bbox":
                let at = try here()
                if let box = try readBox() {
                    a.bbox = box
                } else {
                    try report(COCO.Checks.wrongType, "\"bbox\" must be four numbers [x, y, width, height]; annotation skipped", at: at, subject: subject())
                    valid = false
                }
            case "segmentation":
                let at = try here()
                switch try readSegmentation(subject: subject(), at: at) {
                case .some(let s): a.segmentation = s
                case nil: valid = false
                }
            case "area":
                let at = try here()
                if try json.peek() == .number {
                    a.area = try json.readNumber()
                } else {
                    let kind = try json.peek()
                    a.extensions.append(JSONMember(key, try json.readValue()))
                    try report(COCO.Checks.wrongType, "\"area\" should be a number, found \(kind); kept as written", at: at, subject: subject())
                }
            case "iscrowd":
                let at = try here()
                if try json.peek() == .number {
                    let n = try json.readNumber()
                    if n.literal == "0" || n.literal == "1" {
                        a.isCrowd = n.literal == "1" ? 1 : 0
                    } else {
                        a.extensions.append(JSONMember(key, .number(n)))
                        try report(COCO.Checks.numberOutOfRange, "\"iscrowd\" is \(n.literal); expected 0 or 1; kept as written", at: at, subject: subject())
                    }
                } else {
                    let kind = try json.peek()
                    a.extensions.append(JSONMember(key, try json.readValue()))
                    try report(COCO.Checks.wrongType, "\"iscrowd\" should be 0 or 1, found \(kind); kept as written", at: at, subject: subject())
                }
            case "score":
                if try json.peek() == .number { a.score = try json.readNumber() } else { a.extensions.append(JSONMember(key, try json.readValue())) }
            case "description":
                let (s, raw) = try readStringField(key, subject: subject())
                a.description = s
                if let raw { a.extensions.append(JSONMember(key, raw)) }
            case "caption":
                let (s, raw) = try readStringField(key, subject: subject())
                a.caption = s
                if let raw { a.extensions.append(JSONMember(key, raw)) }
            case "provenance":
                let raw = try json.readValue()
                if let p = Self.provenance(from: raw) { a.provenance = p } else { a.extensions.append(JSONMember(key, raw)) }
            case "review":
                let raw = try json.readValue()
                if let r = Self.review(from: raw) { a.review = r } else { a.extensions.append(JSONMember(key, raw)) }
            default:
                a.extensions.append(JSONMember(key, try json.readValue()))
            }
        }
        guard valid else { return nil }
        a.origin.span = loc..<json.offset
        // Reported after the whole file is read, so it needs its location even when origins are not recorded.
        if a.imageID == Self.missingImage && !recordsOrigins { a.origin.location = location(loc, json.pointer) }
        // Panoptic records (`segments_info`) have no id by design. Elsewhere a missing id is an error, but the
        // annotation is kept under an assigned id that is never written back, so nothing is lost.
        if requireID && !sawID && !a.extensions.contains(where: { $0.key == "segments_info" }) {
            try report(COCO.Checks.missingField, "annotation has no \"id\"; kept under the assigned id #\(index + 1), which is not written back", at: loc, subject: subject())
        }
        return a
    }

    /// The annotation keys the reader models; everything else becomes an extension.
    static let annotationKeys = JSONKeySet(["id", "image_id", "category_id", "bbox", "segmentation", "area", "iscrowd", "score", "description", "caption", "provenance", "review"])

    /// The placeholder image id of annotations that had none (resolved after the whole file is read).
    static let missingImage = ID.string("\u{0}missing-image-id")

    /// Reads `[x, y, w, h]`; nil (value consumed) when it is not exactly four numbers.
    mutating func readBox() throws -> Box? {
        guard try json.peek() == .array else {
            try json.skipValue()
            return nil
        }
        try json.beginArray()
        var values: [JSONNumber] = []
        values.reserveCapacity(4)
        var ok = true
        while try json.nextElement() {
            if try json.peek() == .number, values.count < 4 {
                values.append(try json.readNumber())
            } else {
                ok = false
                try json.skipValue()
            }
        }
        guard ok, values.count == 4 else { return nil }
        return Box(x: values[0], y: values[1], width: values[2], height: values[3])
    }

    /// Reads a segmentation; nil (after reporting) when malformed.
    mutating func readSegmentation(subject: @autoclosure () -> String, at loc: Int) throws -> Segmentation? {
        switch try json.peek() {
        case .array:
            return try readPolygons(subject: subject(), at: loc)
        case .object:
            return try readRLE(subject: subject(), at: loc)
        case let kind:
            try json.skipValue()
            try report(COCO.Checks.wrongType, "\"segmentation\" must be a list of polygons or an RLE object, found \(kind); annotation skipped", at: loc, subject: subject())
            return nil
        }
    }

    mutating func readPolygons(subject: @autoclosure () -> String, at loc: Int) throws -> Segmentation? {
        try json.beginArray()
        var polygons: [[Double]] = []
        var styles: [NumberStyle] = []
        polygons.reserveCapacity(2)
        styles.reserveCapacity(2)
        var problem: String?
        var partIndex = 0
        while try json.nextElement() {
            let kind = try json.peek()
            if kind == .number {
                problem = problem ?? "\"segmentation\" is a bare list of numbers; COCO polygons are a list of lists: wrap it as [[x1, y1, ...]]"
                try json.skipValue()
            } else if kind != .array {
                problem = problem ?? "polygon \(partIndex) is a \(kind), not a list of numbers"
                try json.skipValue()
            } else {
                var style = NumberStyle.canonical
                var values: [Double] = []
                var valueCount = 0
                var nonNumber = false
                let read: Result<Int, JSONError>
                if keepsPolygonValues {
                    read = json.readDoubleArrayResult(style: &style).map { v in
                        values = v
                        return v.count
                    }
                } else {
                    read = json.countNumberArrayResult()
                }
                switch read {
                case .success(let n):
                    valueCount = n
                case .failure(let e):
                    guard case .typeMismatch = e.kind else { throw e }
                    // The reader stopped before the offending element: skip it and the rest of this polygon.
                    nonNumber = true
                    try json.skipValue()
                    while try json.nextElement() { try json.skipValue() }
                }
                if nonNumber {
                    problem = problem ?? "polygon \(partIndex) holds a value that is not a number"
                } else if valueCount % 2 != 0 {
                    problem = problem ?? "polygon \(partIndex) has an odd number of values (\(valueCount))"
                } else if valueCount < 6 {
                    problem = problem ?? "polygon \(partIndex) has \(valueCount / 2) points; at least 3 are needed (pycocotools would read 2 points as a box and fail)"
                } else if let bad = values.firstIndex(where: { !$0.isFinite }) {
                    problem = problem ?? "polygon \(partIndex) value \(bad) is not finite (\(style.literal(values[bad], at: bad)))"
                }
                polygons.append(values)
                styles.append(style)
            }
            partIndex += 1
        }
        if let problem {
            try report(COCO.Checks.invalidPolygon, problem + "; annotation skipped", at: loc, subject: subject())
            return nil
        }
        return .polygons(PolygonSet(polygons, styles: styles))
    }

    mutating func readRLE(subject: @autoclosure () -> String, at loc: Int) throws -> Segmentation? {
        try json.beginObject()
        var size: [Int]?
        var compressed: String?
        var counts: [UInt32]?
        // Validated while reading: the first negative or oversized run, and the running sum.
        var countError: MaskError?
        var countSum = 0
        var problem: String?
        while let key = try json.nextKey() {
            switch key {
            case "size":
                let raw = try json.readValue()
                if case .array(let items) = raw, items.count == 2,
                   case .number(let h) = items[0], case .number(let w) = items[1],
                   let hi = Int(h.literal), let wi = Int(w.literal) {
                    size = [hi, wi]
                } else {
                    problem = problem ?? "RLE \"size\" must be [height, width] as whole numbers"
                }
            case "counts":
                let kind = try json.peek()
                if kind == .string {
                    compressed = try json.readString()
                } else if kind == .array {
                    try json.beginArray()
                    var list: [UInt32] = []
                    list.reserveCapacity(64)
                    while try json.nextElement() {
                        if try json.peek() == .number {
                            switch try json.readIntegerOrNumber() {
                            case .int(let i):
                                if i < 0 {
                                    countError = countError ?? .negativeCount(index: list.count)
                                } else if i > Int(UInt32.max) {
                                    countError = countError ?? .countOverflow(index: list.count)
                                } else {
                                    countSum += i
                                }
                                list.append(UInt32(clamping: i))
                            case .number(let n): problem = problem ?? "RLE \"counts\" must be whole numbers, found \(n.literal)"
                            }
                        } else {
                            problem = problem ?? "RLE \"counts\" must be whole numbers"
                            try json.skipValue()
                        }
                    }
                    counts = list
                } else {
                    try json.skipValue()
                    problem = problem ?? "RLE \"counts\" must be a string or a list of whole numbers, found \(kind)"
                }
            default:
                try json.skipValue()
                problem = problem ?? "RLE object has an unexpected key \"\(key)\""
            }
        }
        if problem == nil, size == nil { problem = "RLE has no \"size\"" }
        if problem == nil, compressed == nil, counts == nil { problem = "RLE has no \"counts\"" }
        if let problem {
            try report(COCO.Checks.invalidRLE, problem + "; annotation skipped", at: loc, subject: subject())
            return nil
        }
        let h = size?[0] ?? 0, w = size?[1] ?? 0
        do throws(MaskError) {
            let maskSize = MaskSize(height: h, width: w)
            _ = try maskSize.validate(limit: COCO.maxPixels)
            if let compressed {
                _ = try RLE(compressedCounts: compressed, size: maskSize)
                return .rle(RLEData(height: h, width: w, counts: .compressed(compressed)))
            }
            if let countError { throw countError }
            let pixels = h * w
            guard countSum == pixels else { throw MaskError.countsSumMismatch(expected: pixels, actual: countSum) }
            return .rle(RLEData(height: h, width: w, counts: .uncompressed(counts ?? [])))
        } catch {
            try report(COCO.Checks.invalidRLE, "\(error); annotation skipped", at: loc, subject: subject())
            return nil
        }
    }
}


extension JSONReader {
    /// `countNumberArray()` with its error as a value, like `readDoubleArrayResult`.
    mutating func countNumberArrayResult() -> Result<Int, JSONError> {
        do throws(JSONError) {
            return .success(try countNumberArray())
        } catch {
            return .failure(error)
        }
    }

    /// `readDoubleArray(literals:)` with its error as a value, so callers can recover from a type mismatch.
    mutating func readDoubleArrayResult(style: inout NumberStyle) -> Result<[Double], JSONError> {
        do throws(JSONError) {
            return .success(try readDoubleArray(style: &style))
        } catch {
            return .failure(error)
        }
    }
}
