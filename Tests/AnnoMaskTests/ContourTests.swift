import AnnoTestSupport
import Testing
@testable import AnnoMask

/// `polygons()` traces components so that the pycocotools rasteriser gives the mask back exactly.
@Suite struct ContourTests {
    /// Independent check: does an 8-connected group of unset pixels avoid the border?
    static func hasHole(_ m: BinaryMask) -> Bool {
        let h = m.size.height, w = m.size.width
        var seen = [Bool](repeating: false, count: h * w)
        var stack = [(Int, Int)]()
        for x in 0..<w { for y in 0..<h where (x == 0 || y == 0 || x == w - 1 || y == h - 1) && !m[x: x, y: y] {
            seen[x * h + y] = true; stack.append((x, y))
        } }
        while let (x, y) = stack.popLast() {
            for dx in -1...1 { for dy in -1...1 {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, ny >= 0, nx < w, ny < h, !seen[nx * h + ny], !m[x: nx, y: ny] else { continue }
                seen[nx * h + ny] = true; stack.append((nx, ny))
            } }
        }
        for x in 0..<w { for y in 0..<h where !m[x: x, y: y] && !seen[x * h + y] { return true } }
        return false
    }

    /// Number of 4-connected components of set pixels.
    static func components(_ m: BinaryMask) -> Int {
        let h = m.size.height, w = m.size.width
        var seen = [Bool](repeating: false, count: h * w)
        var n = 0
        for x0 in 0..<w { for y0 in 0..<h where m[x: x0, y: y0] && !seen[x0 * h + y0] {
            n += 1
            var stack = [(x0, y0)]
            seen[x0 * h + y0] = true
            while let (x, y) = stack.popLast() {
                for (nx, ny) in [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)] {
                    guard nx >= 0, ny >= 0, nx < w, ny < h, !seen[nx * h + ny], m[x: nx, y: ny] else { continue }
                    seen[nx * h + ny] = true; stack.append((nx, ny))
                }
            }
        } }
        return n
    }

    @Test(arguments: 0..<100) func tracedPolygonsRasteriseBack(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<10 {
            let size = rng.size(maxSide: 24)
            let mask = rng.mask(size)
            let rle = RLE(encoding: mask)
            let traced = rle.polygons()
            #expect((traced == nil) == Self.hasHole(mask))
            guard let polygons = traced else { continue }
            #expect(polygons.count == Self.components(mask))
            #expect(try RLE(polygons: polygons, size: size) == rle)
        }
    }

    @Test func manyRandomMasksAreHoleFree() throws {
        var rng = SplitMix64(seed: 12345)
        var traced = 0
        for _ in 0..<500 {
            let size = rng.size(maxSide: 24)
            let rle = RLE(encoding: rng.mask(size))
            if let p = rle.polygons() {
                traced += 1
                #expect(try RLE(polygons: p, size: size) == rle)
            }
        }
        #expect(traced > 150, "the property above must exercise real tracing, got \(traced)")
    }

    @Test func diagonalPinchAndShapes() throws {
        let s = MaskSize(height: 3, width: 3)
        // Two pixels meeting at a corner: two components, two squares.
        var m = try BinaryMask(size: s)
        m[x: 0, y: 0] = true
        m[x: 1, y: 1] = true
        let p = try #require(RLE(encoding: m).polygons())
        #expect(p.count == 2)
        #expect(p.allSatisfy { $0.count == 8 })
        #expect(try RLE(polygons: p, size: s) == RLE(encoding: m))
        // A ring: a hole.
        let ring = try BinaryMask(size: s, bits: [1, 1, 1, 1, 0, 1, 1, 1, 1])
        #expect(RLE(encoding: ring).polygons() == nil)
        // A ring open at a corner diagonal: the pocket reaches outside, so no hole; one polygon touching itself.
        let cShape = try BinaryMask(size: MaskSize(height: 4, width: 4), rowMajor: [
            1, 1, 1, 0,
            1, 0, 1, 0,
            1, 1, 0, 1,
            0, 0, 1, 1,
        ])
        let traced = try #require(RLE(encoding: cShape).polygons())
        #expect(try RLE(polygons: traced, size: cShape.size) == RLE(encoding: cShape))
        // Empty and full.
        #expect(try RLE(empty: s).polygons() == [])
        #expect(try RLE(full: s).polygons() == [[0, 0, 3, 0, 3, 3, 0, 3]])
    }
}

/// The inscribed-ellipse mask follows its stated rule pixel by pixel.
@Suite struct EllipseTests {
    @Test(arguments: 0..<100) func matchesPixelRule(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let size = rng.size(maxSide: 50)
        let x = Double.random(in: -10...Double(size.width), using: &rng)
        let y = Double.random(in: -10...Double(size.height), using: &rng)
        var box = BoundingBox(x: x, y: y, width: Double.random(in: 0...40, using: &rng), height: Double.random(in: 0...40, using: &rng))
        if seed % 4 == 0 { box = BoundingBox(x: x.rounded(), y: y.rounded(), width: box.width.rounded(), height: box.height.rounded()) }
        let rle = RLE(ellipseIn: box, size: size)
        let bits = rle.decoded()
        let a = box.width / 2, b = box.height / 2, cx = box.x + a, cy = box.y + b
        for px in 0..<size.width {
            for py in 0..<size.height {
                let dx = (Double(px) + 0.5 - cx) / a, dy = (Double(py) + 0.5 - cy) / b
                let want = a > 0 && b > 0 && dx * dx + dy * dy <= 1
                #expect(bits[x: px, y: py] == want, "pixel \(px),\(py) of \(box) on \(size)")
            }
        }
        #expect(rle.isCanonical)
    }

    @Test func circleArea() {
        let rle = RLE(ellipseIn: BoundingBox(x: 0, y: 0, width: 100, height: 100), size: MaskSize(height: 100, width: 100))
        #expect(abs(Double(rle.area) - Double.pi * 2500) < 100)
        #expect(rle.boundingBox == BoundingBox(x: 0, y: 0, width: 100, height: 100))
        #expect(RLE(ellipseIn: BoundingBox(x: .nan, y: 0, width: 5, height: 5), size: MaskSize(height: 10, width: 10)).area == 0)
    }
}
