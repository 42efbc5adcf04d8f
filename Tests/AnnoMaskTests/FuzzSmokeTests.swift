import AnnoTestSupport
import Testing
@testable import AnnoMask

/// Hostile input never crashes: it either throws a typed error or yields a valid mask.
@Suite struct FuzzSmokeTests {
    @Test(arguments: 0..<100) func randomCompressedStrings(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<50 {
            let size = rng.size(maxSide: 12)
            let length = Int.random(in: 0...24, using: &rng)
            var bytes = [UInt8]()
            for _ in 0..<length {
                // Mostly the legal alphabet, sometimes anything.
                bytes.append(Int.random(in: 0..<10, using: &rng) == 0
                    ? UInt8.random(in: 1...255, using: &rng) : UInt8.random(in: 48...111, using: &rng))
            }
            let string = String(decoding: bytes, as: UTF8.self)
            do {
                let rle = try RLE(compressedCounts: string, size: size)
                #expect(rle.counts.reduce(0) { $0 + Int($1) } == size.height * size.width)
                #expect(try RLE(compressedCounts: rle.compressedCounts, size: size) == rle)
                #expect(rle.decoded().bits.count == size.height * size.width)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test(arguments: 0..<100) func randomCounts(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 8)
        let counts = (0..<Int.random(in: 0...10, using: &rng)).map { _ in Int.random(in: -3...20, using: &rng) }
        do {
            let rle = try RLE(size: size, counts: counts)
            #expect(RLE(encoding: rle.decoded()) == rle.canonicalized())
            #expect(rle.boundingBox == rle.canonicalized().boundingBox)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }

    @Test(arguments: 0..<50) func wildPolygons(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 30)
        let magnitudes: [Double] = [1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e300]
        let xy = (0..<(2 * Int.random(in: 3...8, using: &rng))).map { _ in
            Double.random(in: -1...1, using: &rng) * magnitudes[Int.random(in: 0..<magnitudes.count, using: &rng)]
        }
        let rle = try RLE(polygon: xy, size: size)
        #expect(rle.counts.reduce(0) { $0 + Int($1) } == size.height * size.width)
        #expect(rle.isCanonical)
        // A box version of the same extremes.
        let b = RLE(box: BoundingBox(x: xy[0], y: xy[1], width: abs(xy[2]), height: abs(xy[3])), size: size)
        #expect(b.size == size && b.isCanonical)
    }
}
