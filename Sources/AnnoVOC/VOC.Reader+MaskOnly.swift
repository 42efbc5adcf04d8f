import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG

extension VOC.Reader {
    /// The provenance of objects the reader builds from masks alone (mask-only instances, class-only regions): the
    /// mask was imported, the box computed from it.
    static var maskDerivedProvenance: Provenance {
        Provenance(source: .imported, extensions: [JSONMember("bbox", .string(VOC.boxDerivedFromMask))])
    }

    /// The stems of `*.png` files in SegmentationObject/ and SegmentationClass/, sorted by UTF-8 bytes, no duplicates.
    static func pngStems(in layout: VOC.Layout) -> [String] {
        var stems: Set<String> = []
        for dir in [layout.segmentationObject, layout.segmentationClass].compactMap({ $0 }) {
            for name in (try? FileIO.list(dir)) ?? [] where name.hasSuffix(".png") && name.count > 4 {
                let p = FilePath.join(dir, name)
                if !FileIO.isDirectory(p) { stems.insert(String(name.dropLast(4))) }
            }
        }
        return stems.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    }

    /// The image of a mask-only folder for `stem`: size from the mask's PNG header, file name from the image folders.
    func maskOnlyImage(stem: String, layout: VOC.Layout, diagnostics: inout Diagnostics) -> ParsedImage {
        let maskPath = [layout.segmentationObject, layout.segmentationClass].compactMap { $0 }
            .map { FilePath.join($0, stem + ".png") }.first { FileIO.exists($0) } ?? FilePath.join(layout.root, stem + ".png")
        var image = Image(id: .string(stem), origin: Origin(SourceLocation(file: maskPath)))
        image.fileName = imageFileName(stem: stem, layout: layout) ?? stem + ".jpg"
        if let size = maskSize(stem: stem, layout: layout) {
            image.width = size.width
            image.height = size.height
        } else {
            diagnostics.report(Diagnostic(
                VOC.Checks.unreadableMask, "the PNG header cannot be read, so the image size is unknown; image kept without objects",
                at: SourceLocation(file: maskPath), subject: "image \(stem)"))
        }
        return ParsedImage(stem: stem, image: image, objects: [], objectCount: 0, file: nil, segmented: false)
    }

    /// The name of the image file for `stem` in the layout's image folders (`.jpg`, `.jpeg`, `.png`, either case), if any.
    func imageFileName(stem: String, layout: VOC.Layout) -> String? {
        for folder in layout.imageFolders {
            for ext in [".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"] {
                let p = FilePath.join(folder, stem + ext)
                if FileIO.exists(p), !FileIO.isDirectory(p) { return stem + ext }
            }
        }
        return nil
    }

