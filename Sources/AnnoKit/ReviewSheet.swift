import AnnoPNG

/// The review sheet: a self-contained HTML page (or a CSV list) of every machine-made mask awaiting review.
///
/// The page needs no network and no framework: images are embedded as data URIs, masks as PNG overlays, and a
/// little inline script collects approve / reject / needs-fix decisions into a decisions JSON file
/// (`{"version":1,"decisions":[...]}`) that `annokit masks review apply` records. Output is deterministic.
public enum ReviewSheet {
    /// Options for the sheet.
    public struct Options: Hashable, Sendable {
        /// Folders searched, in order, for each image's `file_name`.
        public var imageDirectories: [String]
        /// The largest image file embedded, in bytes; larger ones are shown as missing.
        public var maxImageBytes: Int
        /// The largest mask drawn, in pixels; larger ones are listed without a picture.
        public var maxMaskPixels: Int
        /// The label shown for the dataset (usually its path).
        public var datasetLabel: String

        /// Creates options.
        public init(imageDirectories: [String] = [], maxImageBytes: Int = 64 << 20, maxMaskPixels: Int = 1 << 26, datasetLabel: String = "") {
            self.imageDirectories = imageDirectories
            self.maxImageBytes = maxImageBytes
            self.maxMaskPixels = maxMaskPixels
            self.datasetLabel = datasetLabel
        }
    }

    /// The page and what went into it.
    public struct Page: Hashable, Sendable {
        /// The HTML document.
        public var html: String
        /// Cards on the page (masks awaiting review).
        public var cards: Int
        /// Distinct images embedded.
        public var embeddedImages: Int
        /// Images not embedded, with why, one line each, in first-use order.
        public var missingImages: [String]
    }

    /// The folders searched for images: `--images` when given, else the dataset's folder, its `images/` and
    /// its `JPEGImages/` (Pascal VOC).
    public static func defaultImageDirectories(datasetPath: String) -> [String] {
        let dir = FileIO.isDirectory(datasetPath) ? datasetPath : FilePath.parent(of: datasetPath)
        let base = dir.isEmpty ? "." : dir
        return [base, FilePath.join(base, "images"), FilePath.join(base, "JPEGImages")]
    }

    /// Builds the page for every pending mask of `dataset` (see ``ReviewItem/isPending(_:)``). O(pixels drawn).
    public static func html(_ dataset: Dataset, options: Options) -> Page {
        let items = ReviewItem.pending(in: dataset)
        var imageClasses: [ID: String] = [:]
        var imageCSS = ""
        var missing: [String] = []
        var missingSeen = Set<ID>()
        var cards = ""
        for (n, item) in items.enumerated() {
            var imageClass: String?
            var missingNote: String?
            if let image = item.image {
                if let known = imageClasses[image.id] {
                    imageClass = known
                } else if !missingSeen.contains(image.id) {
                    var problem: String?
                    if let name = image.fileName, !name.isEmpty,
                        let found = locate(name, in: options.imageDirectories, limit: options.maxImageBytes, problem: &problem) {
                        let cls = "img\(imageClasses.count)"
                        imageClasses[image.id] = cls
                        imageCSS += ".\(cls){background-image:url(\"data:\(found.mime);base64,\(ReviewText.base64(found.bytes))\")}\n"
                        imageClass = cls
                    } else {
                        missingSeen.insert(image.id)
                        let name = image.fileName ?? ""
                        let why = name.isEmpty ? "the image has no file_name" : (problem ?? "not found")
                        missing.append("image \(image.id.description) (\(name)): \(why)")
                    }
                }
                if imageClass == nil {
                    missingNote = (image.fileName?.isEmpty ?? true) ? "image has no file name" : "image not found: \(image.fileName ?? "")"
                }
            } else {
                missingNote = "image \(item.annotation.imageID.description) is not in the dataset"
            }
            cards += card(item, number: n + 1, imageClass: imageClass, missingNote: missingNote, options: options)
        }
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        s += "<meta name=\"generator\" content=\"annokit \(AnnoKitVersion.current)\">\n"
        s += "<title>Mask review: \(ReviewText.html(options.datasetLabel))</title>\n"
        s += "<style>\n\(stylesheet)\(imageCSS)</style>\n</head>\n<body>\n"
        s += "<header class=\"bar\">\n<div class=\"titles\"><h1>Mask review</h1>\n"
        s += "<p class=\"meta\"><span class=\"path\">\(ReviewText.html(options.datasetLabel))</span> · \(items.count) mask\(items.count == 1 ? "" : "s") awaiting review</p></div>\n"
        s += "<div class=\"actions\"><span id=\"counter\" aria-live=\"polite\">0 / \(items.count) decided</span>\n"
        s += "<button id=\"download\" type=\"button\">Download decisions</button></div>\n</header>\n"
        s += "<p class=\"help\">Approve a mask when it follows the object's outline; reject it when it is wrong; mark it " +
            "<em>needs fix</em> when it is close but must be corrected. Click a picture to hide or show its mask. Then download the decisions and run " +
            "<code>annokit masks review apply DATASET --decisions decisions.json -o OUT</code>.</p>\n"
        if items.isEmpty { s += "<p class=\"empty\">No machine-made mask awaits review.</p>\n" }
        s += "<main id=\"cards\">\n\(cards)</main>\n<script>\n\(script)</script>\n</body>\n</html>\n"
        return Page(html: s, cards: items.count, embeddedImages: imageClasses.count, missingImages: missing)
    }

