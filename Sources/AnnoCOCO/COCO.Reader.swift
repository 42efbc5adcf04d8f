import AnnoCore
import AnnoJSON
import AnnoMask

extension COCO {
    /// Reads COCO JSON into the IR in one streaming pass, tolerantly: a malformed item becomes a located
    /// diagnostic and is skipped (or kept, with the bad value preserved as an extension, where skipping would
    /// lose more than it saves).
    ///
    /// This is the inverse of ``COCO/Writer``.
    public struct Reader {
        var json: JSONReader
        let file: String
        let strict: Bool
        var diagnostics: [Diagnostic] = []
        var progress: (@Sendable (Double) -> Void)?
        var lastProgress = 0
        /// False when polygon values are only validated and counted (see `ReadOptions.keepsPolygonValues`).
        var keepsPolygonValues = true
        /// False when items need no source location (see `ReadOptions.recordsOrigins`).
        var recordsOrigins = true
        /// When set, a large `annotations` array is read in two halves on two cores (see `streamOnTwoCores`).
        var makeSecondSink: (() -> SplitSink)?
        /// When set, annotations go here as they are read instead of into the dataset (bounded memory).
        var sink: ((Annotation) -> Void)?
        /// Where the annotations array being read starts: input is discarded only after it (-1 outside).
        var discardFloor = -1
        /// When set, receives the images each time the dataset's image list is set (usually once, before the
        /// annotations), so a sink can look up image sizes while annotations stream.
        var imagesReady: (([Image]) -> Void)?

        /// Reads a whole COCO file from memory.
        ///
        /// - Throws: `DatasetError` (AK001 for invalid JSON with line:column and pointer; the first error
        ///   diagnostic when `options.strict`).
        /// - Complexity: O(bytes).
        public static func read(bytes: consuming [UInt8], file: String, options: ReadOptions = ReadOptions(), diagnostics: inout Diagnostics) throws -> Dataset {
            try read(bytes: bytes, file: file, options: options, diagnostics: &diagnostics, annotationSink: nil)
        }

        /// Reads a COCO file, handing each valid annotation to `annotationSink` in file order instead of keeping it,
        /// so memory stays bounded by the images and categories. The returned dataset has no annotations.
        public static func stream(
            bytes: consuming [UInt8], file: String, options: ReadOptions = ReadOptions(), diagnostics: inout Diagnostics,
            annotationSink: @escaping (Annotation) -> Void
        ) throws -> Dataset {
            try read(bytes: bytes, file: file, options: options, diagnostics: &diagnostics, annotationSink: annotationSink)
        }

        /// Reads one annotation object on its own, as written in a COCO file (for instance the bytes of an
        /// annotation's `origin.span`); nil when the bytes are not one well-formed annotation.
        public static func annotation(fromObject bytes: consuming [UInt8], file: String) -> Annotation? {
            var reader = Reader(bytes: bytes, file: file, options: ReadOptions())
            guard let a = try? reader.readAnnotation(index: 0, requireID: false), (try? reader.json.finish()) != nil else { return nil }
            return a
        }

        static func read(
            bytes: consuming [UInt8], file: String, options: ReadOptions, diagnostics: inout Diagnostics,
            annotationSink: ((Annotation) -> Void)?
        ) throws -> Dataset {
            var reader = Reader(bytes: bytes, file: file, options: options)
            reader.sink = annotationSink
            return try reader.run(into: &diagnostics)
        }

        /// Reads the whole document and reports everything found, in file order.
        mutating func run(into diagnostics: inout Diagnostics) throws -> Dataset {
            let dataset: Dataset
            do {
                dataset = try readTop()
                try json.finish()
            } catch let e as JSONError {
                throw COCO.error(from: e, file: file)
            }
            for w in json.warnings {
                self.diagnostics.append(Diagnostic(
                    Checks.duplicateKey, "duplicate key \"\(w.key)\"; the last value is used",
                    at: SourceLocation(file: file, pointer: w.pointer, line: w.line, column: w.column),
                    subject: "key \(w.pointer)/\(w.key)"))
            }
            diagnostics.report(contentsOf: self.diagnostics)
            return dataset
        }

        // MARK: - Plumbing

        func location(_ offset: Int, _ pointer: String) -> SourceLocation {
            let lc = json.location(at: offset)
            return SourceLocation(file: file, pointer: pointer, line: lc.line, column: lc.column)
        }

