extension AnnoKitIO {
    /// Reads and lints a dataset with `linter`.
    ///
    /// COCO files are streamed: each annotation's mask facts are taken as it is read (on two cores for large
    /// files) and its polygon and run-length values are dropped, so peak memory stays near the file size instead
    /// of the whole IR. The few masks a rule must compare (duplicate-annotation) are read again from the file.
    /// The report is the one a whole read would give. Other formats are read whole.
    ///
    /// - Throws: what ``load(_:format:options:)`` throws.
    public static func lint(_ path: String, with linter: Linter, format: String = "auto", options: ReadOptions = ReadOptions()) throws -> LintReport {
        let codec = try resolve(path, format: format)
        guard codec == COCOFormat.self else { return try lintWhole(path, with: linter, codec: codec, options: options) }
        var options = options
        options.keepsPolygonValues = true
        options.discardsReadInput = true
        do {
            return try lintStreaming(path, with: linter, codec: codec, options: options)
        } catch is ReadAgainWithoutDiscarding {
            options.discardsReadInput = false
            return try lintStreaming(path, with: linter, codec: codec, options: options)
        }
    }

    /// Streams a COCO file through a `LintStream`, then lints what it kept.
    static func lintStreaming(_ path: String, with linter: Linter, codec: any DatasetFormat.Type, options: ReadOptions) throws -> LintReport {
        let stream = LintStream(for: linter, reload: { a in
            guard let span = a.origin.span,
                  let bytes = try? FileIO.read(path, range: span, spareCapacity: JSONReader.padding),
                  let full = COCO.Reader.annotation(fromObject: bytes, file: path),
                  full.id == a.id || a.idWasAssigned else { return nil }
            return full
        })
        var diagnostics = Diagnostics()
        let bytes = try FileIO.read(path, limit: options.maxFileBytes, spareCapacity: JSONReader.padding)
        let dataset = try COCO.Reader.streamOnTwoCores(
            bytes: bytes, file: path, options: options, diagnostics: &diagnostics,
            annotationSink: { stream.add($0) },
            makeSecondSink: {
                let second = stream.makeSecondHalf()
                return (sink: { second.add($0) }, commit: { renumbering in stream.append(second, renumbering: renumbering.apply) })
            },
            imagesReady: { stream.setImages($0) })
        // Facts taken against an image list the file later replaced cannot be trusted: lint the whole read.
        guard stream.finish(images: dataset.images) else { return try lintWhole(path, with: linter, codec: codec, options: options) }
        return linter.run(
            on: dataset, stream: stream, path: path, format: codec.identifier, extraChecks: codec.checks,
            readerDiagnostics: diagnostics.items)
    }

    /// Reads the dataset whole, then lints it.
    static func lintWhole(_ path: String, with linter: Linter, codec: any DatasetFormat.Type, options: ReadOptions) throws -> LintReport {
        let loaded = try load(path, format: codec.identifier, options: options)
        return linter.run(
            on: loaded.dataset, path: loaded.path, format: codec.identifier, extraChecks: codec.checks,
            readerDiagnostics: loaded.diagnostics)
    }
}
