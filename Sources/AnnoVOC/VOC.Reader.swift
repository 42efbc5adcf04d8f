import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import AnnoXML

extension VOC {
    /// Reads a Pascal VOC folder into the IR (see Specs/formats/voc.md for every mapping).
    public struct Reader {
        /// The dataset root.
        public var root: String
        /// Read options (origin, strictness).
        public var options: ReadOptions
        /// Caps for annotation XML files.
        public var xmlLimits = XML.Limits(maxBytes: 1 << 20, maxDepth: 64, maxAttributesPerElement: 64)
        /// Caps for mask PNGs.
        public var pngLimits = PNG.Limits.default

        /// Creates a reader.
        public init(root: String, options: ReadOptions = ReadOptions()) {
            self.root = root
            self.options = options
        }

        /// An object of one annotation file, before categories are resolved.
        struct ParsedObject {
            var position: Int
            var name: String
            var annotation: Annotation
        }

        /// One annotation file (or an ImageSets id without one), before categories are resolved.
        struct ParsedImage {
            var stem: String
            var image: Image
            var objects: [ParsedObject]
            var objectCount: Int
            var file: String?
            var segmented: Bool
            var maskLoaded = false
        }

        /// Reads the dataset, reporting recoverable problems to `diagnostics`.
        ///
        /// With `options.vocOrigin == ReadOptions.detectVOCOrigin` the folder is read as 1-based; when some box then
        /// looks 0-based (the AK033 condition: xmin or ymin 0, or an edge past the image) it is read again as
        /// 0-based and one info-level AK033 finding says so, with the count and the first such box.
        public func read(diagnostics: inout Diagnostics) throws -> Dataset {
            guard options.vocOrigin == ReadOptions.detectVOCOrigin else { return try readWithOrigin(diagnostics: &diagnostics) }
            var oneBased = self
            oneBased.options.vocOrigin = 1
            var found = Diagnostics()
            let dataset = try oneBased.readWithOrigin(diagnostics: &found)
            let hints = found.items.filter { $0.code == Checks.originHint.code }
            guard let first = hints.first else {
                diagnostics.report(contentsOf: found.items)
                return dataset
            }
            var zeroBased = self
            zeroBased.options.vocOrigin = 0
            let again = try zeroBased.readWithOrigin(diagnostics: &diagnostics)
            let where_ = first.location.map { " (first: \($0), \(first.subject))" } ?? ""
            diagnostics.report(Diagnostic(
                code: Checks.originHint.code, name: Checks.originHint.name, severity: .info,
                message: "--voc-origin auto read the boxes as 0-based: \(hints.count) object\(hints.count == 1 ? " has" : "s have") xmin/ymin 0 or xmax/ymax past the image\(where_); pass --voc-origin 1 to read them as 1-based",
                location: SourceLocation(file: root), subject: "dataset"))
            return again
        }

