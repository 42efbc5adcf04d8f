import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import AnnoXML
import Dispatch

extension VOC {
    /// Writes the IR as a Pascal VOC folder: deterministic XML, palette PNG masks, ImageSets and labelmap.txt.
    ///
    /// Writing is split in two so each half can be measured: ``render(_:)`` computes every file's bytes
    /// (XML, rasterisation, PNG encoding; parallel per image, output independent of scheduling), and
    /// ``publish(_:to:)`` creates the files atomically.
    public struct Writer: Sendable {
        /// Write options (box origin).
        public var options: WriteOptions
        /// How mask PNGs are compressed: −1 (default) is AnnoVOC's run-length DEFLATE encoder (fast, independent of
        /// the zlib version); 0…9 is zlib at that level. Fixed per run, so output is deterministic.
        public var pngLevel: Int = -1
        /// Worker count for rendering and publishing; 0 means one per active core.
        public var workers: Int = 0

        /// Creates a writer.
        public init(options: WriteOptions = WriteOptions()) { self.options = options }

        /// One output file: its path relative to the dataset root and its bytes.
        public struct File: Hashable, Sendable {
            /// Path relative to the root, such as `Annotations/a.xml`.
            public var path: String
            /// The complete content.
            public var bytes: [UInt8]

            /// Creates a file record.
            public init(path: String, bytes: [UInt8]) {
                self.path = path
                self.bytes = bytes
            }
        }

        /// Everything ``render(_:)`` produced.
        public struct Rendering: Sendable {
            /// The files, in a deterministic order.
            public var files: [File]
            /// The conversion losses (AK060–AK079), in image order.
            public var diagnostics: [Diagnostic]
        }

        /// One class of the output: its palette index and the names used in files.
        struct ClassEntry {
            var index: Int
            var name: String
            var fileName: String
            var color: PNG.RGB
            var parts: String
            var actions: String
        }

        /// What one image contributes besides its files.
        struct ImageResult {
            var files: [File] = []
            var diagnostics: [Diagnostic] = []
            var memberships: [ImageSets.Membership] = []
            var present: Set<Int> = []
            var difficultOnly: Set<Int> = []
            var failure: DatasetError?
        }

