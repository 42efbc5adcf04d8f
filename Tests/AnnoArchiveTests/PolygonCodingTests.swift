@testable import AnnoArchive
import AnnoCore
import AnnoTestSupport
import Testing

/// Polygon coordinates survive the archive's scaled-delta coding exactly, whatever their varint lengths, counts
/// and position in the payload (the decoder has a pairwise fast path and a bounds-checked tail).
@Suite struct PolygonCodingTests {
    @Test func scaledDeltasRoundTripExactly() throws {
        var rng = SplitMix64(seed: 23)
        var cases = 0
        for k in 0..<600 {
            // Step sizes from sub-pixel to huge, so deltas need one, two, three and more varint bytes.
            let magnitude = [1.0, 50.0, 8_000.0, 2_000_000.0, 3e12][k % 5]
            let decimals = Int(rng.next() % 4)
            let scale = [1.0, 10.0, 100.0, 1000.0][decimals]
            var polygons: [[Double]] = []
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let count = [1, 2, 3, 6, 7, 9, 40, 41][Int(rng.next() % 8)]
                var values: [Double] = []
                var x = 0.0
                for _ in 0..<count {
                    let step = (Double(rng.next() % 1_000_001) / 1_000_000 - 0.5) * magnitude
                    x = ((x + step) * scale).rounded() / scale
                    values.append(x)
                }
                polygons.append(values)
            }
            let set = PolygonSet(polygons)
            var w = ByteWriter()
            MetadataCodec.writePolygons(set, &w)
            // Alone in the payload (the tail path handles the last pairs) and followed by padding (fast path).
            for padding in [0, 32] {
                let bytes = w.bytes + [UInt8](repeating: 0xEE, count: padding)
                let back = try bytes.withUnsafeBytes { raw in
                    var r = ByteReader(raw)
                    let p = try MetadataCodec.readPolygons(&r)
                    #expect(r.position == w.bytes.count)
                    return p
                }
                #expect(back.polygons.map { $0.map(\.bitPattern) } == set.polygons.map { $0.map(\.bitPattern) }, "case \(k)")
                cases += 1
            }
        }
        #expect(cases == 1200)
    }
}
