import AnnoTestSupport
import Testing
@testable import AnnoMask

/// Seeded property tests; each seed is one independent random case.
@Suite struct PropertyTests {
    @Test(arguments: 0..<100) func encodeDecodeRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size()
        let mask = rng.mask(size)
        let rle = RLE(encoding: mask)
        #expect(rle.decoded() == mask)
        #expect(rle.isCanonical)
        #expect(rle.area == mask.area)
        #expect(try RLE(size: size, counts: rle.counts) == rle)
    }

    @Test(arguments: 0..<100) func compressedStringRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 200)
        let rle = RLE(encoding: rng.mask(size))
        let string = rle.compressedCounts
        let back = try RLE(compressedCounts: string, size: size)
        #expect(back == rle)
        #expect(back.compressedCounts == string)
    }

    @Test(arguments: 0..<100) func inclusionExclusion(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size()
        let a = RLE(encoding: rng.mask(size)), b = RLE(encoding: rng.mask(size))
        let union = try RLE.union([a, b]), inter = try RLE.intersection([a, b])
        #expect(union.area == a.area + b.area - inter.area)
        #expect(union.isCanonical && inter.isCanonical)
        // Against the pixelwise definition.
        let da = a.decoded().bits, db = b.decoded().bits
        #expect(union.decoded().bits == zip(da, db).map { $0 | $1 })
        #expect(inter.decoded().bits == zip(da, db).map { $0 & $1 })
        // IoU agrees with the areas.
        let iou = try RLE.iou(a, b, crowd: false)
        #expect(iou == (inter.area == 0 ? 0 : Double(inter.area) / Double(union.area)))
        let crowdIoU = try RLE.iou(a, b, crowd: true)
        #expect(crowdIoU == (inter.area == 0 ? 0 : Double(inter.area) / Double(a.area)))
    }

    @Test(arguments: 0..<100) func selfIoUIsOne(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size()
        let a = RLE(encoding: rng.mask(size))
        if a.area > 0 {
            #expect(try RLE.iou(a, a, crowd: false) == 1)
            #expect(try RLE.iou(a, a, crowd: true) == 1)
        } else {
            #expect(try RLE.iou(a, a, crowd: false) == 0)
        }
    }

    @Test(arguments: 0..<100) func integerBoxRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 300)
        let x = Int.random(in: 0..<size.width, using: &rng), y = Int.random(in: 0..<size.height, using: &rng)
        let w = Int.random(in: 1...(size.width - x), using: &rng), h = Int.random(in: 1...(size.height - y), using: &rng)
        let box = BoundingBox(x: Double(x), y: Double(y), width: Double(w), height: Double(h))
        let rle = RLE(box: box, size: size)
        #expect(rle.boundingBox == box)
        #expect(rle.area == w * h)
    }

    @Test(arguments: 0..<100) func boundingBoxMatchesPixels(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size()
        let mask = rng.mask(size)
        var xs = Int.max, ys = Int.max, xe = -1, ye = -1
        for x in 0..<size.width { for y in 0..<size.height where mask[x: x, y: y] {
            xs = min(xs, x); xe = max(xe, x); ys = min(ys, y); ye = max(ye, y)
        } }
        let want = xe < 0 ? BoundingBox.zero
            : BoundingBox(x: Double(xs), y: Double(ys), width: Double(xe - xs + 1), height: Double(ye - ys + 1))
        #expect(RLE(encoding: mask).boundingBox == want)
    }

    /// The fast rasteriser agrees with a dense transliteration of the pycocotools rules, including polygons
    /// that leave the image, have negative coordinates, repeated vertices or self-intersections.
    @Test(arguments: 0..<100) func rasteriserMatchesDenseReference(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 60)
        for _ in 0..<20 {
            let n = Int.random(in: 3...12, using: &rng)
            var xy = [Double]()
            for _ in 0..<n {
                let spread = 1.4
                var px = Double.random(in: -0.2...spread, using: &rng) * Double(size.width)
                var py = Double.random(in: -0.2...spread, using: &rng) * Double(size.height)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: px.round(); py.round()
                case 1: px = (px * 2).rounded() / 2; py = (py * 2).rounded() / 2
                case 2: if let lx = xy.dropLast().last, let ly = xy.last { px = lx; py = ly }  // repeat
                default: break
                }
                xy += [px, py]
            }
            let fast = try RLE(polygon: xy, size: size)
            #expect(fast.counts == ReferenceRasterizer.rle(xy, size), "\(xy) on \(size)")
            // The preallocated toggle buffer is never the limit: a far larger one yields the same toggles.
            xy.withUnsafeBufferPointer { b in
                let bounded = PolygonRasterizer.toggles(b, height: size.height, width: size.width)
                let roomy = [Int](unsafeUninitializedCapacity: 100_000) { buffer, count in
                    count = PolygonRasterizer.writeToggles(b, height: size.height, width: size.width, into: buffer)
                }
                #expect(bounded == roomy)
                #expect(bounded.count <= PolygonRasterizer.toggleBound(b, width: size.width))
            }
        }
    }

    @Test(arguments: 0..<100) func canonicalizedKeepsPixels(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 12)
        let rle = RLE(encoding: rng.mask(size))
        // Insert zero-length runs in pairs (keeps parity) and check every operation ignores them.
        var counts = rle.counts.map(Int.init)
        let at = Int.random(in: 1...counts.count, using: &rng)
        counts.insert(contentsOf: [0, 0], at: at)
        let noisy = try RLE(size: size, counts: counts)
        #expect(!noisy.isCanonical)
        #expect(noisy.canonicalized() == rle)
        #expect(noisy.decoded() == rle.decoded())
        #expect(noisy.area == rle.area)
        #expect(noisy.boundingBox == rle.boundingBox)
        #expect(try RLE.union([noisy, rle]) == rle)
        #expect(try RLE(compressedCounts: noisy.compressedCounts, size: size) == noisy)
    }
}
