@testable import AnnoArchive
import AnnoCore
import AnnoJSON
import AnnoTestSupport
import Foundation
import Testing

@Suite struct CorruptionTests {
    static func fixture() throws -> [UInt8] { try Archive.encode(ArchiveTestData.small()) }

    /// A slightly larger dataset in the version-1.1 layout: `META` cut into parts every 128 raw bytes (two
    /// deflated and two stored parts), and images 1 and 4 with two-part `MASK` records (stored and deflated parts).
    static func multiPartFixture() throws -> [UInt8] { try MultiPartTests.encode(ArchiveTestData.multiPart(), metaPartBytes: 128) }

    /// Both layouts with their datasets, for the exhaustive damage tests.
    static func fixtures() throws -> [(name: String, bytes: [UInt8], dataset: Dataset)] {
        [("v1.0", try fixture(), ArchiveTestData.small()), ("v1.1 multi-part", try multiPartFixture(), ArchiveTestData.multiPart())]
    }

    /// Everything a reader can do with the bytes: open, read every image's masks, read the whole dataset.
    static func readAll(_ bytes: [UInt8]) throws -> Dataset {
        let reader = try Archive.Reader(bytes: bytes)
        for key in reader.imageKeys { _ = try reader.masks(forImage: key) }
        return try reader.readDataset()
    }