        /// The byte offset of the next value; cheap, so it can be taken before every field.
        mutating func here() throws(JSONError) -> Int {
            _ = try json.peek()
            return json.offset
        }

        /// The location of an item starting at `offset`, with the reader's current pointer.
        func origin(_ offset: Int) -> Origin { recordsOrigins ? Origin(location(offset, json.pointer)) : Origin() }

        /// Reports a problem at `offset`; the pointer is the reader's current one, which still names the value.
        mutating func report(_ check: CheckDescriptor, _ message: String, at offset: Int, subject: @autoclosure () -> String) throws {
            try report(check, message, at: location(offset, json.pointer), subject: subject())
        }

        mutating func report(_ check: CheckDescriptor, _ message: String, at loc: SourceLocation, subject: @autoclosure () -> String) throws {
            let d = Diagnostic(check, message, at: loc, subject: subject())
            if strict && d.severity == .error {
                throw DatasetError(code: check.code, message: message + " (--strict)", location: loc, category: .malformedInput)
            }
            diagnostics.append(d)
        }

        mutating func tick() {
            if discardFloor >= 0 { json.discardReadInput(from: discardFloor) }
            guard let progress else { return }
            let pct = json.count == 0 ? 100 : Int(Int64(json.offset) * 100 / Int64(json.count))
            if pct != lastProgress {
                lastProgress = pct
                progress(Double(pct) / 100)
            }
        }

        // MARK: - Top level

        mutating func readTop() throws -> Dataset {
            let kind = try json.peek()
            var dataset = Dataset(origin: Origin(SourceLocation(file: file)))
            switch kind {
            case .array:
                dataset.shape = .resultsList
                imagesReady?([])  // a results list has no images: consumers need not wait for any
                discardFloor = try here()
                try json.beginArray()
                var index = 0
                while try json.nextElement() {
                    if let a = try readAnnotation(index: index, requireID: false) { keep(a, in: &dataset) }
                    index += 1
                    tick()
                }
                try resolveMissingImageIDs(&dataset)
                flushToSink(&dataset)
                return dataset
            case .object:
                break
            default:
                let loc = location(try here(), "")
                throw DatasetError(
                    code: Checks.unsupportedShape.code,
                    message: "the top level is a \(kind), not a COCO object or results list", location: loc)
            }
            try json.beginObject()
            var sawImage = false
            var sawImages = false
            var order: [String] = []
            while let key = try json.nextKey() {
                if !order.contains(key) { order.append(key) }
                switch key {
                case "info":
                    dataset.info = try json.readValue()
                case "licenses":
                    dataset.licenses = try readList { (r: inout Reader, i) throws -> License? in try r.readLicense(index: i) }
                case "images":
                    sawImages = true
                    dataset.images = try readList { (r: inout Reader, i) throws -> Image? in try r.readImage(index: i) }
                    imagesReady?(dataset.images)
                case "image" where !sawImages:
                    // Segment Anything's single image. A malformed one is reported and skipped like any image; a
                    // value that is not an object is kept as written.
                    let at = try here()
                    let kind = try json.peek()
                    if kind == .object {
                        if let image = try readImage(index: nil) {
                            sawImage = true
                            dataset.images = [image]
                            imagesReady?(dataset.images)
                        } else {
                            order.removeAll { $0 == key }
                        }
                    } else {
                        Self.setTopLevel(key, try json.readValue(), in: &dataset)
                        try report(COCO.Checks.wrongType, "\"image\" should be an object, found \(kind); kept as written", at: at, subject: "image")
                    }
                case "annotations" where try splitsAnnotations():
                    try readAnnotationsSplit(&dataset, makeSecondSink: makeSecondSink)
                case "annotations":
                    discardFloor = try here()
                    defer { discardFloor = -1 }
                    dataset.annotations = try readList { (r: inout Reader, i) throws -> Annotation? in
                        let a = try r.readAnnotation(index: i, requireID: true)
                        r.tick()
                        guard let a, r.sink != nil, a.imageID != Self.missingImage else { return a }
                        r.sink?(a)
                        return nil
                    }
                case "categories":
                    dataset.categories = try readList { (r: inout Reader, i) throws -> Category? in try r.readCategory(index: i) }
                default:
                    Self.setTopLevel(key, try json.readValue(), in: &dataset)
                }
            }
            if sawImage && !sawImages { dataset.shape = .segmentAnything }
            dataset.sectionOrder = order
            try resolveMissingImageIDs(&dataset)
            flushToSink(&dataset)
            return dataset
        }