    /// One object per instance index 1…254 of a mask-only folder, in index order, classed by SegmentationClass.
    ///
    /// An instance's class is the class index 1…254 with a name that covers most of its pixels (ties: the lower
    /// index). Pixels of other classes are reported (AK043) and become class-only regions later; pixels that are
    /// background or void in SegmentationClass are reported as lost. An instance without any named class, or
    /// without a SegmentationClass mask, is kept without a category (AK043 or AK034).
    func instanceObjects(
        runs: [[UInt32]?], objectIdx: [UInt8], classIdx: [UInt8]?, classNames: [String], image: Image, stem: String,
        objectPath: String, classPath: String?, layout: VOC.Layout, diagnostics: inout Diagnostics
    ) -> [ParsedObject] {
        guard let w = image.width, let h = image.height else { return [] }
        // hist[k·256 + c]: pixels of instance k with class c; first[k·256 + c]: the first such pixel, row-major.
        var hist = [Int](repeating: 0, count: 0)
        var first = [Int](repeating: -1, count: 0)
        if let classIdx {
            hist = [Int](repeating: 0, count: 65536)
            first = [Int](repeating: -1, count: 65536)
            for i in 0..<min(objectIdx.count, classIdx.count) {
                let key = Int(objectIdx[i]) << 8 | Int(classIdx[i])
                if hist[key] == 0 { first[key] = i }
                hist[key] += 1
            }
        }
        func at(_ i: Int) -> String { "(\(i % w), \(i / w))" }
        func className(_ c: Int) -> String {
            c == 0 ? "background (0)" : c == 255 ? "void (255)" : c < classNames.count ? "'\(classNames[c])' (\(c))" : "unnamed class \(c)"
        }
        let named = min(255, classNames.count)
        var objects: [ParsedObject] = []
        for k in 1..<255 {
            guard let counts = runs[k] else { continue }
            let data = RLEData(height: h, width: w, counts: .uncompressed(counts))
            var a = Annotation(id: .int(0), imageID: image.id, segmentation: .rle(data), origin: Origin(SourceLocation(file: objectPath)))
            if let r = try? RLE(size: MaskSize(height: h, width: w), counts: counts) {
                let bb = r.boundingBox
                a.bbox = Box(x: bb.x, y: bb.y, width: bb.width, height: bb.height)
            }
            a.provenance = Self.maskDerivedProvenance
            var name = ""
            if classIdx != nil, let classPath {
                let row = k << 8
                let area = (0..<256).reduce(0) { $0 + hist[row + $1] }
                var best = 0
                for c in 1..<max(1, named) where hist[row + c] > (best == 0 ? 0 : hist[row + best]) { best = c }
                let others = (0..<256).filter { ($0 != best || best == 0) && hist[row + $0] > 0 }
                let detail = others.map { "\(className($0)) \(hist[row + $0]) px first at \(at(first[row + $0]))" }.joined(separator: ", ")
                if best == 0 {
                    diagnostics.report(Diagnostic(
                        VOC.Checks.classMaskMismatch,
                        "instance \(k) (\(area) px) has no named class under it in SegmentationClass (\(detail)); kept without a category: give its pixels a class or remove the instance",
                        at: SourceLocation(file: classPath), subject: "image \(stem) instance \(k)"))
                } else {
                    name = classNames[best]
                    if !others.isEmpty {
                        let lost = others.filter { $0 == 0 || $0 == 255 }.reduce(0) { $0 + hist[row + $1] }
                        let kept = lost < area - hist[row + best]
                        var what = "the instance is \(className(best)) (majority, \(hist[row + best]) of \(area) px)"
                        if kept { what += "; the other classes' pixels are kept as class-only regions" }
                        if lost > 0 { what += "; the \(lost) background/void pixels cannot be represented and become \(className(best)) when written back" }
                        diagnostics.report(Diagnostic(
                            VOC.Checks.classMaskMismatch, "instance \(k) disagrees with SegmentationClass: \(detail); \(what)",
                            at: SourceLocation(file: classPath), subject: "image \(stem) instance \(k)"))
                    }
                }
            }
            objects.append(ParsedObject(position: k, name: name, annotation: a))
        }
        if classIdx == nil, !objects.isEmpty {
            let expected = classPath ?? FilePath.join(layout.segmentationClass ?? FilePath.join(layout.root, "SegmentationClass"), stem + ".png")
            let why = classPath == nil ? "does not exist" : "cannot be used (see the diagnostic above)"
            diagnostics.report(Diagnostic(
                VOC.Checks.missingMaskFile,
                "SegmentationClass/\(stem).png \(why), so the \(objects.count) instances of SegmentationObject/\(stem).png have no class; kept without a category: add the class mask",
                at: SourceLocation(file: expected), subject: "image \(stem)"))
        }
        return objects
    }

    /// Reports pixels whose void (255) status differs between the two masks outside instances (mask-only folders).
    ///
    /// The ignore region comes from SegmentationObject, so void only in SegmentationClass is lost, and void in
    /// SegmentationObject over background in SegmentationClass would be written back as void in both.
    func reportVoidDisagreement(
        objectIdx: [UInt8], classIdx: [UInt8], width: Int, stem: String, classPath: String, diagnostics: inout Diagnostics
    ) {
        var classOnly = 0, classOnlyFirst = -1, objectOnly = 0, objectOnlyFirst = -1
        for i in 0..<min(objectIdx.count, classIdx.count) {
            let o = objectIdx[i], c = classIdx[i]
            if o == 0 && c == 255 {
                if classOnly == 0 { classOnlyFirst = i }
                classOnly += 1
            } else if o == 255 && c == 0 {
                if objectOnly == 0 { objectOnlyFirst = i }
                objectOnly += 1
            }
        }
        func at(_ i: Int) -> String { "(\(i % width), \(i / width))" }
        if classOnly > 0 {
            diagnostics.report(Diagnostic(
                VOC.Checks.classMaskMismatch,
                "\(classOnly) pixels are void (255) in SegmentationClass but background in SegmentationObject, first at \(at(classOnlyFirst)); the ignore region is taken from SegmentationObject, so they are not void: mark them 255 in both masks",
                at: SourceLocation(file: classPath), subject: "image \(stem) void"))
        }
        if objectOnly > 0 {
            diagnostics.report(Diagnostic(
                VOC.Checks.classMaskMismatch,
                "\(objectOnly) pixels are void (255) in SegmentationObject but background in SegmentationClass, first at \(at(objectOnlyFirst)); they are read as void (written back as 255 in both masks)",
                at: SourceLocation(file: classPath), subject: "image \(stem) void"))
        }
    }
}
