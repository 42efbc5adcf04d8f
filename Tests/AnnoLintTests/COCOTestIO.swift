import AnnoCore
import AnnoJSON
import Foundation

/// A small COCO reader and writer for tests only (the real codec lives in AnnoCOCO): enough to load
/// `Fixtures/lint/*.json`, the real fixtures and the benchmark file into the IR with Foundation.
enum COCOTestIO {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Loads a COCO instances file (or results list) into the IR; origins carry the file and a JSON Pointer.
    static func load(_ path: String) throws -> Dataset {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
        let root = try JSONSerialization.jsonObject(with: data)
        if let list = root as? [Any] {
            var d = Dataset(shape: .resultsList, origin: Origin(SourceLocation(file: path)))
            d.annotations = list.enumerated().compactMap { i, x in
                (x as? [String: Any]).map { annotation($0, index: i, path: path, assignedID: i + 1) }
            }
            return d
        }
        guard let o = root as? [String: Any], o["image"] == nil else { throw Failure(description: "not a COCO instances object") }
        var d = Dataset(origin: Origin(SourceLocation(file: path)))
        d.info = o["info"].map(jsonValue)
        d.licenses = (o["licenses"] as? [Any] ?? []).enumerated().compactMap { i, x in
            guard let l = x as? [String: Any], let id = id(l["id"]) else { return nil }
            return License(id: id, name: l["name"] as? String, url: l["url"] as? String,
                           origin: Origin(SourceLocation(file: path, pointer: "/licenses/\(i)")))
        }
        d.images = (o["images"] as? [Any] ?? []).enumerated().compactMap { i, x in
            guard let m = x as? [String: Any], let id = id(m["id"]) else { return nil }
            var scene: Scene?
            if let s = m["scene"] as? [String: Any] {
                scene = Scene(viewpoint: s["viewpoint"] as? String, lighting: s["lighting"] as? String,
                              mood: s["mood"] as? String, setting: s["setting"] as? String, notes: s["notes"] as? String)
            }
            return Image(
                id: id, fileName: m["file_name"] as? String, width: int(m["width"]), height: int(m["height"]),
                license: Self.id(m["license"]), title: m["title"] as? String, description: m["description"] as? String,
                scene: scene, captions: m["captions"] as? [String],
                origin: Origin(SourceLocation(file: path, pointer: "/images/\(i)")))
        }
        d.categories = (o["categories"] as? [Any] ?? []).enumerated().compactMap { i, x in
            guard let c = x as? [String: Any], let id = id(c["id"]) else { return nil }
            return Category(id: id, name: c["name"] as? String ?? "", supercategory: c["supercategory"] as? String,
                            origin: Origin(SourceLocation(file: path, pointer: "/categories/\(i)")))
        }
        d.annotations = (o["annotations"] as? [Any] ?? []).enumerated().compactMap { i, x in
            (x as? [String: Any]).map { annotation($0, index: i, path: path, assignedID: nil) }
        }
        return d
    }

    static func annotation(_ a: [String: Any], index: Int, path: String, assignedID: Int?) -> Annotation {
        let theID = id(a["id"]) ?? .int(assignedID ?? index + 1)
        var bbox: Box?
        if let b = a["bbox"] as? [Any], b.count == 4 {
            let v = b.map { number($0) ?? JSONNumber(literal: "null", double: .nan) }
            bbox = Box(x: v[0], y: v[1], width: v[2], height: v[3])
        }
        var seg = Segmentation.none
        if let polys = a["segmentation"] as? [Any] {
            seg = .polygons(PolygonSet(polys.map { p in (p as? [Any] ?? []).map { number($0)?.double ?? .nan } }))
        } else if let r = a["segmentation"] as? [String: Any], let size = r["size"] as? [Any], size.count == 2,
                  let h = int(size[0]), let w = int(size[1]) {
            if let s = r["counts"] as? String {
                seg = .rle(RLEData(height: h, width: w, counts: .compressed(s)))
            } else if let c = r["counts"] as? [Any] {
                seg = .rle(RLEData(height: h, width: w, counts: .uncompressed(c.map { UInt32(clamping: int($0) ?? 0) })))
            }
        }
        var provenance: Provenance?
        if let p = a["provenance"] as? [String: Any] {
            provenance = Provenance(
                source: (p["source"] as? String).map(Provenance.Source.init), annotator: p["annotator"] as? String,
                model: p["model"] as? String, modelVersion: p["model_version"] as? String, created: p["created"] as? String)
        }
        var review: Review?
        if let r = a["review"] as? [String: Any] {
            review = Review(status: (r["status"] as? String).map(Review.Status.init), reviewer: r["reviewer"] as? String,
                            reviewed: r["reviewed"] as? String)
        }
        return Annotation(
            id: theID, idWasAssigned: a["id"] == nil, imageID: id(a["image_id"]) ?? .int(-1), categoryID: id(a["category_id"]),
            bbox: bbox, segmentation: seg, area: number(a["area"]), isCrowd: int(a["iscrowd"]), score: number(a["score"]),
            description: a["description"] as? String, caption: a["caption"] as? String, provenance: provenance, review: review,
            origin: Origin(SourceLocation(file: path, pointer: "/annotations/\(index)")))
    }

    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func number(_ x: Any?) -> JSONNumber? {
        guard let n = x as? NSNumber, !isBool(n) else { return nil }
        let type = String(cString: n.objCType)
        if type == "d" || type == "f" { return JSONNumber(n.doubleValue) }
        return JSONNumber(n.intValue)
    }

