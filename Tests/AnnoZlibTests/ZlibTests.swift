import AnnoTestSupport
import AnnoZlib
import Testing

func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(state: seed)
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
}

func structuredBytes(_ count: Int) -> [UInt8] {
    // Runs and repeated phrases, like a mask or a text file.
    var out: [UInt8] = []
    out.reserveCapacity(count)
    var i = 0
    while out.count < count {
        let phrase = Array("category_id: \(i % 17), bbox: [\(i), \(i * 3)]\n".utf8)
        out += phrase
        out += [UInt8](repeating: UInt8(i % 5), count: (i * 7) % 300)
        i += 1
    }
    return Array(out.prefix(count))
}

@Suite struct ZlibRoundTripTests {
    @Test(arguments: [0, 1, 6, 9])
    func roundTripRandom(level: Int) throws {
        for (size, seed) in [(0, 1), (1, 2), (1000, 3), (200_000, 4)] {
            let input = randomBytes(size, seed: UInt64(seed))
            let compressed = try Zlib.deflate(input, level: level)
            #expect(try Zlib.inflate(compressed, limit: size) == input)
        }
    }

    @Test(arguments: [0, 1, 6, 9])
    func roundTripStructured(level: Int) throws {
        let input = structuredBytes(300_000)
        let compressed = try Zlib.deflate(input, level: level)
        if level > 0 { #expect(compressed.count < input.count / 4) }
        #expect(try Zlib.inflate(compressed, limit: input.count) == input)
    }

    @Test(arguments: [Zlib.Format.zlib, .raw, .gzip])
    func roundTripFormats(format: Zlib.Format) throws {
        let input = structuredBytes(50_000)
        let compressed = try Zlib.deflate(input, format: format)
        #expect(try Zlib.inflate(compressed, limit: input.count, format: format) == input)
        if format == .gzip { #expect(Array(compressed.prefix(2)) == [0x1F, 0x8B]) }
        if format == .zlib { #expect(compressed.first == 0x78) }
    }

    @Test func deterministic() throws {
        let input = structuredBytes(100_000)
        for level in [0, 1, 6, 9] {
            #expect(try Zlib.deflate(input, level: level) == Zlib.deflate(input, level: level))
        }
    }

    @Test func streamingMatchesOneShot() throws {
        let input = structuredBytes(500_000) + randomBytes(100_000, seed: 9)
        let deflater = try Deflater(level: 6)
        var compressed: [UInt8] = []
        var start = 0
        while start < input.count {
            let end = min(input.count, start + 7_777)
            compressed += try deflater.process(Array(input[start..<end]))
            start = end
        }
        compressed += try deflater.finish()
        #expect(compressed == (try Zlib.deflate(input, level: 6)))

        let inflater = try Inflater(limit: input.count)
        var output: [UInt8] = []
        start = 0
        while start < compressed.count {
            let end = min(compressed.count, start + 333)
            output += try inflater.process(Array(compressed[start..<end]))
            start = end
        }
        try inflater.finish()
        #expect(inflater.isFinished)
        #expect(inflater.totalOut == input.count)
        #expect(output == input)
    }

    @Test func exactLimitIsAllowed() throws {
        let input = [UInt8](repeating: 7, count: 100_000)
        let compressed = try Zlib.deflate(input)
        #expect(try Zlib.inflate(compressed, limit: 100_000) == input)
        #expect(throws: ZlibError.outputLimitExceeded(limit: 99_999)) {
            try Zlib.inflate(compressed, limit: 99_999)
        }
        #expect(throws: ZlibError.outputLimitExceeded(limit: 0)) { try Zlib.inflate(compressed, limit: 0) }
    }

    @Test func invalidLevelIsStreamError() {
        #expect { try Zlib.deflate([1, 2, 3], level: 42) } throws: { error in
            (error as? ZlibError)?.kind == .streamError
        }
    }
}

@Suite struct ZlibErrorTests {
    @Test func truncatedStreams() throws {
        let input = structuredBytes(100_000)
        let compressed = try Zlib.deflate(input)
        for cut in [0, 1, 2, 10, compressed.count / 2, compressed.count - 4, compressed.count - 1] {
            #expect(throws: ZlibError.truncatedInput) {
                try Zlib.inflate(Array(compressed.prefix(cut)), limit: input.count)
            }
        }
    }