        /// Computes every output file and every loss, without touching the file system.
        public func render(_ dataset: Dataset) throws -> Rendering {
            var diagnostics: [Diagnostic] = []
            if dataset.info != nil || !dataset.licenses.isEmpty || !dataset.extensions.isEmpty {
                var what: [String] = []
                if dataset.info != nil { what.append("info") }
                if !dataset.licenses.isEmpty { what.append("\(dataset.licenses.count) licences") }
                if !dataset.extensions.isEmpty { what.append("keys " + dataset.extensions.map(\.key).joined(separator: ", ")) }
                diagnostics.append(Diagnostic(LossChecks.datasetFieldsDropped, "VOC cannot hold " + what.joined(separator: ", ") + "; dropped"))
            }

            // Classes.
            var classes: [ClassEntry] = []
            var classOf: [ID: Int] = [:]
            var renumbered = 0
            let backgroundFirst = dataset.categories.first?.name == VOC.backgroundName
            if !backgroundFirst {
                classes.append(ClassEntry(index: 0, name: VOC.backgroundName, fileName: VOC.backgroundName, color: PNG.vocColormap[0], parts: "", actions: ""))
            }
            for (i, c) in dataset.categories.enumerated() {
                let index = backgroundFirst ? i : i + 1
                if classOf[c.id] != nil { continue }
                var entry = ClassEntry(
                    index: index, name: c.name, fileName: Self.safeName(c.name),
                    color: index < 256 ? PNG.vocColormap[index] : PNG.RGB(0, 0, 0), parts: "", actions: "")
                var dropped: [String] = []
                if c.supercategory != nil { dropped.append("supercategory") }
                for m in c.extensions {
                    if m.key == VOC.extensionKey, case .object(let ext) = m.value {
                        for e in ext {
                            guard case .string(let s) = e.value else { continue }
                            switch e.key {
                            case "color":
                                let p = s.split(separator: ",").compactMap { UInt8($0) }
                                if p.count == 3 { entry.color = PNG.RGB(p[0], p[1], p[2]) }
                            case "parts": entry.parts = s
                            case "actions": entry.actions = s
                            default: break
                            }
                        }
                    } else {
                        dropped.append(m.key)
                    }
                }
                if c.id != .int(index) { renumbered += 1 }
                if !dropped.isEmpty {
                    diagnostics.append(Diagnostic(
                        LossChecks.categoryFieldsDropped, "category \(c.name): VOC cannot hold " + dropped.joined(separator: ", "),
                        subject: "category \(c.id.text)"))
                }
                if entry.fileName != c.name || Self.labelmapName(c.name) != c.name {
                    diagnostics.append(Diagnostic(
                        LossChecks.categoryName,
                        "category name \"\(c.name)\" cannot be used as is in ImageSets file names (\"\(entry.fileName)\") or labelmap.txt (\"\(Self.labelmapName(c.name))\")",
                        subject: "category \(c.id.text)"))
                }
                if index > 254 {
                    diagnostics.append(Diagnostic(
                        LossChecks.indexLimit, "category \(c.name) is class \(index), past the palette's 254 classes; no class pixels",
                        subject: "category \(c.id.text)"))
                }
                classOf[c.id] = index
                classes.append(entry)
            }
            if renumbered > 0 {
                diagnostics.append(Diagnostic(
                    LossChecks.categoryFieldsDropped,
                    "\(renumbered) category ids differ from their VOC class index (category order); VOC keeps names and indices only"))
            }
            var nameOf: [ID: String] = [:]
            for c in dataset.categories where nameOf[c.id] == nil { nameOf[c.id] = c.name }
            var classPalette = PNG.vocColormap
            for c in classes where c.index < 255 { classPalette[c.index] = c.color }

            // Image stems.
            var stems: [String] = []
            var used: Set<String> = []
            for image in dataset.images {
                var stem: String
                if case .string(let s) = image.id { stem = s } else if let f = image.fileName { stem = Self.stem(of: f) } else { stem = image.id.text }
                var safe = Self.safeName(stem)
                if safe.isEmpty { safe = image.id.text }
                if used.contains(safe) { safe = Self.safeName(safe + "_" + image.id.text) }
                while used.contains(safe) { safe += "_" }
                if safe != stem {
                    diagnostics.append(Diagnostic(
                        LossChecks.imageRenamed, "image \"\(stem)\" is written as \(safe) (unsafe or duplicate VOC id)",
                        subject: "image \(image.id.text)"))
                }
                used.insert(safe)
                stems.append(safe)
            }
            var annotationsOf: [ID: [Int]] = [:]
            var imageIDs: Set<ID> = []
            for image in dataset.images { imageIDs.insert(image.id) }
            for (i, a) in dataset.annotations.enumerated() {
                if imageIDs.contains(a.imageID) {
                    annotationsOf[a.imageID, default: []].append(i)
                } else {
                    diagnostics.append(Diagnostic(
                        LossChecks.objectDropped, "annotation \(a.id.text) refers to image \(a.imageID.text), which does not exist; not written",
                        subject: "annotation \(a.id.text)"))
                }
            }

            // Per image, in parallel; results land in their slot, so order never depends on scheduling.
            let count = dataset.images.count
            var results = [ImageResult](repeating: ImageResult(), count: count)
            let lists = dataset.images.map { annotationsOf[$0.id] ?? [] }
            let workerCount = workers > 0 ? workers : 0
            let (fixedStems, fixedClassOf, fixedNameOf, fixedPalette) = (stems, classOf, nameOf, classPalette)
            results.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let out = slots
                let body: @Sendable (Int) -> Void = { i in
                    out[i] = renderImage(
                        dataset.images[i], stem: fixedStems[i], annotations: lists[i].map { dataset.annotations[$0] },
                        classOf: fixedClassOf, nameOf: fixedNameOf, classPalette: fixedPalette)
                }
                if workerCount == 1 || count < 2 {
                    for i in 0..<count { body(i) }
                } else {
                    DispatchQueue.concurrentPerform(iterations: count, execute: body)
                }
            }
            var files: [File] = []
            var setsOrder: [String] = []
            var splitsOrder: [String: [String]] = [:]
            var members: [String: [String: [Int]]] = [:]
            for (i, r) in results.enumerated() {
                if let failure = r.failure { throw failure }
                files += r.files
                diagnostics += r.diagnostics
                for m in r.memberships {
                    if splitsOrder[m.set] == nil { setsOrder.append(m.set); splitsOrder[m.set] = [] }
                    if splitsOrder[m.set]?.contains(m.split) == false { splitsOrder[m.set]?.append(m.split) }
                    members[m.set, default: [:]][m.split, default: []].append(i)
                }
            }
            for set in setsOrder {
                for split in splitsOrder[set] ?? [] {
                    let ids = members[set]?[split] ?? []
                    var text = ""
                    for i in ids { text += stems[i] + "\n" }
                    files.append(File(path: "ImageSets/\(set)/\(Self.safeName(split)).txt", bytes: Array(text.utf8)))
                    guard set == "Main" else { continue }
                    for c in classes where c.index > 0 || dataset.categories.first?.name == VOC.backgroundName {
                        var t = ""
                        t.reserveCapacity(ids.count * 16)
                        for i in ids {
                            let flag = results[i].present.contains(c.index) ? " 1" : results[i].difficultOnly.contains(c.index) ? " 0" : "-1"
                            t += stems[i] + " " + flag + "\n"
                        }
                        files.append(File(path: "ImageSets/Main/\(c.fileName)_\(Self.safeName(split)).txt", bytes: Array(t.utf8)))
                    }
                }
            }
            let labelmap = Labelmap(entries: classes.filter { $0.index < 256 }.map {
                Labelmap.Entry(name: Self.labelmapName($0.name), color: $0.color, parts: $0.parts, actions: $0.actions)
            })
            files.append(File(path: VOC.labelmapFileName, bytes: Array(labelmap.text.utf8)))
            return Rendering(files: files, diagnostics: diagnostics)
        }