    /// One card: the views, the facts and the decision controls.
    static func card(_ item: ReviewItem, number: Int, imageClass: String?, missingNote: String?, options: Options) -> String {
        let a = item.annotation
        let paint = Self.color(forCategoryIndex: item.categoryIndex)
        let rgb = "rgb(\(paint.r),\(paint.g),\(paint.b))"
        var drawNote: String?
        var mask: RLE?
        let imageWidth = item.image?.width, imageHeight = item.image?.height
        do {
            let h = imageHeight ?? 0, w = imageWidth ?? 0
            if case .polygons = a.segmentation, h <= 0 || w <= 0 {
                drawNote = "polygon mask without an image size"
            } else if let m = try a.segmentation.rle(height: h, width: w) {
                if (try? m.size.validate(limit: options.maxMaskPixels)) == nil {
                    drawNote = "mask too large to draw (\(m.size))"
                } else {
                    mask = m
                }
            }
        } catch {
            drawNote = "mask cannot be decoded: \(error)"
        }
        let W = imageWidth ?? mask?.size.width ?? 0
        let H = imageHeight ?? mask?.size.height ?? 0
        let drawn = mask.flatMap { Self.overlay($0, color: paint) }
        let bbox = a.bbox.map { BoundingBox(x: $0.x.double, y: $0.y.double, width: $0.width.double, height: $0.height.double) }

        let idType: String
        switch a.id {
        case .int: idType = "int"
        case .string: idType = "string"
        }
        var s = "<article class=\"card\" id=\"card-\(number)\" data-annotation-id=\"\(ReviewText.html(a.id.text))\" data-id-type=\"\(idType)\">\n"
        s += "<div class=\"views\">\n"
        if W > 0 && H > 0 {
            let full: Region = (0, 0, Double(W), Double(H))
            let focus = drawn.map { focusRegion(mask: $0, bbox: bbox, W: W, H: H) } ?? full
            let zoomed = focus != full
            s += view(region: focus, W: W, H: H, maxHeight: 380, imageClass: imageClass, overlay: drawn, bbox: bbox, label: zoomed ? "close-up" : "whole image")
            if zoomed {
                s += view(region: full, W: W, H: H, maxHeight: 140, imageClass: imageClass, overlay: drawn, bbox: bbox, label: "whole image", thumbnail: true)
            }
        } else {
            s += "<div class=\"view missing nosize\"><span>no image size</span></div>\n"
        }
        if let missingNote { s += "<p class=\"warn\">\(ReviewText.html(missingNote)); the mask is shown on grey.</p>\n" }
        if let drawNote { s += "<p class=\"warn\">\(ReviewText.html(drawNote))</p>\n" }
        s += "</div>\n<div class=\"info\">\n"
        let categoryName = item.category?.name ?? a.categoryID.map { "category \($0.description)" } ?? "no category"
        s += "<h2><span class=\"swatch\" style=\"background:\(rgb)\"></span>\(ReviewText.html(categoryName))</h2>\n<dl>\n"
        func row(_ label: String, _ value: String?, _ cls: String = "") {
            guard let value, !value.isEmpty else { return }
            s += "<dt>\(label)</dt><dd\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(ReviewText.html(value))</dd>\n"
        }
        row("annotation", a.id.description)
        row("image", (item.image?.fileName).map { "\($0) (id \(a.imageID.description))" } ?? "id \(a.imageID.description)")
        let source = a.provenance?.source?.description
        let shape = a.provenance?.extensions.last(where: { $0.key == "shape" }).flatMap { m -> String? in
            if case .string(let v) = m.value { return v }
            return nil
        }
        row("source", source.map { s in shape.map { "\(s) (\($0))" } ?? s }, "source")
        row("model", a.provenance?.model)
        row("version", a.provenance?.modelVersion)
        row("score", a.score.map { ReviewText.number($0.double) })
        row("annotator", a.provenance?.annotator)
        row("review", a.review?.status?.description ?? "none")
        if let b = bbox { row("box", "\(ReviewText.number(b.x)), \(ReviewText.number(b.y)), \(ReviewText.number(b.width)) × \(ReviewText.number(b.height))") }
        row("mask area", mask.map { "\($0.area) px" })
        s += "</dl>\n<fieldset class=\"decision\"><legend>Decision</legend>\n"
        for (value, label) in [("approved", "Approve"), ("rejected", "Reject"), ("needs-fix", "Needs fix")] {
            s += "<label class=\"\(value)\"><input type=\"radio\" name=\"decision-\(number)\" value=\"\(value)\"> \(label)</label>\n"
        }
        s += "</fieldset>\n<input type=\"text\" class=\"note\" aria-label=\"Note\" placeholder=\"Note (optional)\">\n</div>\n</article>\n"
        return s
    }