    @Test func corruptedHeaderIsDataError() throws {
        var compressed = try Zlib.deflate(structuredBytes(10_000))
        compressed[0] = 0x79  // breaks the header check (CMF*256+FLG must be a multiple of 31)
        #expect(throws: ZlibError(.dataError, message: "incorrect header check")) {
            try Zlib.inflate(compressed, limit: 1 << 20)
        }
    }

    @Test func corruptedChecksumIsDataError() throws {
        var compressed = try Zlib.deflate(structuredBytes(10_000))
        compressed[compressed.count - 1] ^= 0xFF
        #expect(throws: ZlibError(.dataError, message: "incorrect data check")) {
            try Zlib.inflate(compressed, limit: 1 << 20)
        }
    }

    @Test func corruptedBodyIsDataError() throws {
        // Flip bytes one at a time in the middle; every outcome must be a typed data error, never a crash or success.
        let input = randomBytes(5_000, seed: 11)
        let compressed = try Zlib.deflate(input, level: 9)
        var sawDataError = false
        for position in stride(from: 2, to: compressed.count - 4, by: 97) {
            var damaged = compressed
            damaged[position] ^= 0x55
            do {
                _ = try Zlib.inflate(damaged, limit: 1 << 20)
                Issue.record("corruption at \(position) was not detected")
            } catch {
                if error.kind == .dataError { sawDataError = true }
                #expect([.dataError, .truncatedInput].contains(error.kind) || {
                    if case .trailingData = error.kind { return true }
                    return false
                }())
            }
        }
        #expect(sawDataError)
    }

    @Test func trailingDataIsRejected() throws {
        let compressed = try Zlib.deflate([1, 2, 3])
        #expect(throws: ZlibError.trailingData(count: 3)) {
            try Zlib.inflate(compressed + [9, 9, 9], limit: 100)
        }
        let inflater = try Inflater(limit: 100)
        _ = try inflater.process(compressed)
        #expect(throws: ZlibError.trailingData(count: 1)) { try inflater.process([0]) }
    }

    @Test func presetDictionaryIsRejected() {
        // CMF 0x78, FLG with FDICT set (0x20) and FCHECK so that CMF*256+FLG is a multiple of 31, then a DICTID.
        let cmf = 0x78, flg0 = 0x20
        let flg = flg0 + (31 - (cmf * 256 + flg0) % 31) % 31
        let stream: [UInt8] = [UInt8(cmf), UInt8(flg), 0, 0, 0, 1, 0x03, 0x00]
        #expect { try Zlib.inflate(stream, limit: 100) } throws: { error in
            (error as? ZlibError)?.kind == .needDictionary
        }
    }

    @Test func rawDeflateIsNotZlib() throws {
        let raw = try Zlib.deflate(structuredBytes(1_000), format: .raw)
        #expect { try Zlib.inflate(raw, limit: 1 << 20) } throws: { error in
            (error as? ZlibError)?.kind == .dataError
        }
    }

    @Test func descriptionsNameTheZlibConstant() {
        #expect(ZlibError(.dataError, message: "bad").description == "zlib: data error (Z_DATA_ERROR): bad")
        #expect(ZlibError.Kind.dataError.zlibStatus == -3)
        #expect(ZlibError.Kind.bufferError.zlibStatus == -5)
        #expect(ZlibError.Kind.needDictionary.zlibStatus == 2)
        #expect(ZlibError.Kind.outputLimitExceeded(limit: 1).zlibStatus == nil)
    }
}

@Suite struct ZlibBombTests {
    /// 1 GiB of zeros, compressed by streaming 1 MiB zero chunks (never holding the gigabyte).
    static let gibibyteOfZeros: [UInt8] = {
        do {
            let deflater = try Deflater(level: 9)
            let zeros = [UInt8](repeating: 0, count: 1 << 20)
            var out: [UInt8] = []
            for _ in 0..<1024 { out += try deflater.process(zeros) }
            out += try deflater.finish()
            return out
        } catch {
            return []
        }
    }()

    @Test func bombStopsAtLimit() throws {
        let bomb = Self.gibibyteOfZeros
        #expect(bomb.count > 900_000 && bomb.count < 1_100_000)
        let limit = 16 << 20
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: ZlibError.outputLimitExceeded(limit: limit)) { try Zlib.inflate(bomb, limit: limit) }
        #expect(clock.now - started < .seconds(2))
    }

    @Test func streamingBombStopsAtLimit() throws {
        let bomb = Self.gibibyteOfZeros
        let inflater = try Inflater(limit: 1 << 20)
        var produced = 0
        var caught: ZlibError?
        var start = 0
        while start < bomb.count {
            let end = min(bomb.count, start + 4096)
            do {
                produced += try inflater.process(Array(bomb[start..<end])).count
            } catch {
                caught = error
                break
            }
            start = end
        }
        #expect(caught == .outputLimitExceeded(limit: 1 << 20))
        #expect(produced <= 1 << 20)
        #expect(inflater.totalOut <= 1 << 20)
    }
}

@Suite struct ChecksumTests {
    @Test func crc32CheckValue() {
        #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Zlib.crc32([]) == 0)
        let bytes = Array("123456789".utf8)
        #expect(bytes.withUnsafeBytes { Zlib.crc32($0) } == 0xCBF4_3926)
        // Continuing from a seed equals one pass.
        #expect(Zlib.crc32(Array(bytes[4...]), seed: Zlib.crc32(Array(bytes[..<4]))) == 0xCBF4_3926)
        // PNG's IEND chunk CRC.
        #expect(Zlib.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func adler32CheckValue() {
        #expect(Zlib.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Zlib.adler32([]) == 1)
        #expect(Array("Wikipedia".utf8).withUnsafeBytes { Zlib.adler32($0) } == 0x11E6_0398)
    }

    @Test func zlibTrailerIsAdler32() throws {
        let input = structuredBytes(12_345)
        let compressed = try Zlib.deflate(input)
        let trailer = compressed.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(trailer == Zlib.adler32(input))
    }
}
