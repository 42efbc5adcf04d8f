import AnnoZlib

extension PNG {
    /// The zlib stream of a PNG's filtered scanlines, framed by hand: a raw DEFLATE stream between zlib's header
    /// bytes and an Adler-32 computed here, skipping runs of one value in O(1) per word (masks are mostly one
    /// value), instead of zlib's byte-by-byte checksum. The bytes are exactly what zlib's own framing gives.
    enum ZlibFraming {
        /// The zlib stream for `filtered` under `compression`.
        static func stream(_ filtered: [UInt8], _ compression: Compression) throws(EncodingError) -> [UInt8] {
            switch compression {
            case .runLength:
                return RunLengthDeflater.zlibStream(filtered)
            case .zlib(let level):
                var framed = header(level: level)
                do {
                    framed += try Zlib.deflate(filtered, level: level, format: .raw)
                } catch {
                    throw EncodingError.compression(error)
                }
                let adler = adler32(filtered)
                framed += [UInt8(truncatingIfNeeded: adler >> 24), UInt8(truncatingIfNeeded: adler >> 16),
                           UInt8(truncatingIfNeeded: adler >> 8), UInt8(truncatingIfNeeded: adler)]
                return framed
            }
        }

        /// zlib's two header bytes for `level` (32 KiB window, no dictionary), as `deflateInit` writes them.
        static func header(level: Int) -> [UInt8] {
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
    }
}