        /// Creates the files under `root` (folders as needed), each written atomically; parallel, same result.
        public func publish(_ files: [File], to root: String) throws {
            var folders: [String] = []
            var seen: Set<String> = []
            for f in files {
                let dir = FilePath.parent(of: FilePath.join(root, f.path))
                if seen.insert(dir).inserted { folders.append(dir) }
            }
            try FileIO.makeDirectories(root)
            for d in folders { try FileIO.makeDirectories(d) }
            var failures = [DatasetError?](repeating: nil, count: files.count)
            failures.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let out = slots
                let body: @Sendable (Int) -> Void = { i in
                    do {
                        try FileIO.writeAtomically(files[i].bytes, to: FilePath.join(root, files[i].path))
                    } catch let e as DatasetError {
                        out[i] = e
                    } catch {
                        out[i] = DatasetError(code: "output", message: "\(error)", category: .outputFailed)
                    }
                }
                if workers == 1 || files.count < 2 {
                    for i in 0..<files.count { body(i) }
                } else {
                    DispatchQueue.concurrentPerform(iterations: files.count, execute: body)
                }
            }
            if let first = failures.first(where: { $0 != nil }), let e = first { throw e }
        }

        // MARK: - One image

        func renderImage(
            _ image: Image, stem: String, annotations: [Annotation], classOf: [ID: Int], nameOf: [ID: String],
            classPalette: [PNG.RGB]
        ) -> ImageResult {
            var r = ImageResult()
            let subjectImage = "image \(image.id.text)"
            var imageVOC: [JSONMember] = []
            var sets: [ImageSets.Membership]?
            var droppedImageKeys: [String] = []
            if image.license != nil { droppedImageKeys.append("license") }
            for m in image.extensions {
                if m.key == VOC.extensionKey, case .object(let o) = m.value {
                    imageVOC = o
                } else if m.key == VOC.imageSetsKey {
                    sets = ImageSets.memberships(from: m.value)
                } else {
                    droppedImageKeys.append(m.key)
                }
            }
            if !droppedImageKeys.isEmpty {
                r.diagnostics.append(Diagnostic(
                    LossChecks.imageFieldsDropped, "image \(stem): VOC cannot hold " + droppedImageKeys.joined(separator: ", "),
                    subject: subjectImage))
            }
            let size: MaskSize? = {
                if let w = image.width, let h = image.height, w > 0, h > 0 { return MaskSize(height: h, width: w) }
                return nil
            }()
            let pixels = size.map { $0.height * $0.width } ?? 0
            var objectBuffer: [UInt8] = []
            var classBuffer: [UInt8] = []
            var overwritten = [Int](repeating: 0, count: 256)
            var hasMasks = false
            func ensureBuffers() {
                if !hasMasks {
                    // PNG scanline layout: a 0 filter byte before each row (pitch width + 1, offset 1).
                    objectBuffer = [UInt8](repeating: 0, count: pixels + (size?.height ?? 0))
                    classBuffer = [UInt8](repeating: 0, count: pixels + (size?.height ?? 0))
                    hasMasks = true
                }
            }
            func maskNotWritten(_ why: String, _ subject: String) {
                r.diagnostics.append(Diagnostic(LossChecks.maskNotWritten, why, subject: subject))
            }
            if let ignore = image.ignoreRegion {
                if let size, ignore.height == size.height, ignore.width == size.width,
                    let rle = try? Masks.rle(of: .rle(ignore), size: size) {
                    ensureBuffers()
                    Masks.fill(rle.counts, value: VOC.voidIndex, width: size.width, height: size.height, rowPitch: size.width + 1, offset: 1, into: &objectBuffer)
                    Masks.fill(rle.counts, value: VOC.voidIndex, width: size.width, height: size.height, rowPitch: size.width + 1, offset: 1, into: &classBuffer)
                } else {
                    maskNotWritten("image \(stem): the ignore region does not match the image size; not written", subjectImage)
                }
            }

            var objects: [XML.Element] = []
            var ownerOfIndex: [Int: Annotation] = [:]
            var semantic: [(Annotation, Int)] = []
            for a in annotations {
                let subject = "annotation \(a.id.text)"
                guard let categoryID = a.categoryID, let classIndex = classOf[categoryID] else {
                    r.diagnostics.append(Diagnostic(
                        LossChecks.objectDropped, "annotation \(a.id.text) has no known category; not written", subject: subject))
                    continue
                }
                var rle: RLE?
                if a.hasMask {
                    if let size {
                        do {
                            rle = try Masks.rle(of: a.segmentation, size: size)
                        } catch {
                            maskNotWritten("annotation \(a.id.text): its mask cannot be rasterised at \(size.width)x\(size.height) (\(error)); box only", subject)
                        }
                    } else {
                        maskNotWritten("annotation \(a.id.text): image \(stem) has no size; mask not written", subject)
                    }
                }
                if a.extensions.contains(where: { $0.key == VOC.semanticKey }) {
                    if rle != nil { semantic.append((a, classIndex)) }
                    continue
                }
                // The box: the IR box, else the mask's.
                var box = a.bbox
                if box == nil || (box.map { Coordinates.vocBox(from: $0, origin: options.vocOrigin) }.map { $0.xmax < $0.xmin || $0.ymax < $0.ymin } ?? true) {
                    if let rle, rle.area > 0 {
                        let bb = rle.boundingBox
                        box = Box(x: bb.x, y: bb.y, width: bb.width, height: bb.height)
                    } else {
                        r.diagnostics.append(Diagnostic(
                            LossChecks.objectDropped, "annotation \(a.id.text) has no usable box and no mask to derive one from; not written",
                            subject: subject))
                        continue
                    }
                }
                guard let box else { continue }
                let position = objects.count + 1
                var ext: [JSONMember] = []
                var dropped: [String] = []
                if a.area != nil { dropped.append("area") }
                for m in a.extensions {
                    if m.key == VOC.extensionKey, case .object(let o) = m.value { ext = o } else { dropped.append(m.key) }
                }
                if !dropped.isEmpty {
                    r.diagnostics.append(Diagnostic(
                        LossChecks.annotationFieldsDropped, "annotation \(a.id.text): VOC cannot hold " + dropped.joined(separator: ", "),
                        subject: subject))
                }
                // Coordinates: literals kept when the box is unchanged, else integers.
                var bndbox: XML.Element
                let literal = ext.first { $0.key == "bndbox" }?.value
                if let kept = Self.keptBox(literal, matching: box, origin: options.vocOrigin) {
                    bndbox = kept
                } else {
                    let v = Coordinates.vocBox(from: box, origin: options.vocOrigin)
                    bndbox = XML.Element(name: "bndbox", children: [
                        XML.Element(name: "xmin", text: Self.integer(v.xmin)), XML.Element(name: "ymin", text: Self.integer(v.ymin)),
                        XML.Element(name: "xmax", text: Self.integer(v.xmax)), XML.Element(name: "ymax", text: Self.integer(v.ymax)),
                    ])
                    if Coordinates.needsRounding(box) {
                        r.diagnostics.append(Diagnostic(
                            LossChecks.boxRounded,
                            "annotation \(a.id.text): box \(box.doubles.map { JSONNumber($0).literal }) rounded to (\(Self.integer(v.xmin)), \(Self.integer(v.ymin)), \(Self.integer(v.xmax)), \(Self.integer(v.ymax)))",
                            subject: subject))
                    }
                }
                var children: [XML.Element] = [XML.Element(name: "name", text: nameOf[categoryID] ?? "")]
                let late: Set<String> = ["part", "actions", "point", "attributes"]
                for m in ext where m.key != "bndbox" && !late.contains(m.key) {
                    children += ElementCoding.elements(name: m.key, value: m.value)
                }
                children.append(bndbox)
                for m in ext where late.contains(m.key) { children += ElementCoding.elements(name: m.key, value: m.value) }
                if let c = a.isCrowd {
                    children.append(XML.Element(name: "iscrowd", text: String(c)))
                    if c == 1 {
                        r.diagnostics.append(Diagnostic(
                            LossChecks.crowdFlag,
                            "annotation \(a.id.text) is a crowd region; VOC has no crowd flag (written as <iscrowd>, which other VOC tools ignore)",
                            subject: subject))
                    }
                }
                if let s = a.score { children.append(XML.Element(name: "score", text: s.literal)) }
                if let d = a.description { children.append(XML.Element(name: "description", text: d)) }
                if let c = a.caption { children.append(XML.Element(name: "caption", text: c)) }
                if let p = a.provenance { children.append(Self.provenanceElement(p)) }
                if let rv = a.review { children.append(Self.reviewElement(rv)) }
                objects.append(XML.Element(name: "object", children: children))

                let difficult = ext.first { $0.key == "difficult" }.map { v -> Bool in
                    if case .number(let n) = v.value { return n.double == 1 }
                    if case .string(let s) = v.value { return s == "1" }
                    return false
                } ?? false
                if difficult { if !r.present.contains(classIndex) { r.difficultOnly.insert(classIndex) } } else {
                    r.present.insert(classIndex)
                    r.difficultOnly.remove(classIndex)
                }

                guard let rle else { continue }
                if case .polygons = a.segmentation {
                    r.diagnostics.append(Diagnostic(
                        LossChecks.polygonRasterised, "annotation \(a.id.text): polygon rasterised to \(rle.area) pixels", subject: subject))
                }
                guard position < 255 else {
                    r.diagnostics.append(Diagnostic(
                        LossChecks.indexLimit, "annotation \(a.id.text) is object \(position) of image \(stem), past index 254; no mask pixels",
                        subject: subject))
                    continue
                }
                ensureBuffers()
                let (mw, mh) = (rle.size.width, rle.size.height)
                Masks.paint(rle.counts, value: UInt8(position), width: mw, height: mh, rowPitch: mw + 1, offset: 1, into: &objectBuffer, overwritten: &overwritten)
                if classIndex < 255 { Masks.fill(rle.counts, value: UInt8(classIndex), width: mw, height: mh, rowPitch: mw + 1, offset: 1, into: &classBuffer) }
                ownerOfIndex[position] = a
            }
            for (a, classIndex) in semantic where classIndex < 255 {
                if let size, let rle = try? Masks.rle(of: a.segmentation, size: size) {
                    ensureBuffers()
                    Masks.fill(rle.counts, value: UInt8(classIndex), width: size.width, height: size.height, rowPitch: size.width + 1, offset: 1, into: &classBuffer)
                }
            }
            for k in 1..<255 where overwritten[k] > 0 {
                let id = ownerOfIndex[k]?.id.text ?? "?"
                r.diagnostics.append(Diagnostic(
                    LossChecks.hiddenPixels,
                    "annotation \(id) (object \(k) of image \(stem)): \(overwritten[k]) pixels hidden by later overlapping objects in SegmentationObject",
                    subject: "annotation \(id)"))
            }
            if overwritten[255] > 0 {
                r.diagnostics.append(Diagnostic(
                    LossChecks.voidCovered, "image \(stem): \(overwritten[255]) ignore-region pixels lie under instances and are written as instance pixels",
                    subject: subjectImage))
            }

            // XML.
            var root: [XML.Element] = []
            func take(_ key: String) {
                if let m = imageVOC.first(where: { $0.key == key }) { root += ElementCoding.elements(name: key, value: m.value) }
            }
            take("folder")
            let fileNameLiteral = imageVOC.first { $0.key == "filename" }
            if let f = fileNameLiteral { root += ElementCoding.elements(name: "filename", value: f.value) } else {
                root.append(XML.Element(name: "filename", text: image.fileName ?? stem + ".jpg"))
            }
            take("path")
            take("source")
            take("owner")
            let sizeExt = imageVOC.first { $0.key == "size" }
            if let size {
                var sizeChildren = [
                    XML.Element(name: "width", text: String(size.width)), XML.Element(name: "height", text: String(size.height)),
                ]
                if case .object(let o)? = sizeExt?.value {
                    for m in o { sizeChildren += ElementCoding.elements(name: m.key, value: m.value) }
                } else {
                    sizeChildren.append(XML.Element(name: "depth", text: "3"))
                }
                root.append(XML.Element(name: "size", children: sizeChildren))
            }
            if let seg = imageVOC.first(where: { $0.key == "segmented" }), !hasMasks {
                root += ElementCoding.elements(name: "segmented", value: seg.value)
            } else {
                root.append(XML.Element(name: "segmented", text: hasMasks ? "1" : "0"))
            }
            let known: Set<String> = ["folder", "filename", "path", "source", "owner", "size", "segmented"]
            for m in imageVOC where !known.contains(m.key) { root += ElementCoding.elements(name: m.key, value: m.value) }
            if let t = image.title { root.append(XML.Element(name: "title", text: t)) }
            if let d = image.description { root.append(XML.Element(name: "description", text: d)) }
            if let s = image.scene { root.append(Self.sceneElement(s)) }
            if let c = image.captions { root.append(XML.Element(name: "captions", children: c.map { XML.Element(name: "caption", text: $0) })) }
            root += objects
            do {
                let xml = try XML.Writer(indent: 2, includesDeclaration: false).bytes(XML.Element(name: "annotation", children: root))
                r.files.append(File(path: "Annotations/\(stem).xml", bytes: xml))
            } catch {
                r.failure = DatasetError(code: "output", message: "cannot write the XML of image \(stem): \(error)", category: .outputFailed)
                return r
            }

            // Masks.
            if hasMasks, let size {
                do {
                    let compression: PNG.Compression = pngLevel < 0 ? .runLength : .zlib(level: pngLevel)
                    let objectPNG = try PNG.encodeIndexed(
                        width: size.width, height: size.height, scanlines: objectBuffer, palette: PNG.vocColormap, compression: compression)
                    let classPNG = try PNG.encodeIndexed(
                        width: size.width, height: size.height, scanlines: classBuffer, palette: classPalette, compression: compression)
                    r.files.append(File(path: "SegmentationClass/\(stem).png", bytes: classPNG))
                    r.files.append(File(path: "SegmentationObject/\(stem).png", bytes: objectPNG))
                } catch {
                    r.failure = DatasetError(code: "output", message: "cannot encode the masks of image \(stem): \(error)", category: .outputFailed)
                    return r
                }
            }

            // ImageSets membership.
            if var sets {
                if hasMasks && !sets.contains(where: { $0.set == "Segmentation" }) {
                    let main = sets.filter { $0.set == "Main" }.map(\.split)
                    for s in main.isEmpty ? [VOC.defaultSplit] : main { sets.append(ImageSets.Membership(set: "Segmentation", split: s)) }
                }
                r.memberships = sets
            } else {
                r.memberships = [ImageSets.Membership(set: "Main", split: VOC.defaultSplit)]
                if hasMasks { r.memberships.append(ImageSets.Membership(set: "Segmentation", split: VOC.defaultSplit)) }
            }
            return r
        }

        // MARK: - Helpers

        /// The kept literal `<bndbox>` when it still describes `box`, else nil.
        static func keptBox(_ value: JSONValue?, matching box: Box, origin: Int) -> XML.Element? {
            guard case .object(let members)? = value else { return nil }
            func number(_ k: String) -> Double? {
                guard let m = members.first(where: { $0.key == k }) else { return nil }
                if case .number(let n) = m.value { return n.double }
                if case .string(let s) = m.value { return Double(s) }
                return nil
            }
            guard let x0 = number("xmin"), let y0 = number("ymin"), let x1 = number("xmax"), let y1 = number("ymax") else { return nil }
            let b = Coordinates.box(from: Coordinates.VOCBox(xmin: x0, ymin: y0, xmax: x1, ymax: y1), origin: origin)
            guard b.doubles == box.doubles else { return nil }
            return ElementCoding.elements(name: "bndbox", value: .object(members)).first
        }

        static func integer(_ v: Double) -> String {
            guard v.isFinite, abs(v) < 9e15 else { return "0" }
            return String(Int(v))
        }

        static func provenanceElement(_ p: Provenance) -> XML.Element {
            var c: [XML.Element] = []
            if let s = p.source { c.append(XML.Element(name: "source", text: s.description)) }
            if let s = p.annotator { c.append(XML.Element(name: "annotator", text: s)) }
            if let s = p.model { c.append(XML.Element(name: "model", text: s)) }
            if let s = p.modelVersion { c.append(XML.Element(name: "model_version", text: s)) }
            if let s = p.created { c.append(XML.Element(name: "created", text: s)) }
            for m in p.extensions { c += ElementCoding.elements(name: m.key, value: m.value) }
            return XML.Element(name: "provenance", children: c)
        }

        static func reviewElement(_ r: Review) -> XML.Element {
            var c: [XML.Element] = []
            if let s = r.status { c.append(XML.Element(name: "status", text: s.description)) }
            if let s = r.reviewer { c.append(XML.Element(name: "reviewer", text: s)) }
            if let s = r.reviewed { c.append(XML.Element(name: "reviewed", text: s)) }
            for m in r.extensions { c += ElementCoding.elements(name: m.key, value: m.value) }
            return XML.Element(name: "review", children: c)
        }

        static func sceneElement(_ s: Scene) -> XML.Element {
            var c: [XML.Element] = []
            if let v = s.viewpoint { c.append(XML.Element(name: "viewpoint", text: v)) }
            if let v = s.lighting { c.append(XML.Element(name: "lighting", text: v)) }
            if let v = s.mood { c.append(XML.Element(name: "mood", text: v)) }
            if let v = s.setting { c.append(XML.Element(name: "setting", text: v)) }
            if let v = s.notes { c.append(XML.Element(name: "notes", text: v)) }
            for m in s.extensions { c += ElementCoding.elements(name: m.key, value: m.value) }
            return XML.Element(name: "scene", children: c)
        }

        /// The name with `/`, `\`, `:`, `,`, white space and control characters replaced by `_` (file names, labelmap).
        static func safeName(_ name: String) -> String {
            var out = String.UnicodeScalarView()
            for s in name.unicodeScalars {
                if s == "/" || s == "\\" || s == ":" || s == "," || s.value < 0x21 || s.value == 0x7F { out.append("_") } else { out.append(s) }
            }
            let r = String(out)
            return r == "." || r == ".." ? r.replacingDots : r
        }

        /// The name for labelmap.txt: only `:` (the field separator) and control characters are replaced by `_`.
        static func labelmapName(_ name: String) -> String {
            String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == ":" || $0.value < 0x20 || $0.value == 0x7F ? "_" : $0 }))
        }

        static func stem(of fileName: String) -> String {
            let last = FilePath.lastComponent(of: fileName)
            guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
            return String(last[..<dot])
        }
    }
}

extension String {
    /// The string with every `.` replaced by `_`.
    var replacingDots: String { String(unicodeScalars.map { $0 == "." ? "_" : Character($0) }) }
}
