import AnnoCore
import AnnoJSON

/// COCO JSON registered as a dataset format: instances files, results lists and Segment Anything per-image files.
public enum COCOFormat: DatasetFormat {
    /// `coco`.
    public static let identifier = "coco"
    /// One line for help text.
    public static let summary = "COCO JSON: instances, results lists, Segment Anything per-image files"
    /// The reader's and writer's checks.
    public static let checks = COCO.Checks.all

    /// High for a `.json` file whose first value starts an object or array, none otherwise.
    public static func detect(at path: String) -> DetectionConfidence {
        guard !FileIO.isDirectory(path), FilePath.fileExtension(of: path) == "json" else { return .none }
        guard let head = try? FileIO.readPrefix(path, count: 64) else { return .low }
        for b in head {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .high
            default: return .low
            }
        }
        return .low
    }

    /// Reads a COCO file tolerantly (see ``COCO/Reader``).
    public static func read(at path: String, options: ReadOptions, diagnostics: inout Diagnostics) throws -> Dataset {
        let bytes = try FileIO.read(path, limit: options.maxFileBytes, spareCapacity: JSONReader.padding)
        return try COCO.Reader.read(bytes: bytes, file: path, options: options, diagnostics: &diagnostics)
    }

    /// Writes COCO JSON atomically, re-encoding masks as `options.masks` asks and reporting what could not be.
    public static func write(_ dataset: Dataset, to path: String, options: WriteOptions, diagnostics: inout Diagnostics) throws {
        let prepared = COCO.MaskTranscoder.transcode(dataset, to: options.masks, diagnostics: &diagnostics)
        let sink = try AtomicWriter(path: path)
        do {
            try COCO.Writer.write(prepared, pretty: options.pretty, to: sink)
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