        /// Keeps an unknown top-level member. A repeated key keeps its first place and its last value, as AK002 says
        /// and as Python's `json` does, so the writer writes it once and reading that back gives the same dataset.
        static func setTopLevel(_ key: String, _ value: JSONValue, in dataset: inout Dataset) {
            if let k = dataset.extensions.firstIndex(where: { $0.key == key }) {
                dataset.extensions[k] = JSONMember(key, value)
            } else {
                dataset.extensions.append(JSONMember(key, value))
            }
        }

        /// True when the next value is an `annotations` array large enough to read on two cores, and the
        /// annotations are either kept or have a second consumer.
        mutating func splitsAnnotations() throws -> Bool {
            // Reads that keep annotations split too; a plain streaming sink cannot take a second half.
            guard makeSecondSink != nil || sink == nil, try json.peek() == .array else { return false }
            return json.count - json.offset >= Self.splitThreshold
        }

        /// Keeps an annotation, or hands it to the sink when it has its image id.
        mutating func keep(_ a: Annotation, in dataset: inout Dataset) {
            if let sink, a.imageID != Self.missingImage { sink(a) } else { dataset.annotations.append(a) }
        }

        /// Hands the annotations that waited for their image id to the sink.
        mutating func flushToSink(_ dataset: inout Dataset) {
            guard let sink else { return }
            for a in dataset.annotations { sink(a) }
            dataset.annotations = []
        }

        /// Gives Segment Anything annotations their image's id; elsewhere drops annotations without `image_id`.
        mutating func resolveMissingImageIDs(_ dataset: inout Dataset) throws {
            guard dataset.annotations.contains(where: { $0.imageID == Self.missingImage }) else { return }
            if dataset.shape == .segmentAnything, let image = dataset.images.first {
                for i in dataset.annotations.indices where dataset.annotations[i].imageID == Self.missingImage {
                    dataset.annotations[i].imageID = image.id
                }
                return
            }
            var kept: [Annotation] = []
            kept.reserveCapacity(dataset.annotations.count)
            for a in dataset.annotations {
                if a.imageID == Self.missingImage {
                    let subject = a.idWasAssigned ? "annotation #\(a.id.text)" : "annotation \(a.id.text)"
                    try report(COCO.Checks.missingField, "annotation has no \"image_id\"; skipped", at: a.origin.location ?? SourceLocation(file: file), subject: subject)
                } else {
                    kept.append(a)
                }
            }
            dataset.annotations = kept
        }

        /// Reads an array of items; a non-array is a wrong-type error and the section is kept as an extension.
        mutating func readList<T>(_ item: (inout Reader, Int) throws -> T?) throws -> [T] {
            guard try json.peek() == .array else {
                let loc = try here()
                let kind = try json.peek()
                let section = json.pointer
                try report(Checks.wrongType, "expected an array, found \(kind); the section is ignored", at: loc, subject: "section \(section)")
                try json.skipValue()
                return []
            }
            try json.beginArray()
            var out: [T] = []
            var i = 0
            while try json.nextElement() {
                if let v = try item(&self, i) { out.append(v) }
                i += 1
            }
            return out
        }

        // MARK: - Field helpers

        /// Reads an id; returns nil (and reports) for values that cannot be ids.
        mutating func readID(subject: @autoclosure () -> String) throws -> ID? {
            let loc = try here()
            switch try json.peek() {
            case .string:
                return .string(try json.readString())
            case .number:
                switch try json.readIntegerOrNumber() {
                case .int(let i):
                    return .int(i)
                case .number(let n):
                    if let i = Int(n.literal) { return .int(i) }
                    try report(Checks.invalidID, "id \(n.literal) is not a whole number that fits in 64 bits", at: loc, subject: subject())
                    return nil
                }
            case let kind:
                try json.skipValue()
                try report(Checks.invalidID, "an id must be an integer or a string, found \(kind)", at: loc, subject: subject())
                return nil
            }
        }

        /// Reads an optional string; a non-string is reported and returned as a raw value for extensions.
        mutating func readStringField(_ key: String, subject: @autoclosure () -> String) throws -> (String?, JSONValue?) {
            let kind = try json.peek()
            if kind == .string { return (try json.readString(), nil) }
            if kind == .null {
                try json.readNull()
                return (nil, .null)
            }
            let loc = try here()
            let raw = try json.readValue()
            try report(Checks.wrongType, "\"\(key)\" should be a string, found \(kind); kept as written", at: loc, subject: subject())
            return (nil, raw)
        }

