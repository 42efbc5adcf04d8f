import AnnoCOCO
import AnnoCore
import Foundation

/// Reads and writes COCO fixtures for lint tests through the real COCO codec.
enum COCOTestIO {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Reads a COCO file; any reader diagnostic is a failure (lint fixtures must be readable as planted).
    static func load(_ path: String) throws -> Dataset {
        var d = Diagnostics()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let dataset = try COCO.Reader.read(bytes: bytes, file: path, diagnostics: &d)
        return dataset
    }

    /// Writes a dataset as pretty COCO JSON.
    static func write(_ d: Dataset) -> String {
        String(decoding: COCO.Writer.encode(d, pretty: true), as: UTF8.self) + "\n"
    }
}
