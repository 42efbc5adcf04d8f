import AnnoCore
import AnnoMask
import AnnoPNG

extension VOC {
    /// Index-mask kernels: PNG pixels to palette indices, indices to per-value RLE, RLE painted into index buffers.
    ///
    /// Index buffers come in two orders: row-major (PNG order, `y·width + x`) and column-major (COCO order,
    /// `x·height + y`). RLE counts are always column-major, as pycocotools writes them.
    public enum Masks {
        /// The palette index of every pixel, row-major, and how many pixels had a colour `colors` does not know.
        ///
        /// Palette and gray PNGs give their indices directly; RGB and RGBA pixels are looked up in `colors`
        /// (key `r << 16 | g << 8 | b`); unknown colours become 0.
        public static func indices(of image: PNG.Image, colors: [UInt32: UInt8]) -> (indices: [UInt8], unknown: Int, firstUnknown: PNG.RGB?) {
            switch image.pixels {
            case .indexed(let idx, _), .gray8(let idx):
                return (idx, 0, nil)
            case .gray16(let values):
                var unknown = 0
                let idx = values.map { v -> UInt8 in
                    if v > 255 { unknown += 1; return 0 }
                    return UInt8(v)
                }
                return (idx, unknown, nil)
            case .grayAlpha8(let ga):
                var out = [UInt8](repeating: 0, count: ga.count / 2)
                for i in 0..<out.count { out[i] = ga[2 * i] }
                return (out, 0, nil)
            case .rgb8(let px):
                return mapColors(px, channels: 3, colors: colors)
            case .rgba8(let px):
                return mapColors(px, channels: 4, colors: colors)
            }
        }

        private static func mapColors(_ px: [UInt8], channels: Int, colors: [UInt32: UInt8]) -> ([UInt8], Int, PNG.RGB?) {
            let n = px.count / channels
            var out = [UInt8](repeating: 0, count: n)
            var unknown = 0
            var firstUnknown: PNG.RGB?
            var lastKey: UInt32 = 0
            var lastValue: UInt8 = colors[0] ?? 0
            var lastKnown = colors[0] != nil
            px.withUnsafeBufferPointer { p in
                for i in 0..<n {
                    let o = i * channels
                    let key = UInt32(p[o]) << 16 | UInt32(p[o + 1]) << 8 | UInt32(p[o + 2])
                    if key != lastKey {
                        lastKey = key
                        if let v = colors[key] {
                            lastValue = v
                            lastKnown = true
                        } else {
                            lastValue = 0
                            lastKnown = false
                        }
                    }
                    if !lastKnown {
                        unknown += 1
                        if firstUnknown == nil { firstUnknown = PNG.RGB(p[o], p[o + 1], p[o + 2]) }
                    }
                    out[i] = lastValue
                }
            }
            return (out, unknown, firstUnknown)
        }

        /// The colour table of the VOC colormap: each of the 256 colours to its index.
        public static let colormapTable: [UInt32: UInt8] = {
            var t: [UInt32: UInt8] = [:]
            for (i, c) in PNG.vocColormap.enumerated() {
                let key = UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
                if t[key] == nil { t[key] = UInt8(i) }
            }
            return t
        }()

        /// For every index value present in a row-major index image, its mask as column-major RLE counts.
        ///
        /// The result has 256 slots; slots of absent values are nil. One pass over the pixels, O(width·height).
        public static func runs(rowMajor idx: [UInt8], width: Int, height: Int) -> [[UInt32]?] {
            var counts = [[UInt32]?](repeating: nil, count: 256)
            var lastEnd = [Int](repeating: 0, count: 256)
            let n = width * height
            guard n > 0 else { return counts }
            idx.withUnsafeBufferPointer { b in
                var current = -1
                var start = 0
                var p = 0
                for x in 0..<width {
                    var r = x
                    for _ in 0..<height {
                        let v = Int(b[r])
                        if v != current {
                            if current >= 0 {
                                close(current, start: start, end: p, counts: &counts, lastEnd: &lastEnd)
                            }
                            current = v
                            start = p
                        }
                        r += width
                        p += 1
                    }
                }
                close(current, start: start, end: n, counts: &counts, lastEnd: &lastEnd)
            }
            for v in 0..<256 where counts[v] != nil && lastEnd[v] < n {
                counts[v]?.append(UInt32(n - lastEnd[v]))
            }
            return counts
        }

