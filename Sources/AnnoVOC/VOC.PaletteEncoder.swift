import AnnoPNG
import AnnoZlib

extension VOC {
    /// A fast path for the one PNG shape the writer emits: 8-bit palette, filter type 0 on every row.
    ///
    /// Byte-identical to `PNG.encodeIndexed(…, filter: .none)` (signature, IHDR, PLTE, IDAT in 1 MiB pieces,
    /// IEND; tested), but builds the filtered stream with one bulk copy per row instead of a per-byte loop,
    /// which made AnnoPNG's encoder the bottleneck of COCO → VOC (about 8 ns per pixel). Remove once AnnoPNG's
    /// fixed-filter path is bulk as well.
    enum PaletteEncoder {
        /// Encodes `width × height` row-major `indices` with a 256-entry `palette` at zlib `level`
        /// (a negative level selects ``RunDeflater``, the run-length DEFLATE encoder).
        static func encode(width: Int, height: Int, indices: [UInt8], palette: [PNG.RGB], level: Int) throws -> [UInt8] {
            guard width > 0, height > 0, indices.count == width * height, palette.count == 256 else {
                return try PNG.encodeIndexed(width: width, height: height, indices: indices, palette: palette, level: level, filter: .none)
            }
            var filtered = [UInt8](repeating: 0, count: height * (width + 1))
            filtered.withUnsafeMutableBufferPointer { out in
                indices.withUnsafeBufferPointer { src in
                    guard let o = out.baseAddress, let s = src.baseAddress else { return }
                    for y in 0..<height {
                        (o + y * (width + 1) + 1).update(from: s + y * width, count: width)
                    }
                }
            }
            return try encode(width: width, height: height, scanlines: filtered, palette: palette, level: level)
        }

        /// Encodes scanlines already laid out as PNG filter-type-0 rows (`height × (width + 1)` bytes, each row a
        /// 0 byte then `width` indices), so masks painted in place need no copy.
        static func encode(width: Int, height: Int, scanlines filtered: [UInt8], palette: [PNG.RGB], level: Int) throws -> [UInt8] {
            // A raw DEFLATE stream framed by hand: the same bytes zlib's own framing gives, but the Adler-32 is
            // computed here, skipping zero words in O(1) (masks are mostly 0), instead of byte by byte.
            let compressed: [UInt8]
            if level < 0 {
                compressed = RunDeflater.zlibStream(filtered)
            } else {
                var framed = zlibHeader(level: level)
                framed += try Zlib.deflate(filtered, level: level, format: .raw)
                append32(adler32(filtered), to: &framed)
                compressed = framed
            }
            var out = PNG.signature
            out.reserveCapacity(compressed.count + 900)
            var ihdr: [UInt8] = []
            append32(UInt32(width), to: &ihdr)
            append32(UInt32(height), to: &ihdr)
            ihdr += [8, 3, 0, 0, 0]
            appendChunk("IHDR", ihdr, to: &out)
            var plte: [UInt8] = []
            plte.reserveCapacity(768)
            for c in palette { plte += [c.r, c.g, c.b] }
            appendChunk("PLTE", plte, to: &out)
            let piece = 1 << 20
            var start = 0
            repeat {
                let end = min(compressed.count, start + piece)
                appendChunk("IDAT", Array(compressed[start..<end]), to: &out)
                start = end
            } while start < compressed.count
            appendChunk("IEND", [], to: &out)
            return out
        }

        /// zlib's two header bytes for `level` (32 KiB window, no dictionary), as `deflateInit` writes them.
        static func zlibHeader(level: Int) -> [UInt8] {
            let cmf: UInt8 = 0x78
            let flevel: UInt8
            switch level {
            case 0, 1: flevel = 0
            case 2...5: flevel = 1
            case -1, 6: flevel = 2
            default: flevel = 3
            }
            var flg = flevel << 6
            let check = (UInt16(cmf) << 8 | UInt16(flg)) % 31
            if check != 0 { flg += UInt8(31 - check) }
            return [cmf, flg]
        }

        /// Adler-32 of `bytes` (RFC 1950). Masks are long runs of one value, so an 8-byte word whose bytes are
        /// all equal to v costs O(1): a grows by 8·v and b by 8·a + 36·v (the sum of a + k·v for k = 1…8).
        static func adler32(_ bytes: [UInt8]) -> UInt32 {
            let mod: UInt64 = 65521
            var a: UInt64 = 1
            var b: UInt64 = 0
            bytes.withUnsafeBytes { raw in
                let n = raw.count
                var i = 0
                var pending = 0
                while i < n {
                    if i + 8 <= n {
                        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        let v = word & 0xFF
                        if word == v &* 0x0101_0101_0101_0101 {
                            b += 8 &* a &+ 36 &* v
                            a += 8 &* v
                            i += 8
                        } else {
                            for k in 0..<8 {
                                a += (word >> (8 * UInt64(k))) & 0xFF
                                b += a
                            }
                            i += 8
                        }
                    } else {
                        while i < n {
                            a += UInt64(raw[i])
                            b += a
                            i += 1
                        }
                    }
                    pending += 1
                    if pending == 1024 {
                        a %= mod
                        b %= mod
                        pending = 0
                    }
                }
            }
            return UInt32(b % mod) << 16 | UInt32(a % mod)
        }

        private static func append32(_ v: UInt32, to out: inout [UInt8]) {
            out += [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
        }

        private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
            append32(UInt32(data.count), to: &out)
            let typeAndData = Array(type.utf8) + data
            out += typeAndData
            append32(Zlib.crc32(typeAndData), to: &out)
        }
    }
}
