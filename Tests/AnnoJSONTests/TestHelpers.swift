import AnnoTestSupport
import AnnoJSON
import Foundation
import Testing

/// Root of Fixtures/json, found from this file's path.
let jsonFixtures = URL(fileURLWithPath: FixturePaths.path("json"))

/// A compact, stable text for an error kind, as used in Fixtures/json/fail/EXPECTED.tsv.
func kindCode(_ k: JSONError.Kind) -> String {
    switch k {
    case let .unexpectedCharacter(b, _): "unexpectedCharacter:\(b)"
    case let .controlCharacterInString(b): "controlCharacterInString:\(b)"
    case let .depthLimitExceeded(n): "depthLimitExceeded:\(n)"
    case let .typeMismatch(e, f): "typeMismatch:\(e)/\(f)"
    case let .duplicateKey(key): "duplicateKey:\(key)"
    default: "\(k)"
    }
}

/// Parses `text`, or returns the error.
func parseError(_ bytes: [UInt8], limits: JSONLimits = .default) -> JSONError? {
    do {
        _ = try JSONReader.parse(bytes: bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String) -> JSONError? { parseError(Array(text.utf8)) }

func parse(_ text: String) throws -> JSONValue { try JSONReader.parse(bytes: Array(text.utf8)) }

func reader(_ text: String) -> JSONReader { JSONReader(bytes: Array(text.utf8)) }