    /// A rectangle of the image in pixels.
    typealias Region = (x: Double, y: Double, w: Double, h: Double)

    /// The close-up region for a mask: the union of the mask's and the annotation's boxes with a margin of a
    /// quarter of its larger side (at least 8 px), cut to the image; the whole image when that covers most of it.
    static func focusRegion(mask o: (png: [UInt8], x: Int, y: Int, width: Int, height: Int), bbox: BoundingBox?, W: Int, H: Int) -> Region {
        let full: Region = (0, 0, Double(W), Double(H))
        var x0 = Double(o.x), y0 = Double(o.y)
        var x1 = Double(o.x + o.width), y1 = Double(o.y + o.height)
        if let b = bbox, b.width > 0, b.height > 0 {
            x0 = min(x0, b.x)
            y0 = min(y0, b.y)
            x1 = max(x1, b.x + b.width)
            y1 = max(y1, b.y + b.height)
        }
        let margin: Double = max(8, 0.25 * max(x1 - x0, y1 - y0))
        x0 = max(0, (x0 - margin).rounded(.down))
        y0 = max(0, (y0 - margin).rounded(.down))
        x1 = min(Double(W), (x1 + margin).rounded(.up))
        y1 = min(Double(H), (y1 + margin).rounded(.up))
        guard x1 > x0, y1 > y0 else { return full }
        let area: Double = (x1 - x0) * (y1 - y0)
        return area < 0.6 * Double(W) * Double(H) ? (x0, y0, x1 - x0, y1 - y0) : full
    }

    /// One picture: a region of the image (or of a grey field), the mask overlay and the box outline on top.
    static func view(
        region r: Region, W: Int, H: Int, maxHeight: Double, imageClass: String?,
        overlay: (png: [UInt8], x: Int, y: Int, width: Int, height: Int)?, bbox: BoundingBox?, label: String, thumbnail: Bool = false
    ) -> String {
        func n(_ v: Double) -> String { ReviewText.number(v, digits: 4) }
        let cls = ["view", thumbnail ? "thumb" : "", imageClass ?? "missing"].filter { !$0.isEmpty }.joined(separator: " ")
        let sizeX = Double(W) / r.w * 100, sizeY = Double(H) / r.h * 100
        let posX = Double(W) == r.w ? 0 : r.x / (Double(W) - r.w) * 100
        let posY = Double(H) == r.h ? 0 : r.y / (Double(H) - r.h) * 100
        var style = "aspect-ratio:\(n(r.w))/\(n(r.h));width:min(100%,\(n(maxHeight * r.w / r.h))px)"
        if imageClass != nil { style += ";background-size:\(n(sizeX))% \(n(sizeY))%;background-position:\(n(posX))% \(n(posY))%" }
        var s = "<div class=\"\(cls)\" style=\"\(style)\" role=\"img\" aria-label=\"\(label)\">\n"
        if let o = overlay {
            let left = (Double(o.x) - r.x) / r.w * 100, top = (Double(o.y) - r.y) / r.h * 100
            let width = Double(o.width) / r.w * 100, height = Double(o.height) / r.h * 100
            s += "<img class=\"mask\" alt=\"\" src=\"data:image/png;base64,\(ReviewText.base64(o.png))\" style=\"left:\(n(left))%;top:\(n(top))%;width:\(n(width))%;height:\(n(height))%\">\n"
        }
        if let b = bbox {
            s += "<svg class=\"box\" viewBox=\"\(n(r.x)) \(n(r.y)) \(n(r.w)) \(n(r.h))\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            s += "<rect x=\"\(n(b.x))\" y=\"\(n(b.y))\" width=\"\(n(max(0, b.width)))\" height=\"\(n(max(0, b.height)))\"/></svg>\n"
        }
        s += "<span class=\"label\">\(label)</span>\n</div>\n"
        return s
    }
}
