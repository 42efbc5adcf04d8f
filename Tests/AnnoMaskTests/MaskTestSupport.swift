import AnnoTestSupport
import Foundation
import Testing
@testable import AnnoMask

/// Locates files under the package's `Fixtures/` folder by walking up from this source file.
enum Fixtures {
    static func url(_ relative: String) -> URL? {
        let path = FixturePaths.path(relative)
        return FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
    }

    /// The pycocotools 2.0.11 golden vectors as a JSON object.
    static func goldenVectors() throws -> [String: Any] {
        let file = try #require(Fixtures.url("golden/pycocotools-vectors.json"))
        let data = try Data(contentsOf: file)
        let object = try JSONSerialization.jsonObject(with: data)
        return try #require(object as? [String: Any])
    }
}

extension SplitMix64 {
    /// A random size between 1×1 and `maxSide`×`maxSide`.
    mutating func size(maxSide: Int = 40) -> MaskSize {
        MaskSize(height: Int.random(in: 1...maxSide, using: &self), width: Int.random(in: 1...maxSide, using: &self))
    }

    /// A random mask of one of several flavours: noise, blobs of rectangles, stripes, empty, full.
    mutating func mask(_ size: MaskSize) -> BinaryMask {
        let n = size.height * size.width
        var bits = [UInt8](repeating: 0, count: n)
        switch Int.random(in: 0..<6, using: &self) {
        case 0:
            let p = Double.random(in: 0...1, using: &self)
            for i in 0..<n { bits[i] = Double.random(in: 0..<1, using: &self) < p ? 1 : 0 }
        case 1, 2:
            for _ in 0..<Int.random(in: 1...4, using: &self) {
                let x0 = Int.random(in: 0..<size.width, using: &self), y0 = Int.random(in: 0..<size.height, using: &self)
                let x1 = Int.random(in: x0..<size.width, using: &self), y1 = Int.random(in: y0..<size.height, using: &self)
                for x in x0...x1 { for y in y0...y1 { bits[x * size.height + y] = 1 } }
            }
        case 3:
            var v: UInt8 = 0
            var i = 0
            while i < n {
                let len = Int.random(in: 1...max(1, n / 3), using: &self)
                for j in i..<min(n, i + len) { bits[j] = v }
                v ^= 1
                i += len
            }
        case 4:
            break
        default:
            bits = [UInt8](repeating: 1, count: n)
        }
        return BinaryMask(uncheckedSize: size, bits: bits)
    }
}

extension Array where Element == Any {
    /// The elements as Doubles (JSON numbers).
    var doubles: [Double] { compactMap { ($0 as? NSNumber)?.doubleValue } }
}

/// Reads `[h, w]` from a JSON value.
func maskSize(_ any: Any?) throws -> MaskSize {
    let a = try #require(any as? [Any]).doubles
    try #require(a.count == 2)
    return MaskSize(height: Int(a[0]), width: Int(a[1]))
}

/// Reads a COCO box from a JSON value.
func box(_ any: Any?) throws -> BoundingBox {
    let array = try #require(any as? [Any])
    return try #require(BoundingBox(array.doubles))
}