    static func int(_ x: Any?) -> Int? {
        guard let n = number(x) else { return nil }
        return n.int
    }

    static func id(_ x: Any?) -> ID? {
        if let s = x as? String { return .string(s) }
        return int(x).map(ID.int)
    }

    static func jsonValue(_ x: Any) -> JSONValue {
        switch x {
        case let n as NSNumber: return isBool(n) ? .bool(n.boolValue) : .number(number(n) ?? JSONNumber(0))
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(jsonValue))
        case let o as [String: Any]: return .object(o.keys.sorted().map { JSONMember($0, jsonValue(o[$0] as Any)) })
        default: return .null
        }
    }

    // MARK: Writer (for Fixtures/lint/planted.json)

    /// Writes an instances dataset as readable COCO JSON: one image, category, licence or annotation per line.
    static func write(_ d: Dataset) -> String {
        func q(_ s: String) -> String {
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        }
        func idText(_ id: ID) -> String { if case .string(let s) = id { return q(s) } else { return id.text } }
        func obj(_ members: [(String, String?)]) -> String {
            "{" + members.compactMap { k, v in v.map { "\(q(k)): \($0)" } }.joined(separator: ", ") + "}"
        }
        func section(_ name: String, _ lines: [String]) -> String {
            "  \(q(name)): [\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "  ]"
        }
        let licenses = d.licenses.map { l in obj([("id", idText(l.id)), ("name", l.name.map(q)), ("url", l.url.map(q))]) }
        let images = d.images.map { i in
            obj([
                ("id", idText(i.id)), ("file_name", i.fileName.map(q)), ("width", i.width.map(String.init)),
                ("height", i.height.map(String.init)), ("license", i.license.map(idText)), ("title", i.title.map(q)),
                ("description", i.description.map(q)),
                ("scene", i.scene.map { s in
                    obj([("viewpoint", s.viewpoint.map(q)), ("lighting", s.lighting.map(q)), ("mood", s.mood.map(q)),
                         ("setting", s.setting.map(q)), ("notes", s.notes.map(q))])
                }),
                ("captions", i.captions.map { "[" + $0.map(q).joined(separator: ", ") + "]" }),
            ])
        }
        let categories = d.categories.map { c in
            obj([("id", idText(c.id)), ("name", q(c.name)), ("supercategory", c.supercategory.map(q))])
        }
        let annotations = d.annotations.map { a in
            var seg: String?
            switch a.segmentation {
            case .none: seg = nil
            case .polygons(let p):
                seg = "[" + p.polygons.map { "[" + $0.map { JSONNumber($0).literal }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            case .rle(let r):
                let counts: String
                switch r.counts {
                case .uncompressed(let c): counts = "[" + c.map(String.init).joined(separator: ", ") + "]"
                case .compressed(let s): counts = q(s)
                }
                seg = "{\"size\": [\(r.height), \(r.width)], \"counts\": \(counts)}"
            }
            let box = a.bbox.map { b in "[" + [b.x, b.y, b.width, b.height].map(\.literal).joined(separator: ", ") + "]" }
            let prov = a.provenance.map { p in
                obj([("source", p.source.map { q($0.description) }), ("annotator", p.annotator.map(q)), ("model", p.model.map(q)),
                     ("model_version", p.modelVersion.map(q)), ("created", p.created.map(q))])
            }
            let rev = a.review.map { r in
                obj([("status", r.status.map { q($0.description) }), ("reviewer", r.reviewer.map(q)), ("reviewed", r.reviewed.map(q))])
            }
            return obj([
                ("id", idText(a.id)), ("image_id", idText(a.imageID)), ("category_id", a.categoryID.map(idText)),
                ("bbox", box), ("area", a.area?.literal), ("iscrowd", a.isCrowd.map(String.init)), ("segmentation", seg),
                ("caption", a.caption.map(q)), ("description", a.description.map(q)), ("provenance", prov), ("review", rev),
            ])
        }
        return "{\n" + [
            section("licenses", licenses), section("images", images), section("categories", categories),
            section("annotations", annotations),
        ].joined(separator: ",\n") + "\n}\n"
    }
}
