import AnnoCore
import AnnoJSON

extension COCO {
    /// Writes the IR as COCO JSON, deterministically: the same dataset and options give the same bytes.
    ///
    /// COCO → COCO is lossless: top-level sections keep their source order and presence, known keys are
    /// written in a fixed order followed by every unknown key in source order, numbers keep their literal text,
    /// ids are kept and RLE stays in the encoding it was read in. This is the inverse of ``COCO/Reader``.
    public struct Writer {
        var json: JSONWriter
        let shape: Dataset.Shape

        /// The default order of top-level sections for datasets that did not come from COCO.
        public static let defaultSectionOrder = ["info", "licenses", "images", "annotations", "categories"]

        /// Encodes a whole dataset into memory. O(output size).
        public static func encode(_ dataset: Dataset, pretty: Bool = false) -> [UInt8] {
            var w = Writer(json: JSONWriter(pretty: pretty), shape: dataset.shape)
            w.writeDataset(dataset, sink: nil)
            return w.json.take()
        }

        /// Streams a whole dataset to `sink` in chunks of about 1 MiB, so memory stays bounded by the IR.
        public static func write(_ dataset: Dataset, pretty: Bool = false, to sink: AtomicWriter) throws {
            var w = Writer(json: JSONWriter(pretty: pretty), shape: dataset.shape)
            try w.writeDatasetThrowing(dataset, sink: sink)
            try sink.write(w.json.take())
        }

        mutating func writeDataset(_ d: Dataset, sink: AtomicWriter?) {
            // In-memory path: no sink, so flushing never throws.
            try? writeDatasetThrowing(d, sink: sink)
        }

        mutating func flush(_ sink: AtomicWriter?) throws {
            guard let sink, json.bytes.count >= 1 << 20 else { return }
            try sink.write(json.take())
        }

        mutating func writeDatasetThrowing(_ d: Dataset, sink: AtomicWriter?) throws {
            switch shape {
            case .resultsList:
                json.beginArray()
                for a in d.annotations {
                    writeAnnotation(a)
                    try flush(sink)
                }
                json.endArray()
                return
            case .segmentAnything, .instances:
                break
            }
            var order = d.sectionOrder
            let known: [String] = shape == .segmentAnything ? ["image", "annotations"] : Self.defaultSectionOrder
            for key in known where !order.contains(key) {
                let present: Bool
                switch key {
                case "info": present = d.info != nil
                case "licenses": present = !d.licenses.isEmpty
                case "image", "images": present = !d.images.isEmpty || d.sectionOrder.isEmpty
                case "annotations": present = !d.annotations.isEmpty || d.sectionOrder.isEmpty
                case "categories": present = !d.categories.isEmpty || d.sectionOrder.isEmpty
                default: present = true
                }
                if present { order.append(key) }
            }
            for e in d.extensions where !order.contains(e.key) { order.append(e.key) }
            json.beginObject()
            var extensionIndex: [String: [JSONValue]] = [:]
            for e in d.extensions { extensionIndex[e.key, default: []].append(e.value) }
            for key in order {
                switch key {
                case "info" where d.info != nil:
                    json.key("info")
                    json.value(d.info ?? .null)
                case "licenses":
                    json.key("licenses")
                    json.beginArray()
                    for l in d.licenses { writeLicense(l) }
                    json.endArray()
                case "images" where shape == .instances:
                    json.key("images")
                    json.beginArray()
                    for i in d.images {
                        writeImage(i)
                        try flush(sink)
                    }
                    json.endArray()
                case "image" where shape == .segmentAnything:
                    if let image = d.images.first {
                        json.key("image")
                        writeImage(image)
                    }
                case "annotations":
                    json.key("annotations")
                    json.beginArray()
                    for a in d.annotations {
                        writeAnnotation(a)
                        try flush(sink)
                    }
                    json.endArray()
                case "categories" where shape == .instances:
                    json.key("categories")
                    json.beginArray()
                    for c in d.categories { writeCategory(c) }
                    json.endArray()
                default:
                    for v in extensionIndex[key] ?? [] {
                        json.key(key)
                        json.value(v)
                    }
                }
            }
            json.endObject()
        }

        /// Writes `"key": value` when the value is present.
        mutating func field(_ key: String, _ value: String?) {
            guard let value else { return }
            json.key(key)
            json.string(value)
        }

        /// Writes `"key": value` when the value is present.
        mutating func field(_ key: String, _ value: Int?) {
            guard let value else { return }
            json.key(key)
            json.int(value)
        }

        /// Writes `"key": value` when the value is present, with its literal text.
        mutating func field(_ key: String, _ value: JSONNumber?) {
            guard let value else { return }
            json.key(key)
            json.number(value)
        }

        mutating func writeID(_ id: ID) {
            switch id {
            case .int(let i): json.int(i)
            case .string(let s): json.string(s)
            }
        }