        /// Reads the dataset with `options.vocOrigin` 1 or 0.
        func readWithOrigin(diagnostics: inout Diagnostics) throws -> Dataset {
            guard FileIO.exists(root) else {
                throw DatasetError(
                    code: Checks.notVOC.code, message: "\(root) does not exist; check the path",
                    location: SourceLocation(file: root), category: .inputUnavailable)
            }
            let layout = Layout.locate(root: root)
            // Mask-only layout (CVAT "Segmentation mask 1.1", Datumaro voc_segmentation): no XML, masks define images.
            let maskStems = layout.map { $0.annotations == nil ? Self.pngStems(in: $0) : [] } ?? []
            guard let layout, layout.annotations != nil || !maskStems.isEmpty else {
                throw DatasetError(
                    code: Checks.notVOC.code,
                    message: "\(root) is not a Pascal VOC folder: it has no Annotations/, no .xml files and no PNG masks in SegmentationObject/ or SegmentationClass/; pass the dataset root (the folder holding those)",
                    location: SourceLocation(file: root), category: .malformedInput)
            }
            let maskOnly = layout.annotations == nil
            let annotationDir = layout.annotations ?? FilePath.join(layout.root, "Annotations")
            let labelmap: Labelmap? = try layout.labelmap.map {
                Labelmap.parse(try FileIO.readText($0, limit: 16 << 20), file: $0, diagnostics: &diagnostics)
            }
            let sets = layout.imageSets.map { ImageSets.read(folder: $0, diagnostics: &diagnostics) } ?? ImageSets()

            // Pass 1: every annotation file.
            var parsed: [String: ParsedImage] = [:]
            let xmlFiles = maskOnly ? [] : try FileIO.list(annotationDir).filter { $0.lowercased().hasSuffix(".xml") }
            for stem in maskStems {
                parsed[stem] = maskOnlyImage(stem: stem, layout: layout, diagnostics: &diagnostics)
            }
            for (n, name) in xmlFiles.enumerated() {
                let path = FilePath.join(annotationDir, name)
                if let p = try parseFile(path, stem: String(name.dropLast(4)), layout: layout, diagnostics: &diagnostics) {
                    parsed[p.stem] = p
                }
                options.progress?(Double(n + 1) / Double(max(1, xmlFiles.count)) * 0.5)
            }
            for (id, _) in sets.membership where parsed[id] == nil {
                var image = Image(id: .string(id))
                let found = findImage(stem: id, fileName: nil, layout: layout)
                image.fileName = found?.name ?? id + ".jpg"
                if let size = found?.size {
                    image.width = size.width
                    image.height = size.height
                }
                if maskOnly {
                    // No annotation files are expected; a missing mask is AK034 when the id is in a Segmentation list.
                    parsed[id] = ParsedImage(stem: id, image: image, objects: [], objectCount: 0, file: nil, segmented: false)
                    continue
                }
                diagnostics.report(Diagnostic(
                    Checks.missingAnnotationFile, "\(id) is listed in ImageSets but has no annotation file; kept without objects",
                    at: SourceLocation(file: FilePath.join(annotationDir, id + ".xml")), subject: "image \(id)"))
                parsed[id] = ParsedImage(stem: id, image: image, objects: [], objectCount: 0, file: nil, segmented: false)
            }
            let stems = parsed.keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }

            // Classes: labelmap, else VOC's 20 when every name is one of them, else the names seen, sorted.
            var seen: Set<String> = []
            for s in stems { for o in parsed[s]?.objects ?? [] { seen.insert(o.name) } }
            var classNames: [String]
            if let labelmap, !labelmap.entries.isEmpty {
                classNames = labelmap.entries.map(\.name)
            } else if seen.isSubset(of: Set(VOC.classNames)) {
                classNames = [VOC.backgroundName] + VOC.classNames
            } else {
                classNames = [VOC.backgroundName]
            }
            let known = Set(classNames)
            classNames += seen.subtracting(known).sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
            var classIndex: [String: Int] = [:]
            for (i, n) in classNames.enumerated() where classIndex[n] == nil { classIndex[n] = i }
            var categories: [Category] = []
            for (i, n) in classNames.enumerated() where i > 0 || seen.contains(n) {
                var c = Category(id: .int(i), name: n)
                if let e = labelmap?.entries.indices.contains(i) == true ? labelmap?.entries[i] : nil {
                    var ext: [JSONMember] = []
                    if let col = e.color, i > 255 || col != PNG.vocColormap[i] { ext.append(JSONMember("color", .string("\(col.r),\(col.g),\(col.b)"))) }
                    if e.color == nil { ext.append(JSONMember("color", .string(""))) }
                    if !e.parts.isEmpty { ext.append(JSONMember("parts", .string(e.parts))) }
                    if !e.actions.isEmpty { ext.append(JSONMember("actions", .string(e.actions))) }
                    if !ext.isEmpty { c.extensions = [JSONMember(VOC.extensionKey, .object(ext))] }
                }
                categories.append(c)
            }
            var classColors = Masks.colormapTable
            if let labelmap, !labelmap.entries.isEmpty {
                classColors = [:]
                for (i, e) in labelmap.entries.enumerated() where i < 255 {
                    if let c = e.color {
                        let key = UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
                        if classColors[key] == nil { classColors[key] = UInt8(i) }
                    }
                }
            }
            classColors[0xE0E0C0] = VOC.voidIndex