    /// Fixtures/amsk/small.amsk is what the writer produces today (record with ANNOKIT_RECORD=1), plus a hex twin.
    @Test func goldenFixtureIsCurrent() throws {
        let bytes = try Self.fixture()
        let path = FixturePaths.path("amsk/small.amsk")
        if ProcessInfo.processInfo.environment["ANNOKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: FixturePaths.path("amsk"), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        expectGolden(ArchiveTestData.hexDump(bytes), "amsk/small.amsk.hex")
        #expect(try FixturePaths.bytes("amsk/small.amsk") == bytes)
        #expect(try Archive.read(path: path) == ArchiveTestData.small())
        #expect(try Archive.verify(path: path).isValid)
    }

    /// Every single-bit flip (8 per byte) of the fixture is detected by verify and by the reader, as a typed error.
    @Test func everyBitFlipIsDetected() throws {
        for (name, good, original) in try Self.fixtures() { try Self.everyBitFlipIsDetected(in: good, original, name) }
    }

    static func everyBitFlipIsDetected(in good: [UInt8], _ original: Dataset, _ name: String) throws {
        var undetected: [String] = []
        for i in 0..<good.count {
            for bit in 0..<8 {
                var bytes = good
                bytes[i] ^= UInt8(1 << bit)
                do {
                    let d = try Self.readAll(bytes)
                    undetected.append("byte \(i) bit \(bit): read \(d == original ? "the same" : "a different") dataset")
                } catch let e as ArchiveError {
                    if e.location == nil { undetected.append("byte \(i): error without a location") }
                } catch {
                    undetected.append("byte \(i) bit \(bit): untyped error \(error)")
                }
                let report = Archive.verify(bytes: bytes)
                if report.isValid { undetected.append("byte \(i) bit \(bit): verify passed") }
            }
        }
        #expect(undetected.isEmpty, "\(name): \(undetected.prefix(20))")
    }

    /// Every proper prefix is rejected with a typed error naming an offset.
    @Test func everyTruncationIsDetected() throws {
        for (name, good, _) in try Self.fixtures() { Self.everyTruncationIsDetected(in: good, name) }
    }

    static func everyTruncationIsDetected(in good: [UInt8], _ name: String) {
        for n in 0..<good.count {
            let bytes = Array(good[0..<n])
            do {
                _ = try Self.readAll(bytes)
                Issue.record("\(name): prefix of \(n) bytes was accepted")
            } catch let e as ArchiveError {
                #expect([.badMagic, .truncated, .missingTrailer].contains(e.kind), "\(name) prefix \(n): \(e)")
                #expect(e.offset != nil, "\(name) prefix \(n): \(e)")
            } catch {
                Issue.record("\(name) prefix \(n): untyped error \(error)")
            }
            #expect(!Archive.verify(bytes: bytes).isValid)
        }
    }

    @Test func wrongMagicAndTextModeDamage() throws {
        let good = try Self.fixture()
        var bytes = good
        bytes[0] = 0x0B
        #expect(Self.kind { try Archive.Reader(bytes: bytes) } == .badMagic)
        let crlf = [UInt8](good[0..<5]) + [0x0A, 0x1A] + good[7...]
        let e = Self.error { try Archive.Reader(bytes: crlf) }
        #expect(e?.kind == .badMagic && e?.message.contains("line endings") == true)
        #expect(Self.kind { try Archive.Reader(bytes: Array("{\"images\": []}".utf8)) } == .badMagic)
        #expect(Self.kind { try Archive.Reader(bytes: []) } == .badMagic)
        #expect(ArchiveError(.badMagic, "x", path: "f").category == .malformedInput)
    }

    @Test func futureVersionsAndFeaturesAreRefused() throws {
        let good = try Self.fixture()
        func with(_ h: Archive.Header) -> [UInt8] { h.bytes + good[64...] }
        var h = Archive.Header.current
        h.major = 2
        let e = Self.error { try Archive.Reader(bytes: with(h)) }
        #expect(e?.kind == .unsupportedVersion && e?.code == "AK051" && e?.offset == 8)
        h = .current
        h.minor = 9
        #expect(try Archive.Reader(bytes: with(h)).readDataset() == ArchiveTestData.small())
        h = .current
        h.minReaderMinor = 2
        #expect(Self.kind { try Archive.Reader(bytes: with(h)) } == .unsupportedVersion)
        h = .current
        h.requiredFeatures |= 1 << 5
        #expect(Self.kind { try Archive.Reader(bytes: with(h)) } == .unsupportedVersion)
        h = .current
        h.optionalFeatures |= 1 << 9
        #expect(try Archive.Reader(bytes: with(h)).readDataset() == ArchiveTestData.small())
    }

    /// Rebuilds the fixture with one record replaced, keeping every CRC and the index consistent where possible.
    static func replacingMaskRecord(_ good: [UInt8], ordinal: Int, with framed: (Archive.Index.Entry) -> [UInt8]) throws -> [UInt8] {
        let reader = try Archive.Reader(bytes: good)
        var index = reader.index
        let position = try #require(index.entries.firstIndex { $0.recordOrdinal == ordinal })
        let entry = index.entries[position]
        let record = framed(entry)
        let start = Int(entry.recordOffset), end = start + Int(entry.recordLength)
        let delta = record.count - Int(entry.recordLength)
        var body = Array(good[0..<start]) + record + good[end..<Int(reader.trailer.indexOffset)]
        for k in index.entries.indices where index.entries[k].recordOffset > entry.recordOffset {
            index.entries[k].recordOffset = UInt64(Int(index.entries[k].recordOffset) + delta)
        }
        index.entries[position].recordLength = UInt64(record.count)
        let payload = index.payload
        let indexRecord = Archive.RecordHeader.frame(tag: .index, flags: 0, ordinal: UInt32(reader.trailer.recordCount), stored: payload, rawLength: payload.count)
        let indexOffset = UInt64(body.count)
        body += indexRecord
        let crc = UInt32(indexRecord[32]) | UInt32(indexRecord[33]) << 8 | UInt32(indexRecord[34]) << 16 | UInt32(indexRecord[35]) << 24
        let trailer = Archive.Trailer(indexOffset: indexOffset, indexLength: UInt64(indexRecord.count), recordCount: reader.trailer.recordCount, fileLength: UInt64(body.count + 48), indexCRC: crc)
        return body + trailer.bytes
    }

    /// A record whose valid zlib stream inflates far beyond its declared length stops at the declared size.
    @Test func zlibBombIsStoppedAtTheDeclaredSize() throws {
        // A 4 MiB run of one character compresses to a few KiB: take that stream from a META record.
        var big = Dataset()
        big.info = .string(String(repeating: "0", count: 4 << 20))
        let donor = try Archive.encode(big)
        let storedLength = Int(UInt64(donor[80]) | UInt64(donor[81]) << 8 | UInt64(donor[82]) << 16 | UInt64(donor[83]) << 24)
        let stream = Array(donor[104..<(104 + storedLength)])
        #expect(stream.count < 16_384)
        let good = try Self.fixture()
        let bombed = try Self.replacingMaskRecord(good, ordinal: 1) { e in
            Archive.RecordHeader.frame(tag: .mask, flags: 1, ordinal: UInt32(e.recordOrdinal), stored: stream, rawLength: 100)
        }
        let reader = try Archive.Reader(bytes: bombed)
        let e = Self.error { try reader.masks(forImage: .int(1)) }
        #expect(e?.kind == .compression && e?.record == 1 && e?.code == "AK057", "\(String(describing: e))")
        #expect(Self.kind { try reader.readDataset() } == .compression)
        #expect(Archive.verify(bytes: bombed).badRecords.contains(1))
        // A declared size over the limit is refused before inflating (exit 3).
        let huge = try Self.replacingMaskRecord(good, ordinal: 1) { e in
            Archive.RecordHeader.frame(tag: .mask, flags: 1, ordinal: UInt32(e.recordOrdinal), stored: stream, rawLength: 1 << 40)
        }
        let limit = Self.error { try Archive.Reader(bytes: huge).masks(forImage: .int(1)) }
        #expect(limit?.kind == .limit && limit?.category == .limit)
    }

    @Test func lengthsAndOffsetsOutsideTheFile() throws {
        let good = try Self.fixture()
        let reader = try Archive.Reader(bytes: good)
        let t = reader.trailer
        // The trailer's index offset beyond the file, with a valid trailer CRC.
        var bad = t
        bad.indexOffset = 1 << 40
        #expect(Self.kind { try Archive.Reader(bytes: good[0..<(good.count - 48)] + bad.bytes) } == .outOfBounds)
        // The trailer claims 2^32 records in a small file: refused before any table is allocated.
        bad = t
        bad.recordCount = 1 << 32
        #expect(Self.kind { try Archive.Reader(bytes: good[0..<(good.count - 48)] + bad.bytes) } == .indexMismatch)
        // A file length that is not the real one.
        bad = t
        bad.fileLength += 8
        #expect(Self.kind { try Archive.Reader(bytes: good[0..<(good.count - 48)] + bad.bytes) } == .truncated)
        // A record declaring a payload far past the end of the file, with a valid header CRC.
        let grown = try Self.replacingMaskRecord(good, ordinal: 1) { e in
            var h = Array(Archive.RecordHeader.frame(tag: .mask, flags: 0, ordinal: UInt32(e.recordOrdinal), stored: [1, 2, 3], rawLength: 3)[0..<40])
            h[16..<24] = [0, 0, 0, 0, 0, 1, 0, 0][...]
            h[24..<32] = [0, 0, 0, 0, 0, 1, 0, 0][...]
            let c = Archive.checksum(Array(h[0..<36]))
            h[36..<40] = [UInt8(c & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c >> 16 & 0xFF), UInt8(c >> 24)][...]
            return h + [1, 2, 3, 0, 0, 0, 0, 0]
        }
        let e = Self.error { try Self.readAll(grown) }
        #expect(e?.kind == .outOfBounds && e?.record == 1, "\(String(describing: e))")
        // An index entry pointing past the records region, with every CRC recomputed.
        var index = reader.index
        index.entries[0].recordOffset = 1 << 40
        let payload = index.payload
        let framed = Archive.RecordHeader.frame(tag: .index, flags: 0, ordinal: UInt32(t.recordCount), stored: payload, rawLength: payload.count)
        let crc = UInt32(framed[32]) | UInt32(framed[33]) << 8 | UInt32(framed[34]) << 16 | UInt32(framed[35]) << 24
        var t2 = t
        t2.indexCRC = crc
        let moved = Array(good[0..<Int(t.indexOffset)]) + framed + t2.bytes
        let oob = Self.error { try Archive.Reader(bytes: moved) }
        #expect(oob?.kind == .outOfBounds && oob?.code == "AK055", "\(String(describing: oob))")
    }

    static func error(_ body: () throws -> Any) -> ArchiveError? {
        do {
            _ = try body()
            return nil
        } catch let e as ArchiveError {
            return e
        } catch {
            return ArchiveError(.io, "untyped: \(error)", path: "?")
        }
    }

    static func kind(_ body: () throws -> Any) -> ArchiveError.Kind? { error(body)?.kind }
}