        mutating func writeExtensions(_ members: [JSONMember]) {
            for m in members {
                json.key(m.key)
                json.value(m.value)
            }
        }

        mutating func writeLicense(_ l: License) {
            json.beginObject()
            json.key("id")
            writeID(l.id)
            field("name", l.name)
            field("url", l.url)
            writeExtensions(l.extensions)
            json.endObject()
        }

        mutating func writeCategory(_ c: Category) {
            json.beginObject()
            json.key("id")
            writeID(c.id)
            json.key("name")
            json.string(c.name)
            field("supercategory", c.supercategory)
            writeExtensions(c.extensions)
            json.endObject()
        }

        mutating func writeImage(_ i: Image) {
            json.beginObject()
            json.key(shape == .segmentAnything ? "image_id" : "id")
            writeID(i.id)
            field("file_name", i.fileName)
            field("width", i.width)
            field("height", i.height)
            if let l = i.license {
                json.key("license")
                writeID(l)
            }
            field("title", i.title)
            field("description", i.description)
            if let s = i.scene {
                json.key("scene")
                json.value(Self.sceneValue(s))
            }
            if let c = i.captions {
                json.key("captions")
                json.value(.array(c.map { .string($0) }))
            }
            writeExtensions(i.extensions)
            json.endObject()
        }

        mutating func writeAnnotation(_ a: Annotation) {
            json.beginObject()
            if !a.idWasAssigned {
                json.key("id")
                writeID(a.id)
            }
            if shape != .segmentAnything {
                json.key("image_id")
                writeID(a.imageID)
            }
            if let c = a.categoryID {
                json.key("category_id")
                writeID(c)
            }
            switch a.segmentation {
            case .none:
                break
            case .polygons(let set):
                json.key("segmentation")
                json.beginArray()
                for (i, polygon) in set.polygons.enumerated() {
                    switch set.styles[i] {
                    case .canonical:
                        json.doubleArray(polygon)
                    case let style:
                        json.beginArray(inline: true)
                        for (k, v) in polygon.enumerated() { json.number(JSONNumber(literal: style.literal(v, at: k), double: v)) }
                        json.endArray()
                    }
                }
                json.endArray()
            case .rle(let r):
                json.key("segmentation")
                json.beginObject()
                json.key("size")
                json.beginArray(inline: true)
                json.int(r.height)
                json.int(r.width)
                json.endArray()
                json.key("counts")
                switch r.counts {
                case .compressed(let s):
                    json.string(s)
                case .uncompressed(let counts):
                    json.beginArray(inline: true)
                    for c in counts { json.int(Int(c)) }
                    json.endArray()
                }
                json.endObject()
            }
            field("area", a.area)
            if let b = a.bbox {
                json.key("bbox")
                json.beginArray(inline: true)
                json.number(b.x)
                json.number(b.y)
                json.number(b.width)
                json.number(b.height)
                json.endArray()
            }
            field("iscrowd", a.isCrowd)
            field("score", a.score)
            field("description", a.description)
            field("caption", a.caption)
            if let p = a.provenance {
                json.key("provenance")
                json.value(Self.provenanceValue(p))
            }
            if let r = a.review {
                json.key("review")
                json.value(Self.reviewValue(r))
            }
            writeExtensions(a.extensions)
            json.endObject()
        }

        static func sceneValue(_ s: Scene) -> JSONValue {
            var m: [JSONMember] = []
            if let v = s.viewpoint { m.append(JSONMember("viewpoint", .string(v))) }
            if let v = s.lighting { m.append(JSONMember("lighting", .string(v))) }
            if let v = s.mood { m.append(JSONMember("mood", .string(v))) }
            if let v = s.setting { m.append(JSONMember("setting", .string(v))) }
            if let v = s.notes { m.append(JSONMember("notes", .string(v))) }
            return .object(m + s.extensions)
        }

        /// The COCO JSON form of a provenance record.
        public static func provenanceValue(_ p: Provenance) -> JSONValue {
            var m: [JSONMember] = []
            if let v = p.source { m.append(JSONMember("source", .string(v.description))) }
            if let v = p.annotator { m.append(JSONMember("annotator", .string(v))) }
            if let v = p.model { m.append(JSONMember("model", .string(v))) }
            if let v = p.modelVersion { m.append(JSONMember("model_version", .string(v))) }
            if let v = p.created { m.append(JSONMember("created", .string(v))) }
            return .object(m + p.extensions)
        }

        /// The COCO JSON form of a review record.
        public static func reviewValue(_ r: Review) -> JSONValue {
            var m: [JSONMember] = []
            if let v = r.status { m.append(JSONMember("status", .string(v.description))) }
            if let v = r.reviewer { m.append(JSONMember("reviewer", .string(v))) }
            if let v = r.reviewed { m.append(JSONMember("reviewed", .string(v))) }
            return .object(m + r.extensions)
        }
    }
}