        private static func close(_ v: Int, start: Int, end: Int, counts: inout [[UInt32]?], lastEnd: inout [Int]) {
            if counts[v] == nil { counts[v] = [] }
            counts[v]?.append(UInt32(start - lastEnd[v]))
            counts[v]?.append(UInt32(end - start))
            lastEnd[v] = end
        }

        /// The annotation's segmentation as an RLE of `size`, rasterising polygons with pycocotools' rule.
        ///
        /// Returns nil for `.none`; throws when the data is invalid or its size differs from `size`.
        public static func rle(of segmentation: Segmentation, size: MaskSize) throws(MaskError) -> RLE? {
            if case .rle(let data) = segmentation, MaskSize(height: data.height, width: data.width) != size {
                throw MaskError.sizeMismatch
            }
            return try segmentation.rle(height: size.height, width: size.width)
        }

        /// Paints the 1-runs of column-major `counts` with `value` into a row-major `width`-wide buffer, counting per
        /// previous owner how many pixels were overwritten (`overwritten[owner]`, owners 1…254 and 255 for void).
        ///
        /// Work is proportional to the mask's area (one strided walk down each column segment), not the image's.
        public static func paint(
            _ counts: [UInt32], value: UInt8, width: Int, height: Int, rowPitch: Int? = nil, offset: Int = 0,
            into buffer: inout [UInt8], overwritten: inout [Int]
        ) {
            walk(counts, width: width, height: height, pitch: rowPitch ?? width, offset: offset, buffer: &buffer) { b, i in
                let old = b[i]
                if old != 0 && old != value { overwritten[Int(old)] += 1 }
                b[i] = value
            }
        }

        /// Paints the 1-runs of column-major `counts` with `value` into a row-major `width`-wide buffer.
        ///
        /// `rowPitch` (default `width`) and `offset` place pixel (x, y) at `offset + y·rowPitch + x`, so a PNG
        /// scanline layout (a filter byte before each row: pitch `width + 1`, offset 1) can be painted in place.
        public static func fill(
            _ counts: [UInt32], value: UInt8, width: Int, height: Int, rowPitch: Int? = nil, offset: Int = 0,
            into buffer: inout [UInt8]
        ) {
            walk(counts, width: width, height: height, pitch: rowPitch ?? width, offset: offset, buffer: &buffer) { b, i in b[i] = value }
        }

        /// Calls `body` with the row-major index of every pixel in the 1-runs of column-major `counts`.
        @inline(__always)
        static func walk(
            _ counts: [UInt32], width: Int, height: Int, pitch: Int, offset: Int, buffer: inout [UInt8],
            _ body: (UnsafeMutableBufferPointer<UInt8>, Int) -> Void
        ) {
            let n = width * height
            guard height > 0, width > 0, offset >= 0, pitch >= width,
                buffer.count >= offset + (height - 1) * pitch + width
            else { return }
            buffer.withUnsafeMutableBufferPointer { b in
                counts.withUnsafeBufferPointer { c in
                    var p = 0
                    var one = false
                    for run in c {
                        let end = min(n, p + Int(run))
                        if one && end > p {
                            var x = p / height
                            var y = p - x * height
                            var left = end - p
                            while left > 0 {
                                let segment = min(left, height - y)
                                var i = offset + y * pitch + x
                                for _ in 0..<segment {
                                    body(b, i)
                                    i += pitch
                                }
                                left -= segment
                                x += 1
                                y = 0
                            }
                        }
                        p = end
                        one.toggle()
                    }
                }
            }
        }

        /// A column-major buffer of `width × height` transposed to row-major.
        public static func rowMajor(columnMajor c: [UInt8], width: Int, height: Int) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: c.count)
            out.withUnsafeMutableBufferPointer { o in
                c.withUnsafeBufferPointer { b in
                    var p = 0
                    for x in 0..<width {
                        var r = x
                        for _ in 0..<height {
                            o[r] = b[p]
                            p += 1
                            r += width
                        }
                    }
                }
            }
            return out
        }
    }
}
