import AnnoCore

/// Pascal VOC as a ``DatasetFormat``: a folder with `Annotations/` and/or mask PNGs, ImageSets and labelmap.txt.
public enum VOCFormat: DatasetFormat {
    /// The registry name, `voc`.
    public static let identifier = "voc"

    /// One line for help text.
    public static let summary = "Pascal VOC folder: Annotations/*.xml and/or palette PNG masks (SegmentationObject/, SegmentationClass/), ImageSets, labelmap.txt"

    /// The reader checks (AK030–AK049) followed by the conversion-loss checks (AK060–AK079).
    public static var checks: [CheckDescriptor] { VOC.Checks.all + VOC.LossChecks.all }

    /// High for a folder with `Annotations/`, medium for one with only `SegmentationClass/` or `SegmentationObject/`,
    /// low for `annotations/` or a flat folder whose first `.xml` files hold `<annotation>` roots.
    public static func detect(at path: String) -> DetectionConfidence {
        guard FileIO.isDirectory(path) else { return .none }
        if FileIO.isDirectory(FilePath.join(path, "Annotations")) { return .high }
        if FileIO.isDirectory(FilePath.join(path, "SegmentationClass")) || FileIO.isDirectory(FilePath.join(path, "SegmentationObject")) {
            return .medium
        }
        if FileIO.isDirectory(FilePath.join(path, "annotations")) { return .low }
        // A flat folder of annotation files next to the images (Roboflow's export): look at the first few.
        let xml = ((try? FileIO.list(path)) ?? []).filter { $0.lowercased().hasSuffix(".xml") }.sorted().prefix(3)
        for name in xml {
            guard let head = try? FileIO.readPrefix(FilePath.join(path, name), count: 1024) else { continue }
            if String(decoding: head, as: UTF8.self).contains("<annotation") { return .low }
        }
        return .none
    }

    /// Reads the folder at `path`; with `options.strict` the first error diagnostic is thrown (exit 65).
    public static func read(at path: String, options: ReadOptions, diagnostics: inout Diagnostics) throws -> Dataset {
        let before = diagnostics.items.count
        let dataset = try VOC.Reader(root: path, options: options).read(diagnostics: &diagnostics)
        if options.strict, let first = diagnostics.items[before...].first(where: { $0.severity == .error }) {
            throw DatasetError(code: first.code, message: first.message, location: first.location, category: .malformedInput)
        }
        return dataset
    }

    /// Writes `dataset` as a VOC folder at `path`, each file atomically, reporting every loss (AK060–AK079).
    public static func write(_ dataset: Dataset, to path: String, options: WriteOptions, diagnostics: inout Diagnostics) throws {
        let writer = VOC.Writer(options: options)
        let rendering = try writer.render(dataset)
        diagnostics.report(contentsOf: rendering.diagnostics)
        try writer.publish(rendering.files, to: path)
    }
}
