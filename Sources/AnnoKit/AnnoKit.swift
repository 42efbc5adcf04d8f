@_exported import AnnoCore
@_exported import AnnoJSON
@_exported import AnnoMask
@_exported import AnnoCOCO

/// Every dataset format AnnoKit reads and writes.
public enum Formats {
    /// The formats, in the order detection asks them.
    public static let all: [any DatasetFormat.Type] = [
        COCOFormat.self,
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
        guard FileIO.exists(path) else {
            throw DatasetError(code: "input", message: "\(path) does not exist; check the path", location: SourceLocation(file: path), category: .inputUnavailable)
        }
        let codec: any DatasetFormat.Type
        if format == "auto" {
            guard let found = Formats.detect(path) else {
                throw DatasetError(
                    code: "format",
                    message: "cannot tell which format \(path) is in; expected a COCO .json file, a Pascal VOC folder with Annotations/, or a .amsk archive. Name it with --from \(Formats.identifiers.joined(separator: "|"))",
                    location: SourceLocation(file: path), category: .malformedInput)
            }
            codec = found
        } else {
            guard let named = Formats.named(format) else {
                throw DatasetError(code: "usage", message: "unknown format '\(format)'; use one of \(Formats.identifiers.joined(separator: ", "))", category: .usage)
            }
            codec = named
        }
        var diagnostics = Diagnostics()
        let dataset = try codec.read(at: path, options: options, diagnostics: &diagnostics)
        return LoadedDataset(dataset: dataset, diagnostics: diagnostics.items, format: codec, path: path)
    }
}
