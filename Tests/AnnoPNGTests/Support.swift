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

/// A small deterministic generator so "random" test data is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
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