            // Pass 2: masks and annotations.
            var dataset = Dataset(categories: categories)
            dataset.extensions = []
            var nextID = 1
            for (n, stem) in stems.enumerated() {
                guard var p = parsed[stem] else { continue }
                if let list = sets.membership[stem] {
                    p.image.extensions.append(JSONMember(VOC.imageSetsKey, ImageSets.json(list)))
                }
                let listedForSegmentation = sets.membership[stem]?.contains { $0.set == "Segmentation" } ?? false
                var semantic: [Annotation] = []
                try readMasks(
                    &p, layout: layout, classIndex: classIndex, classNames: classNames, classColors: classColors,
                    expectMasks: p.segmented || listedForSegmentation, maskOnly: maskOnly, semantic: &semantic,
                    diagnostics: &diagnostics)
                p.image.dropDerivableSegmentedFlag(hasMasks: p.maskLoaded)
                dataset.images.append(p.image)
                for o in p.objects {
                    var a = o.annotation
                    a.id = .int(nextID)
                    nextID += 1
                    a.categoryID = classIndex[o.name].map { .int($0) }
                    dataset.annotations.append(a)
                }
                for var a in semantic {
                    a.id = .int(nextID)
                    nextID += 1
                    dataset.annotations.append(a)
                }
                options.progress?(0.5 + Double(n + 1) / Double(max(1, stems.count)) * 0.5)
            }
            return dataset
        }

        // MARK: - Annotation files