        /// Reads a whole-number image dimension; out-of-range values are kept raw.
        mutating func readDimension(_ key: String, subject: @autoclosure () -> String) throws -> (Int?, JSONValue?) {
            let loc = try here()
            let kind = try json.peek()
            guard kind == .number else {
                let raw = try json.readValue()
                if kind != .null {
                    try report(Checks.wrongType, "\"\(key)\" should be a whole number, found \(kind); kept as written", at: loc, subject: subject())
                }
                return (nil, raw)
            }
            let n = try json.readNumber()
            if let i = Int(n.literal), i >= 1, i <= COCO.maxImageSide { return (i, nil) }
            try report(Checks.numberOutOfRange, "\"\(key)\" is \(n.literal); expected a whole number from 1 to \(COCO.maxImageSide); kept as written", at: loc, subject: subject())
            return (nil, .number(n))
        }

        // MARK: - Licences, categories, images

        mutating func readLicense(index: Int) throws -> License? {
            let loc = try here()
            let subject = "license #\(index)"
            guard try json.peek() == .object else {
                let kind = try json.peek()
                try json.skipValue()
                try report(Checks.wrongType, "a licence must be an object, found \(kind); skipped", at: loc, subject: subject)
                return nil
            }
            try json.beginObject()
            var id: ID?
            var sawID = false
            var license = License(id: .int(0), origin: origin(loc))
            while let key = try json.nextKey() {
                switch key {
                case "id":
                    sawID = true
                    id = try readID(subject: subject)
                case "name":
                    let (s, raw) = try readStringField(key, subject: subject)
                    license.name = s
                    if let raw, raw != .null { license.extensions.append(JSONMember(key, raw)) } else if raw == .null { license.extensions.append(JSONMember(key, .null)) }
                case "url":
                    let (s, raw) = try readStringField(key, subject: subject)
                    license.url = s
                    if let raw { license.extensions.append(JSONMember(key, raw)) }
                default:
                    license.extensions.append(JSONMember(key, try json.readValue()))
                }
            }
            guard let id else {
                if !sawID { try report(Checks.missingField, "licence has no \"id\"; skipped", at: loc, subject: subject) }
                return nil
            }
            license.id = id
            return license
        }

        mutating func readCategory(index: Int) throws -> Category? {
            let loc = try here()
            let subject = "category #\(index)"
            guard try json.peek() == .object else {
                let kind = try json.peek()
                try json.skipValue()
                try report(Checks.wrongType, "a category must be an object, found \(kind); skipped", at: loc, subject: subject)
                return nil
            }
            try json.beginObject()
            var id: ID?
            var sawID = false
            var name: String?
            var category = Category(id: .int(0), name: "", origin: origin(loc))
            while let key = try json.nextKey() {
                switch key {
                case "id":
                    sawID = true
                    id = try readID(subject: subject)
                case "name":
                    let (s, raw) = try readStringField(key, subject: subject)
                    name = s
                    if let raw { category.extensions.append(JSONMember(key, raw)) }
                case "supercategory":
                    let (s, raw) = try readStringField(key, subject: subject)
                    category.supercategory = s
                    if let raw { category.extensions.append(JSONMember(key, raw)) }
                default:
                    category.extensions.append(JSONMember(key, try json.readValue()))
                }
            }
            guard let id else {
                if !sawID { try report(Checks.missingField, "category has no \"id\"; skipped", at: loc, subject: subject) }
                return nil
            }
            guard let name else {
                try report(Checks.missingField, "category \(id) has no \"name\"; skipped", at: loc, subject: "category \(id.text)")
                return nil
            }
            category.id = id
            category.name = name
            return category
        }

