import AnnoTestSupport
import Foundation
@testable import AnnoPNG

/// The package's Fixtures/png folder, found from this file's path.
let pngFixtures = URL(fileURLWithPath: FixturePaths.path("png"))

/// The bytes of a fixture under Fixtures/png.
func fixture(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: pngFixtures.appendingPathComponent(relativePath)))
}

/// The file names in a Fixtures/png subfolder, sorted.
func fixtureNames(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: pngFixtures.appendingPathComponent(folder).path).sorted()
}

/// Decodes and returns the typed error, or `nil` if decoding succeeded.
func decodingError(_ bytes: [UInt8], limits: PNG.Limits = .default) -> PNG.DecodingError? {
    do {
        _ = try PNG.decode(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}
