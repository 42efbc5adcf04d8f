@_exported import AnnoCore
@_exported import AnnoJSON
@_exported import AnnoMask
@_exported import AnnoCOCO
@_exported import AnnoVOC
@_exported import AnnoReport
@_exported import AnnoLint
@_exported import AnnoArchive
@_exported import AnnoPNG

/// Every dataset format AnnoKit reads and writes.
public enum Formats {
    /// The formats, in the order detection asks them.
    public static let all: [any DatasetFormat.Type] = [
        COCOFormat.self,
        VOCFormat.self,
        ArchiveFormat.self,
    ]

    /// The identifiers, for help text and `--to`/`--from` choices.
    public static var identifiers: [String] { all.map { $0.identifier } }

    /// The format with this identifier, or nil.
    public static func named(_ identifier: String) -> (any DatasetFormat.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// The format most confident that `path` is its own, or nil when none is.
    public static func detect(_ path: String) -> (any DatasetFormat.Type)? {
        var best: (any DatasetFormat.Type)?
        var confidence = DetectionConfidence.none
        for f in all {
            let c = f.detect(at: path)
            if c > confidence {
                confidence = c
                best = f
            }
        }
        return best
    }

    /// The descriptors of every format's own checks, sorted by code.
    public static var checks: [CheckDescriptor] { all.flatMap { $0.checks }.sorted { $0.code < $1.code } }
}

/// A dataset read from disk, with what the reader noticed on the way.
public struct LoadedDataset: Sendable {
    /// The IR.
    public var dataset: Dataset
    /// The reader's diagnostics, in file order.
    public var diagnostics: [Diagnostic]
    /// The format it was read as.
    public var format: any DatasetFormat.Type
    /// The path as given.
    public var path: String
}

/// Entry points shared by the command line and library users.
public enum AnnoKitIO {
    /// Reads a dataset, detecting its format when `format` is `"auto"`.
    ///
    /// - Throws: `DatasetError` (`.inputUnavailable` when the path is missing, `.malformedInput` when no format
    ///   recognises it) or the codec's own errors.
    public static func load(_ path: String, format: String = "auto", options: ReadOptions = ReadOptions()) throws -> LoadedDataset {
        let codec = try resolve(path, format: format)
        var diagnostics = Diagnostics()
        let dataset = try codec.read(at: path, options: options, diagnostics: &diagnostics)
        return LoadedDataset(dataset: dataset, diagnostics: diagnostics.items, format: codec, path: path)
    }
}

extension AnnoKitIO {
    /// Summarises a dataset for `annokit info`. COCO files are streamed (annotations are counted as they are
    /// read and never kept), so memory stays near the file size; other formats are read whole.
    public static func summarize(_ path: String, format: String = "auto", options: ReadOptions = ReadOptions()) throws -> (summary: DatasetSummary, diagnostics: [Diagnostic], format: any DatasetFormat.Type) {
        let codec = try resolve(path, format: format)
        guard codec == COCOFormat.self else {
            let loaded = try load(path, format: codec.identifier, options: options)
            return (DatasetSummary(loaded.dataset), loaded.diagnostics, codec)
        }
        final class Accumulator { var summary = DatasetSummary(images: [], categories: 0, licenses: 0) }
        let acc = Accumulator()
        var diagnostics = Diagnostics()
        var summaryOptions = options
        summaryOptions.keepsPolygonValues = false
        summaryOptions.recordsOrigins = false
        let bytes = try FileIO.read(path, limit: options.maxFileBytes, spareCapacity: JSONReader.padding)
        // Large files are read on two cores: the second half of the annotations goes to its own accumulator,
        // merged only once the reader has confirmed where it split.
        let dataset = try COCO.Reader.streamOnTwoCores(
            bytes: bytes, file: path, options: summaryOptions, diagnostics: &diagnostics,
            annotationSink: { a in acc.summary.add(a) },
            makeSecondSink: {
                let second = Accumulator()
                return (sink: { a in second.summary.add(a) }, commit: { _ in acc.summary.merge(annotationsOf: second.summary) })
            })
        var summary = acc.summary
        summary.setContext(images: dataset.images, categories: dataset.categories.count, licenses: dataset.licenses.count)
        return (summary, diagnostics.items, codec)
    }

    /// The codec for `path`: the named one, or the detected one for `auto`.
    static func resolve(_ path: String, format: String) throws -> any DatasetFormat.Type {
        guard FileIO.exists(path) else {
            throw DatasetError(code: "input", message: "\(path) does not exist; check the path", location: SourceLocation(file: path), category: .inputUnavailable)
        }
        if format != "auto" {
            guard let named = Formats.named(format) else {
                throw DatasetError(code: "usage", message: "unknown format '\(format)'; use one of \(Formats.identifiers.joined(separator: ", "))", category: .usage)
            }
            return named
        }
        guard let found = Formats.detect(path) else {
            throw DatasetError(
                code: "format",
                message: "cannot tell which format \(path) is in; expected a COCO .json file, a Pascal VOC folder with Annotations/ or with SegmentationObject/ or SegmentationClass/ masks, or a .amsk archive. Name it with --from \(Formats.identifiers.joined(separator: "|"))",
                location: SourceLocation(file: path), category: .malformedInput)
        }
        return found
    }
}