        mutating func readImage(index: Int?) throws -> Image? {
            let loc = try here()
            func subject() -> String { index.map { "image #\($0)" } ?? "image" }
            guard try json.peek() == .object else {
                let kind = try json.peek()
                try json.skipValue()
                try report(Checks.wrongType, "an image must be an object, found \(kind); skipped", at: loc, subject: subject())
                return nil
            }
            try json.beginObject()
            var id: ID?
            var sawID = false
            var image = Image(id: .int(0), origin: origin(loc))
            // Segment Anything per-image files name the image id `image_id`.
            let idKey = index == nil ? "image_id" : "id"
            while let key = try json.nextKey() {
                switch key {
                case idKey:
                    sawID = true
                    id = try readID(subject: subject())
                case "file_name":
                    let (s, raw) = try readStringField(key, subject: subject())
                    image.fileName = s
                    if let raw { image.extensions.append(JSONMember(key, raw)) }
                case "width":
                    let (v, raw) = try readDimension(key, subject: subject())
                    image.width = v
                    if let raw { image.extensions.append(JSONMember(key, raw)) }
                case "height":
                    let (v, raw) = try readDimension(key, subject: subject())
                    image.height = v
                    if let raw { image.extensions.append(JSONMember(key, raw)) }
                case "license":
                    let kind = try json.peek()
                    if kind == .number || kind == .string, let lid = try readID(subject: subject()) {
                        image.license = lid
                    } else if kind != .number && kind != .string {
                        image.extensions.append(JSONMember(key, try json.readValue()))
                    }
                case "title":
                    let (s, raw) = try readStringField(key, subject: subject())
                    image.title = s
                    if let raw { image.extensions.append(JSONMember(key, raw)) }
                case "description":
                    let (s, raw) = try readStringField(key, subject: subject())
                    image.description = s
                    if let raw { image.extensions.append(JSONMember(key, raw)) }
                case "scene":
                    let raw = try json.readValue()
                    if let scene = Self.scene(from: raw) { image.scene = scene } else { image.extensions.append(JSONMember(key, raw)) }
                case "captions":
                    let raw = try json.readValue()
                    if case .array(let items) = raw, let strings = Self.strings(items) { image.captions = strings } else { image.extensions.append(JSONMember(key, raw)) }
                default:
                    image.extensions.append(JSONMember(key, try json.readValue()))
                }
            }
            guard let id else {
                if !sawID { try report(Checks.missingField, "image has no \"id\"; skipped", at: loc, subject: subject()) }
                return nil
            }
            image.id = id
            return image
        }

        static func strings(_ items: [JSONValue]) -> [String]? {
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { return nil }
                out.append(s)
            }
            return out
        }

        static func scene(from raw: JSONValue) -> Scene? {
            guard case .object(let members) = raw else { return nil }
            var scene = Scene()
            for m in members {
                switch (m.key, m.value) {
                case ("viewpoint", .string(let s)) where scene.viewpoint == nil: scene.viewpoint = s
                case ("lighting", .string(let s)) where scene.lighting == nil: scene.lighting = s
                case ("mood", .string(let s)) where scene.mood == nil: scene.mood = s
                case ("setting", .string(let s)) where scene.setting == nil: scene.setting = s
                case ("notes", .string(let s)) where scene.notes == nil: scene.notes = s
                default: scene.extensions.append(m)
                }
            }
            return scene
        }

        static func provenance(from raw: JSONValue) -> Provenance? {
            guard case .object(let members) = raw else { return nil }
            var p = Provenance()
            for m in members {
                switch (m.key, m.value) {
                case ("source", .string(let s)) where p.source == nil: p.source = Provenance.Source(s)
                case ("annotator", .string(let s)) where p.annotator == nil: p.annotator = s
                case ("model", .string(let s)) where p.model == nil: p.model = s
                case ("model_version", .string(let s)) where p.modelVersion == nil: p.modelVersion = s
                case ("created", .string(let s)) where p.created == nil: p.created = s
                default: p.extensions.append(m)
                }
            }
            return p
        }

        static func review(from raw: JSONValue) -> Review? {
            guard case .object(let members) = raw else { return nil }
            var r = Review()
            for m in members {
                switch (m.key, m.value) {
                case ("status", .string(let s)) where r.status == nil: r.status = Review.Status(s)
                case ("reviewer", .string(let s)) where r.reviewer == nil: r.reviewer = s
                case ("reviewed", .string(let s)) where r.reviewed == nil: r.reviewed = s
                default: r.extensions.append(m)
                }
            }
            return r
        }
    }
}

extension COCO.Reader {
    /// A reader over `bytes` (adopted, not copied) configured by `options`.
    init(bytes: consuming [UInt8], file: String, options: ReadOptions) {
        self.init(json: JSONReader(consuming: bytes, file: file), file: file, strict: options.strict, progress: options.progress)
        keepsPolygonValues = options.keepsPolygonValues
        recordsOrigins = options.recordsOrigins
        if options.discardsReadInput { json.startDiscardingReadInput() }
    }
}
