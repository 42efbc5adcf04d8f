import Foundation
import Testing
@testable import AnnoMask

/// Every case of the pycocotools 2.0.11 golden vectors must match exactly.
@Suite struct GoldenVectorTests {
    let golden: [String: Any]
    init() throws { golden = try Fixtures.goldenVectors() }

    func section(_ name: String) throws -> [[String: Any]] {
        let cases = try #require(golden[name] as? [[String: Any]])
        #expect(!cases.isEmpty)
        return cases
    }

    @Test func generatorIsPycocotools2011() {
        #expect(golden["generator"] as? String == "pycocotools 2.0.11")
    }

    @Test func masks() throws {
        for (i, c) in try section("masks").enumerated() {
            let size = try maskSize(c["size"])
            let counts = try #require(c["counts"] as? [Any]).doubles.map { Int($0) }
            let compressed = try #require(c["compressed"] as? String)
            let rle = try RLE(size: size, counts: counts)
            #expect(rle.compressedCounts == compressed, "case \(i)")
            let fromString = try RLE(compressedCounts: compressed, size: size)
            #expect(fromString == rle, "case \(i)")
            #expect(rle.area == (c["area"] as? Int), "case \(i)")
            #expect(rle.boundingBox == (try box(c["bbox"])), "case \(i)")
            // Decoding then re-encoding gives pycocotools' canonical counts back.
            let decoded = rle.decoded()
            #expect(decoded.area == rle.area, "case \(i)")
            #expect(RLE(encoding: decoded) == rle, "case \(i)")
        }
    }

    @Test func polygons() throws {
        for (i, c) in try section("polygons").enumerated() {
            let size = try maskSize(c["size"])
            let parts = try #require(c["polygons"] as? [[Any]]).map(\.doubles)
            let rle = try RLE(polygons: parts, size: size)
            #expect(rle.compressedCounts == (c["compressed"] as? String), "case \(i) \(c["kind"] ?? "")")
            #expect(rle.area == (c["area"] as? Int), "case \(i)")
            #expect(rle.boundingBox == (try box(c["bbox"])), "case \(i)")
        }
    }

    @Test func boxes() throws {
        for (i, c) in try section("boxes").enumerated() {
            let size = try maskSize(c["size"])
            let rle = RLE(box: try box(c["bbox_in"]), size: size)
            #expect(rle.compressedCounts == (c["compressed"] as? String), "case \(i)")
            #expect(rle.area == (c["area"] as? Int), "case \(i)")
            #expect(rle.boundingBox == (try box(c["bbox"])), "case \(i)")
        }
    }

    @Test func merges() throws {
        for (i, c) in try section("merges").enumerated() {
            let size = try maskSize(c["size"])
            let inputs = try #require(c["inputs"] as? [String]).map { s throws(MaskError) in try RLE(compressedCounts: s, size: size) }
            #expect(try RLE.union(inputs).compressedCounts == (c["union"] as? String), "case \(i)")
            #expect(try RLE.intersection(inputs).compressedCounts == (c["intersection"] as? String), "case \(i)")
        }
    }

    @Test func ious() throws {
        let cases = try section("ious")
        var dts = [RLE](), gts = [RLE](), crowds = [Bool](), expected = [Double]()
        for (i, c) in cases.enumerated() {
            let size = try maskSize(c["size"])
            let dt = try RLE(compressedCounts: try #require(c["dt"] as? String), size: size)
            let gt = try RLE(compressedCounts: try #require(c["gt"] as? String), size: size)
            let crowd = try #require(c["gt_is_crowd"] as? Bool)
            let want = try #require((c["iou"] as? NSNumber)?.doubleValue)
            let got = try RLE.iou(dt, gt, crowd: crowd)
            #expect(abs(got - want) <= 1e-12, "case \(i): \(got) vs \(want)")
            // The batch form on a 1×1 problem agrees.
            let batch = try RLE.iou(detections: [dt], groundTruths: [gt], crowd: [crowd])
            #expect(batch.count == 1 && batch[0].count == 1 && abs(batch[0][0] - want) <= 1e-12, "case \(i)")
            dts.append(dt); gts.append(gt); crowds.append(crowd); expected.append(want)
        }
        #expect(expected.count == cases.count)
    }
}

/// Random cases answered by real pycocotools (Benchmarks/mask/crosscheck.py); skipped unless
/// ANNOKIT_CROSSCHECK_FILE names such a file.
@Test(.enabled(if: ProcessInfo.processInfo.environment["ANNOKIT_CROSSCHECK_FILE"] != nil))
func crossCheck() throws {
    let path = try #require(ProcessInfo.processInfo.environment["ANNOKIT_CROSSCHECK_FILE"])
    let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path)))
    let cases = try #require((object as? [String: Any])?["cases"] as? [[String: Any]])
    var failures = 0
    for (i, c) in cases.enumerated() {
        let size = try maskSize(c["size"])
        let parts = try #require(c["polygons"] as? [[Any]]).map(\.doubles)
        let rle = try RLE(polygons: parts, size: size)
        let boxRLE = RLE(box: try box(c["box_in"]), size: size)
        let wantBox = try box(c["bbox"])
        let ok = rle.compressedCounts == (c["compressed"] as? String) && rle.area == (c["area"] as? Int)
            && rle.boundingBox == wantBox && boxRLE.compressedCounts == (c["box_compressed"] as? String)
        if !ok { failures += 1 }
        #expect(ok, "case \(i)")
    }
    print("crosscheck_cases=\(cases.count) crosscheck_failures=\(failures)")
}
