import AnnoTestSupport
import Foundation

/// Locates `Fixtures/xml/…` from this file's path, so tests need no bundle resources.
enum Fixtures {
    /// The package root, found by walking up from this source file.
    static let root = URL(fileURLWithPath: FixturePaths.root)

    /// `Fixtures/xml/<subpath>`.
    static func url(_ subpath: String) -> URL {
        root.appendingPathComponent("Fixtures/xml").appendingPathComponent(subpath)
    }

    /// The bytes of `Fixtures/xml/<subpath>`.
    static func bytes(_ subpath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(subpath)))
    }

    /// The names of the files in `Fixtures/xml/<folder>` ending in `.xml`, sorted.
    static func xmlFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path)
            .filter { $0.hasSuffix(".xml") }
            .sorted()
    }
}