        func parseFile(_ path: String, stem: String, layout: Layout, diagnostics: inout Diagnostics) throws -> ParsedImage? {
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(path, limit: xmlLimits.maxBytes)
            } catch let e as DatasetError where e.category == .limit {
                throw DatasetError(code: Checks.invalidXML.code, message: e.message, location: e.location, category: .limit)
            }
            let root: XML.Element
            do {
                root = try XML.parse(bytes, file: path, limits: xmlLimits)
            } catch {
                throw DatasetError(
                    code: Checks.invalidXML.code, message: error.message,
                    location: SourceLocation(file: path, line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil),
                    category: error.isLimit ? .limit : .malformedInput)
            }
            guard root.name == "annotation" else {
                diagnostics.report(Diagnostic(
                    Checks.notAnnotation, "the root element is <\(root.name)>, not <annotation>; file skipped",
                    at: SourceLocation(file: path, line: root.line), subject: "image \(stem)"))
                return nil
            }
            var image = Image(id: .string(stem), origin: Origin(SourceLocation(file: path, line: root.line)))
            var voc: [JSONMember] = []
            var objects: [ParsedObject] = []
            var objectCount = 0
            var segmented = false
            var sizeOK = false
            var sizeElement: XML.Element?
            for child in root.children {
                switch child.name {
                case "filename":
                    let name = child.trimmedText
                    if isUnsafe(name) {
                        diagnostics.report(Diagnostic(
                            Checks.unsafeFileName, "<filename>\(name)</filename> leaves the image folder; using its last component",
                            at: SourceLocation(file: path, pointer: "/annotation/filename", line: child.line), subject: "image \(stem)"))
                        image.fileName = FilePath.lastComponent(of: name)
                        voc.append(JSONMember("filename", .string(name)))
                    } else {
                        image.fileName = name.isEmpty ? nil : name
                    }
                case "size":
                    sizeElement = child
                    let w = child.text(of: "width").flatMap { Double($0) }
                    let h = child.text(of: "height").flatMap { Double($0) }
                    if let w, let h, w >= 1, h >= 1, w == w.rounded(), h == h.rounded(), w < 1e9, h < 1e9 {
                        image.width = Int(w)
                        image.height = Int(h)
                        sizeOK = true
                    }
                    // depth 3 is what the writer writes by default, so only other values are kept.
                    let rest = child.children.filter {
                        $0.name != "width" && $0.name != "height" && !($0.name == "depth" && $0.trimmedText == "3")
                    }
                    if !rest.isEmpty { voc.append(JSONMember("size", .object(ElementCoding.members(of: rest)))) }
                case "segmented":
                    segmented = child.trimmedText == "1"
                    voc.append(JSONMember("segmented", ElementCoding.value(of: child)))
                case "object":
                    objectCount += 1
                    if let o = parseObject(child, position: objectCount, image: image, path: path, stem: stem, diagnostics: &diagnostics) {
                        objects.append(o)
                    }
                case "title":
                    image.title = child.trimmedText
                case "description":
                    image.description = child.trimmedText
                case "scene":
                    var s = Scene()
                    for e in child.children {
                        switch e.name {
                        case "viewpoint": s.viewpoint = e.trimmedText
                        case "lighting": s.lighting = e.trimmedText
                        case "mood": s.mood = e.trimmedText
                        case "setting": s.setting = e.trimmedText
                        case "notes": s.notes = e.trimmedText
                        default: s.extensions.append(JSONMember(e.name, ElementCoding.value(of: e)))
                        }
                    }
                    image.scene = s
                case "captions":
                    image.captions = child.children(named: "caption").map(\.trimmedText)
                case "folder", "path", "source", "owner":
                    voc.append(JSONMember(child.name, ElementCoding.value(of: child)))
                default:
                    diagnostics.report(Diagnostic(
                        Checks.unknownElement, "unknown element <\(child.name)> kept as an extension",
                        at: SourceLocation(file: path, pointer: "/annotation/\(child.name)", line: child.line), subject: "image \(stem)"))
                    voc.append(JSONMember(child.name, ElementCoding.value(of: child)))
                }
            }
            if !sizeOK {
                let found = findImage(stem: stem, fileName: image.fileName, layout: layout)
                var how = "no image file found"
                if let size = found?.size {
                    image.width = size.width
                    image.height = size.height
                    how = "taken from \(found?.name ?? "the image") (\(size.width)x\(size.height))"
                } else if let size = maskSize(stem: stem, layout: layout) {
                    image.width = size.width
                    image.height = size.height
                    how = "taken from its mask (\(size.width)x\(size.height))"
                }
                let what = sizeElement == nil ? "has no <size>" : "has a zero or non-numeric <size>"
                diagnostics.report(Diagnostic(
                    Checks.missingSize, "\(stem) \(what); size \(how)",
                    at: SourceLocation(file: path, pointer: "/annotation/size", line: sizeElement?.line ?? root.line), subject: "image \(stem)"))
            }
            if !voc.isEmpty { image.extensions.append(JSONMember(VOC.extensionKey, .object(voc))) }
            // Origin hints need the size, which may only be known now.
            for o in objects {
                checkBounds(o, image: image, path: path, stem: stem, diagnostics: &diagnostics)
            }
            return ParsedImage(stem: stem, image: image, objects: objects, objectCount: objectCount, file: path, segmented: segmented)
        }

        func parseObject(
            _ element: XML.Element, position: Int, image: Image, path: String, stem: String, diagnostics: inout Diagnostics
        ) -> ParsedObject? {
            let pointer = "/annotation/object[\(position)]"
            let subject = "image \(stem) object \(position)"
            let at = SourceLocation(file: path, pointer: pointer, line: element.line)
            guard let name = element.text(of: "name"), !name.isEmpty else {
                diagnostics.report(Diagnostic(Checks.missingName, "object \(position) has no <name>; skipped", at: at, subject: subject))
                return nil
            }
            var a = Annotation(id: .int(0), imageID: image.id, origin: Origin(at))
            var voc: [JSONMember] = []
            var box: Coordinates.VOCBox?
            var boxProblem: String? = "has no <bndbox>"
            var rest: [XML.Element] = []
            for child in element.children {
                switch child.name {
                case "name":
                    continue
                case "bndbox":
                    let texts = ["xmin", "ymin", "xmax", "ymax"].map { child.text(of: $0) }
                    let values = texts.map { $0.flatMap { Double($0) } }
                    if let missing = zip(["xmin", "ymin", "xmax", "ymax"], texts).first(where: { $0.1 == nil || $0.1 == "" }) {
                        boxProblem = "has no <\(missing.0)>"
                    } else if let bad = zip(texts, values).first(where: { $0.1 == nil || !($0.1?.isFinite ?? false) }) {
                        boxProblem = "has a non-numeric coordinate \"\(bad.0 ?? "")\""
                    } else if let x0 = values[0], let y0 = values[1], let x1 = values[2], let y1 = values[3] {
                        if x1 < x0 || y1 < y0 {
                            boxProblem = "has xmax < xmin or ymax < ymin (\(x0), \(y0), \(x1), \(y1))"
                        } else {
                            boxProblem = nil
                            box = Coordinates.VOCBox(xmin: x0, ymin: y0, xmax: x1, ymax: y1)
                            if texts.contains(where: { !($0.map { Int($0) != nil } ?? true) }) {
                                voc.append(JSONMember("bndbox", .object(ElementCoding.members(of: child.children))))
                            }
                        }
                    }
                case "description":
                    a.description = child.trimmedText
                case "caption":
                    a.caption = child.trimmedText
                case "score":
                    if let d = Double(child.trimmedText) { a.score = JSONNumber(literal: child.trimmedText, double: d) }
                case "iscrowd":
                    a.isCrowd = Int(child.trimmedText)
                case "provenance":
                    var p = Provenance()
                    for e in child.children {
                        switch e.name {
                        case "source": p.source = Provenance.Source(e.trimmedText)
                        case "annotator": p.annotator = e.trimmedText
                        case "model": p.model = e.trimmedText
                        case "model_version": p.modelVersion = e.trimmedText
                        case "created": p.created = e.trimmedText
                        default: p.extensions.append(JSONMember(e.name, ElementCoding.value(of: e)))
                        }
                    }
                    a.provenance = p
                case "review":
                    var r = Review()
                    for e in child.children {
                        switch e.name {
                        case "status": r.status = Review.Status(e.trimmedText)
                        case "reviewer": r.reviewer = e.trimmedText
                        case "reviewed": r.reviewed = e.trimmedText
                        default: r.extensions.append(JSONMember(e.name, ElementCoding.value(of: e)))
                        }
                    }
                    a.review = r
                default:
                    rest.append(child)
                }
            }
            if let boxProblem {
                diagnostics.report(Diagnostic(Checks.invalidBox, "object \(position) (\(name)) \(boxProblem); skipped", at: at, subject: subject))
                return nil
            }
            guard let box else { return nil }
            a.bbox = Coordinates.box(from: box, origin: options.vocOrigin)
            voc.insert(contentsOf: ElementCoding.members(of: rest), at: 0)
            if !voc.isEmpty { a.extensions.append(JSONMember(VOC.extensionKey, .object(voc))) }
            return ParsedObject(position: position, name: name, annotation: a)
        }

        func checkBounds(_ o: ParsedObject, image: Image, path: String, stem: String, diagnostics: inout Diagnostics) {
            guard let b = o.annotation.bbox else { return }
            let x0 = b.x.double, y0 = b.y.double, x1 = x0 + b.width.double, y1 = y0 + b.height.double
            let at = o.annotation.origin.location
            let subject = "image \(stem) object \(o.position)"
            let w = Double(image.width ?? Int.max), h = Double(image.height ?? Int.max)
            if options.vocOrigin == 1 {
                // Read back as VOC values: xmin = x0 + 1, xmax = x1.
                if x0 + 1 == 0 || y0 + 1 == 0 || x1 > w || y1 > h {
                    diagnostics.report(Diagnostic(
                        Checks.originHint,
                        "object \(o.position) (\(o.name)) has xmin/ymin 0 or xmax/ymax past the image (\(image.width ?? 0)x\(image.height ?? 0)): the file looks 0-based; read with --voc-origin 0 (or auto) if so",
                        at: at, subject: subject))
                }
            }
            if x0 < -1 || y0 < -1 || x1 > w + 1 || y1 > h + 1 {
                diagnostics.report(Diagnostic(
                    Checks.boxOutsideImage, "object \(o.position) (\(o.name)) extends past the \(image.width ?? 0)x\(image.height ?? 0) image",
                    at: at, subject: subject))
            }
        }

        func isUnsafe(_ name: String) -> Bool {
            name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.split(separator: "\\").contains("..")
                || name.unicodeScalars.contains { $0.value < 0x20 }
        }

        /// The image file for `stem` and its size from the header, searching the layout's image folders.
        func findImage(stem: String, fileName: String?, layout: Layout) -> (name: String, size: (width: Int, height: Int)?)? {
            var names: [String] = []
            if let fileName { names.append(FilePath.lastComponent(of: fileName)) }
            names += [".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"].map { stem + $0 }
            for folder in layout.imageFolders {
                for n in names {
                    let p = FilePath.join(folder, n)
                    guard FileIO.exists(p), !FileIO.isDirectory(p) else { continue }
                    let bytes = (try? FileIO.read(p, limit: 256 << 20)) ?? []
                    return (n, ImageHeader.size(of: bytes))
                }
            }
            return nil
        }

        func maskSize(stem: String, layout: Layout) -> (width: Int, height: Int)? {
            for dir in [layout.segmentationObject, layout.segmentationClass].compactMap({ $0 }) {
                let p = FilePath.join(dir, stem + ".png")
                if FileIO.exists(p), let bytes = try? FileIO.read(p, limit: 64 << 20), let s = ImageHeader.pngSize(of: bytes) {
                    return s
                }
            }
            return nil
        }

        // MARK: - Masks

        /// Decodes one mask PNG to row-major indices, or reports why not (nil).
        func loadMask(
            _ path: String, image: Image, stem: String, colors: [UInt32: UInt8], diagnostics: inout Diagnostics
        ) throws -> [UInt8]? {
            let subject = "image \(stem)"
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(path, limit: 1 << 30)
            } catch let e as DatasetError where e.category == .limit {
                throw DatasetError(code: Checks.maskLimit.code, message: e.message, location: e.location, category: .limit)
            }
            let png: PNG.Image
            do {
                png = try PNG.decode(bytes, limits: pngLimits, toleratedIndexBeyondPalette: VOC.voidIndex)
            } catch {
                if case .limitExceeded = error.kind {
                    throw DatasetError(
                        code: Checks.maskLimit.code, message: "\(path): \(error.description)",
                        location: SourceLocation(file: path), category: .limit)
                }
                diagnostics.report(Diagnostic(
                    Checks.unreadableMask, "\(error.description); mask ignored", at: SourceLocation(file: path), subject: subject))
                return nil
            }
            guard png.width == image.width, png.height == image.height else {
                diagnostics.report(Diagnostic(
                    Checks.maskSizeMismatch,
                    "the mask is \(png.width)x\(png.height) but the image is \(image.width.map(String.init) ?? "?")x\(image.height.map(String.init) ?? "?"); mask ignored",
                    at: SourceLocation(file: path), subject: subject))
                return nil
            }
            let (idx, unknown, first) = Masks.indices(of: png, colors: colors)
            if unknown > 0 {
                let c = first.map { " such as \($0)" } ?? ""
                diagnostics.report(Diagnostic(
                    Checks.unknownColor, "\(unknown) pixels have colours\(c) outside the colormap/labelmap; treated as background",
                    at: SourceLocation(file: path), subject: subject))
            }
            return idx
        }

        func readMasks(
            _ p: inout ParsedImage, layout: Layout, classIndex: [String: Int], classNames: [String], classColors: [UInt32: UInt8],
            expectMasks: Bool, maskOnly: Bool, semantic: inout [Annotation], diagnostics: inout Diagnostics
        ) throws {
            let classCount = classNames.count
            let stem = p.stem
            let objectPath = layout.segmentationObject.map { FilePath.join($0, stem + ".png") }.flatMap { FileIO.exists($0) ? $0 : nil }
            let classPath = layout.segmentationClass.map { FilePath.join($0, stem + ".png") }.flatMap { FileIO.exists($0) ? $0 : nil }
            if objectPath == nil && classPath == nil {
                if expectMasks {
                    diagnostics.report(Diagnostic(
                        Checks.missingMaskFile, "\(stem) is marked segmented or listed in ImageSets/Segmentation but has no mask PNG",
                        at: SourceLocation(file: FilePath.join(layout.segmentationObject ?? FilePath.join(layout.root, "SegmentationObject"), stem + ".png")),
                        subject: "image \(stem)"))
                }
                return
            }
            guard let w = p.image.width, let h = p.image.height else { return }
            var objectIdx: [UInt8]?
            var classIdx: [UInt8]?
            if let objectPath {
                objectIdx = try loadMask(objectPath, image: p.image, stem: stem, colors: Masks.colormapTable, diagnostics: &diagnostics)
            }
            if let classPath {
                classIdx = try loadMask(classPath, image: p.image, stem: stem, colors: classColors, diagnostics: &diagnostics)
            }
            var void: [UInt32]?
            if let objectIdx, let objectPath {
                let runs = Masks.runs(rowMajor: objectIdx, width: w, height: h)
                if maskOnly {
                    p.objects = instanceObjects(
                        runs: runs, objectIdx: objectIdx, classIdx: classIdx, classNames: classNames, image: p.image,
                        stem: stem, objectPath: objectPath, classPath: classPath, layout: layout, diagnostics: &diagnostics)
                    p.objectCount = p.objects.last?.position ?? 0
                }
                var byPosition: [Int: Int] = [:]
                for (i, o) in p.objects.enumerated() { byPosition[o.position] = i }
                for k in 1..<255 {
                    guard let counts = runs[k] else { continue }
                    if let i = byPosition[k] {
                        p.objects[i].annotation.segmentation = .rle(RLEData(height: h, width: w, counts: .uncompressed(counts)))
                    } else {
                        let area = counts.enumerated().reduce(0) { $0 + ($1.offset % 2 == 1 ? Int($1.element) : 0) }
                        let why = k <= p.objectCount ? "object \(k) was skipped" : "the XML has only \(p.objectCount) objects"
                        diagnostics.report(Diagnostic(
                            Checks.maskObjectMismatch, "instance index \(k) has \(area) pixels but \(why); pixels dropped",
                            at: SourceLocation(file: objectPath), subject: "image \(stem) instance \(k)"))
                    }
                }
                for o in p.objects where runs[o.position] == nil || o.position >= 255 {
                    diagnostics.report(Diagnostic(
                        Checks.maskObjectMismatch, "object \(o.position) (\(o.name)) has no pixels in SegmentationObject",
                        at: SourceLocation(file: objectPath), subject: "image \(stem) object \(o.position)"))
                }
                void = runs[255]
            }
            if let classIdx, let classPath {
                // The class each pixel should have according to the objects; disagreeing pixels become class-only regions.
                var residue = classIdx
                var mismatched = 0
                if let objectIdx {
                    var classOf = [UInt8](repeating: 0, count: 256)
                    classOf[255] = 255
                    for o in p.objects where o.position < 255 { classOf[o.position] = UInt8(clamping: classIndex[o.name] ?? 0) }
                    for i in 0..<residue.count {
                        let expected = classOf[Int(objectIdx[i])]
                        let actual = classIdx[i]
                        if expected == actual {
                            residue[i] = 0
                        } else {
                            mismatched += 1
                            if actual == 255 { residue[i] = 0 }
                        }
                    }
                } else {
                    for i in 0..<residue.count where residue[i] == 255 { residue[i] = 0 }
                }
                if maskOnly, let objectIdx {
                    // Per-instance disagreements were reported by instanceObjects; here the void disagreements.
                    reportVoidDisagreement(objectIdx: objectIdx, classIdx: classIdx, width: w, stem: stem, classPath: classPath, diagnostics: &diagnostics)
                } else if mismatched > 0 {
                    diagnostics.report(Diagnostic(
                        Checks.classMaskMismatch,
                        "\(mismatched) pixels of SegmentationClass differ from the classes of the objects in SegmentationObject",
                        at: SourceLocation(file: classPath), subject: "image \(stem)"))
                }
                let runs = Masks.runs(rowMajor: residue, width: w, height: h)
                for c in 1..<255 {
                    guard let counts = runs[c] else { continue }
                    guard c < classCount else {
                        diagnostics.report(Diagnostic(
                            Checks.classMaskMismatch, "class index \(c) has no class name; pixels dropped",
                            at: SourceLocation(file: classPath), subject: "image \(stem) class \(c)"))
                        continue
                    }
                    let data = RLEData(height: h, width: w, counts: .uncompressed(counts))
                    var a = Annotation(id: .int(0), imageID: p.image.id, categoryID: .int(c), segmentation: .rle(data))
                    if let r = try? RLE(size: MaskSize(height: h, width: w), counts: counts) {
                        let bb = r.boundingBox
                        a.bbox = Box(x: bb.x, y: bb.y, width: bb.width, height: bb.height)
                    }
                    a.extensions = [JSONMember(VOC.semanticKey, .bool(true))]
                    a.provenance = Self.maskDerivedProvenance
                    a.origin = Origin(SourceLocation(file: classPath))
                    semantic.append(a)
                }
                if objectIdx == nil {
                    void = Masks.runs(rowMajor: classIdx, width: w, height: h)[255]
                }
            }
            p.maskLoaded = objectIdx != nil || classIdx != nil
            if let void {
                p.image.ignoreRegion = RLEData(height: h, width: w, counts: .uncompressed(void))
            }
        }
    }
}

extension Image {
    /// Removes `voc.segmented` when it says what the masks already say (the writer derives it), so VOC → VOC is exact.
    mutating func dropDerivableSegmentedFlag(hasMasks: Bool) {
        guard let i = extensions.firstIndex(where: { $0.key == VOC.extensionKey }),
            case .object(var members) = extensions[i].value,
            let j = members.firstIndex(where: { $0.key == "segmented" })
        else { return }
        let text: String
        switch members[j].value {
        case .number(let n): text = n.literal
        case .string(let s): text = s
        default: return
        }
        guard (text == "1" && hasMasks) || (text == "0" && !hasMasks) else { return }
        members.remove(at: j)
        if members.isEmpty { extensions.remove(at: i) } else { extensions[i].value = .object(members) }
    }
}
