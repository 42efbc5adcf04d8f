@testable import AnnoArchive
import AnnoCore
import AnnoJSON
import AnnoTestSupport
import Foundation
import Testing

/// The version-1.1 layout: a multi-part `META` record and RLE-sourced masks first in (two-part) `MASK` records.
@Suite struct MultiPartTests {
    /// Encodes with a small `META` part size, so even small datasets get the multi-part layout.
    static func encode(_ d: Dataset, metaPartBytes: Int) throws -> [UInt8] {
        let writer = Archive.Writer(metaPartBytes: metaPartBytes)
        try writer.write(d)
        try writer.finish()
        return writer.bytes
    }

    static func loadedMeta(_ bytes: [UInt8]) throws -> RecordIO.Loaded {
        let source = MemorySource(bytes, path: "t")
        return try RecordIO.read(source, at: 64, limit: UInt64(bytes.count), expectedOrdinal: 0, path: "t", maxPayloadBytes: 1 << 30)
    }

    /// Replaces record 0 (same length) and reframes it with fresh CRCs; index and trailer stay valid.
    static func replacingMeta(_ bytes: [UInt8], stored: [UInt8]) throws -> [UInt8] {
        let meta = try loadedMeta(bytes)
        let framed = Archive.RecordHeader.frame(tag: .meta, flags: meta.header.flags, ordinal: 0, stored: stored, rawLength: Int(meta.header.rawLength))
        #expect(UInt64(framed.count) == meta.header.totalLength)
        return Array(bytes[0..<64]) + framed + Array(bytes[(64 + framed.count)...])
    }

    static func storedMeta(_ bytes: [UInt8]) throws -> [UInt8] {
        let h = try loadedMeta(bytes).header
        return Array(bytes[104..<(104 + Int(h.storedLength))])
    }

    @Test func smallDatasetsKeepTheVersion10Layout() throws {
        let bytes = try Archive.encode(ArchiveTestData.small())
        let reader = try Archive.Reader(bytes: bytes)
        #expect(reader.header == .current)
        #expect(reader.header.minor == 0 && reader.header.minReaderMinor == 0 && !reader.header.hasMultiPartRecords)
        #expect(try Self.loadedMeta(bytes).header.flags == Archive.RecordHeader.compressed)
    }

    @Test func multiPartFilesRoundTripAndJoinToTheVersion10Block() throws {
        let d = ArchiveTestData.small()
        let bytes = try Self.encode(d, metaPartBytes: 64)
        let reader = try Archive.Reader(bytes: bytes)
        #expect(reader.header == .multiPart)
        #expect(reader.header.minor == 1 && reader.header.minReaderMinor == 1)
        #expect(reader.header.requiredFeatures == Archive.Feature.zlibPayloads | Archive.Feature.multiPartRecords)
        #expect(try reader.readDataset() == d)
        #expect(try Archive.verify(bytes: bytes).isValid)
        // Deterministic: the same dataset and part size give the same bytes.
        #expect(try Self.encode(d, metaPartBytes: 64) == bytes)
        // The parts, joined, are exactly the version-1.0 META payload.
        let meta = try Self.loadedMeta(bytes)
        #expect(meta.header.flags == Archive.RecordHeader.multiPart)
        let parts = try #require(meta.parts)
        #expect(parts.count >= 4)
        #expect(parts.map(\.annotationCount).reduce(0, +) == d.annotations.count)
        let kinds = d.annotations.map { Archive.Writer.kind(of: $0.segmentation) }
        #expect(meta.payload == MetadataCodec.encode(d, kinds: kinds))
        let single = try Self.loadedMeta(try Archive.encode(d))
        #expect(meta.payload == single.payload)
        // Masks come back by annotation index although the record stores RLE-sourced masks first.
        let image1 = try reader.masks(forImage: .int(1))
        #expect(image1.map(\.annotationIndex) == [0, 1, 2, 8])
        #expect(image1.map(\.source) == [.polygons, .rle, .polygons, .compressedRLE])
    }

    @Test func maskRecordsWithBothSourcesAreTwoPart() throws {
        let bytes = try Self.encode(ArchiveTestData.small(), metaPartBytes: 64)
        let reader = try Archive.Reader(bytes: bytes)
        let entry = try #require(reader.index.entry(for: .int(1)))
        let loaded = try RecordIO.read(reader.source, at: entry.recordOffset, limit: entry.recordOffset + entry.recordLength, expectedOrdinal: entry.recordOrdinal, path: "t", maxPayloadBytes: 1 << 20)
        #expect(loaded.header.isMultiPart)
        let parts = try #require(loaded.parts)
        #expect(parts.map(\.annotationCount) == [2, 2])
        // The record order (and the index statistics) put annotations 1 and 8 (RLE) before 0 and 2 (polygons).
        let stats = reader.index.masks[entry.firstMask..<(entry.firstMask + entry.maskCount)]
        #expect(stats.map(\.annotationIndex) == [1, 8, 0, 2])
        // Image img-2 has only RLE-sourced masks: a single zlib stream, as in version 1.0.
        let rleOnly = try #require(reader.index.entry(for: .string("img-2")))
        let single = try RecordIO.read(reader.source, at: rleOnly.recordOffset, limit: rleOnly.recordOffset + rleOnly.recordLength, expectedOrdinal: rleOnly.recordOrdinal, path: "t", maxPayloadBytes: 1 << 20)
        #expect(single.header.flags == Archive.RecordHeader.compressed)
        #expect(single.parts == nil)
    }

    @Test func largeDatasetsSplitByRawSizeStoringIncompressibleParts() throws {
        let d = ArchiveTestData.synthetic(images: 400, seed: 5)
        let bytes = try Self.encode(d, metaPartBytes: 4096)
        #expect(try Archive.Reader(bytes: bytes).readDataset() == d)
        let parts = try #require(try Self.loadedMeta(bytes).parts)
        // Every part but the last starts a new part after at least 4096 raw bytes, at an annotation start.
        #expect(parts.count >= 3)
        for p in parts.dropLast() { #expect(p.rawLength >= 4096) }
        // A part is deflated exactly when that saves at least a fifth of it (the head part, with repetitive image
        // names, always does); stored parts keep their raw bytes.
        #expect(parts[0].compressed)
        for p in parts {
            if p.compressed {
                #expect(p.stored.count * 5 <= p.rawLength * 4)
            } else {
                #expect(p.stored.count == p.rawLength)
            }
        }
        let fixture = try #require(try Self.loadedMeta(try CorruptionTests.multiPartFixture()).parts)
        #expect(fixture.map(\.compressed) == [true, false, false, true])
        #expect(try Archive.encode(d) != bytes)
        #expect(try Archive.Reader(bytes: try Archive.encode(d)).readDataset() == d)
    }

    /// With the default 1 MiB part size a block over 1 MiB gets the 1.1 layout, and salvaging a copy whose
    /// trailer and index were never written rebuilds it byte for byte; `show` still finds one image's masks.
    @Test func defaultWriterSplitsLargeBlocksAndSalvageRebuildsThem() throws {
        var d = ArchiveTestData.multiPart()
        let filler = String(repeating: "long free-text note that makes the metadata block pass one mebibyte ", count: 1600)
        for i in d.annotations.indices { d.annotations[i].description = "\(i): " + filler }
        let good = try Archive.encode(d)
        let reader = try Archive.Reader(bytes: good)
        #expect(reader.header == .multiPart)
        #expect(try #require(try Self.loadedMeta(good).parts).count >= 2)
        #expect(try reader.readDataset() == d)
        let dir = FixturePaths.temporaryDirectory("amsk-mp")
        try Data(good[0..<Int(reader.trailer.indexOffset)]).write(to: URL(fileURLWithPath: dir + "/cut.amsk"))
        let report = try Archive.salvage(path: dir + "/cut.amsk", to: dir + "/fixed.amsk")
        #expect(report.lostAnnotations.isEmpty)
        #expect(try FixturePaths.bytesAbsolute(dir + "/fixed.amsk") == good)
        let shown = try Archive.show(path: dir + "/fixed.amsk", imageID: .int(4))
        #expect(shown.annotations.map(\.index) == [9, 10])
        // The polygon (annotation 10, palette 2) is painted over the stripes (annotation 9, palette 1).
        #expect(Set(shown.indexMap) == [0, 1, 2])
        #expect(try Archive.Reader(path: dir + "/fixed.amsk").masks(forImage: .int(4)).map(\.annotationIndex) == [9, 10])
    }

    /// An older (1.0) reader refuses a 1.1 file by the version rules: its minimum reader version comes first
    /// (AK051 at byte 20); a reader that passed that but did not know the feature bit refuses it at byte 12.
    @Test func olderReadersRefuseTheVersion11Layout() throws {
        let head = Array(try Self.encode(ArchiveTestData.small(), metaPartBytes: 64)[0..<64])
        let old = CorruptionTests.error { try Archive.Header.parse(head, path: "t", reader: (1, 0), knownRequired: Archive.Feature.zlibPayloads) }
        #expect(old?.kind == .unsupportedVersion && old?.code == "AK051" && old?.offset == 20, "\(String(describing: old))")
        let unknownBit = CorruptionTests.error { try Archive.Header.parse(head, path: "t", reader: (1, 1), knownRequired: Archive.Feature.zlibPayloads) }
        #expect(unknownBit?.kind == .unsupportedVersion && unknownBit?.offset == 12, "\(String(describing: unknownBit))")
        // This reader accepts it, and still refuses a required bit it does not know.
        #expect(try Archive.Header.parse(head, path: "t") == .multiPart)
        var future = Archive.Header.multiPart
        future.requiredFeatures |= 1 << 2
        #expect(CorruptionTests.kind { try Archive.Reader(bytes: future.bytes) } == .unsupportedVersion)
    }

    @Test func multiPartRecordsNeedTheFeatureBit() throws {
        let bytes = try Self.encode(ArchiveTestData.small(), metaPartBytes: 64)
        let downgraded = Archive.Header.current.bytes + bytes[64...]
        let e = CorruptionTests.error { try Archive.Reader(bytes: downgraded).readDataset() }
        #expect(e?.kind == .malformedRecord && e?.record == 0, "\(String(describing: e))")
        #expect(!Archive.verify(bytes: downgraded).isValid)
    }

    /// Reading the IR inflates only the first part of a two-part `MASK` record: damage inside the polygon
    /// part's zlib stream (with CRCs recomputed) does not stop `readDataset`, but `verify` and `masks(forImage:)` find it.
    @Test func theIRReadSkipsThePolygonPart() throws {
        let good = try CorruptionTests.multiPartFixture()
        let reader = try Archive.Reader(bytes: good)
        let entry = try #require(reader.index.entry(for: .int(4)))
        let framed = try RecordIO.frame(reader.source, at: entry.recordOffset, limit: entry.recordOffset + entry.recordLength, expectedOrdinal: entry.recordOrdinal, path: "t")
        let parts = try RecordIO.partTable(framed, path: "t", maxPayloadBytes: 1 << 20)
        #expect(parts.count == 2 && parts[1].compressed)
        var stored = Array(framed.body[0..<framed.storedLength])
        stored[parts[1].stored.lowerBound + 2] ^= 0xFF
        let reframed = Archive.RecordHeader.frame(tag: .mask, flags: framed.header.flags, ordinal: UInt32(entry.recordOrdinal), stored: stored, rawLength: Int(framed.header.rawLength))
        let start = Int(entry.recordOffset)
        let damaged = Array(good[0..<start]) + reframed + Array(good[(start + reframed.count)...])
        #expect(try Archive.Reader(bytes: damaged).readDataset() == ArchiveTestData.multiPart())
        #expect(!Archive.verify(bytes: damaged).isValid)
        #expect(CorruptionTests.error { try Archive.Reader(bytes: damaged).masks(forImage: .int(4)) }?.record == entry.recordOrdinal)
    }

    @Test func inconsistentPartTablesAreTypedErrors() throws {
        let bytes = try Self.encode(ArchiveTestData.small(), metaPartBytes: 64)
        let stored = try Self.storedMeta(bytes)
        // Move one annotation from part 1 to part 0 in the table: the parts no longer end where they say.
        var shifted = stored
        shifted[4 + 4] &+= 1
        shifted[4 + 24 + 4] &-= 1
        let damaged = try Self.replacingMeta(bytes, stored: shifted)
        let e = CorruptionTests.error { try Archive.Reader(bytes: damaged).readDataset() }
        #expect(e?.kind == .malformedRecord && e?.record == 0, "\(String(describing: e))")
        #expect(!Archive.verify(bytes: damaged).isValid)
        // A part count past the table's room, and a stored part whose raw length differs.
        var count = stored
        count[0] = 0xFF
        #expect(CorruptionTests.kind { try Archive.Reader(bytes: try Self.replacingMeta(bytes, stored: count)).readDataset() } == .malformedRecord)
        let parts = try #require(try Self.loadedMeta(bytes).parts)
        let storedPart = try #require(parts.firstIndex { !$0.compressed })
        var raw = stored
        raw[4 + 24 * storedPart + 16] &+= 1
        #expect(CorruptionTests.kind { try Archive.Reader(bytes: try Self.replacingMeta(bytes, stored: raw)).readDataset() } == .malformedRecord)
    }

    /// The fast decimal path gives exactly `Double(literal)` for literals with 16 to 18 digits.
    @Test func longDecimalsRoundLikeTheTextParser() {
        var rng = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<20_000 {
            let digits = 16 + Int(rng.next() % 3)
            var m: UInt64 = 1 + rng.next() % 9
            for _ in 1..<digits { m = m * 10 + rng.next() % 10 }
            guard m >= 1 << 53 else { continue }
            let d = 1 + Int(rng.next() % UInt64(digits))
            let literal = MetadataCodec.decimalLiteral(false, m, d)
            let fast = MetadataCodec.roundedQuotient(m, d)
            #expect(fast?.bitPattern == Double(literal)?.bitPattern, "\(literal)")
            checked += 1
        }
        // 2^53 + 1 is exactly halfway between two doubles: it rounds to even (2^53).
        #expect(MetadataCodec.roundedQuotient(9_007_199_254_740_993_0, 1) == 9_007_199_254_740_992)
        #expect(MetadataCodec.roundedQuotient(9_007_199_254_740_995_0, 1) == 9_007_199_254_740_996)
        #expect(MetadataCodec.roundedQuotient(9_007_199_254_740_993, 1)?.bitPattern == Double("900719925474099.3")?.bitPattern)
        #expect(checked > 10_000)
    }

    /// The decimal writer gives the digits, point and sign a plain text construction gives.
    @Test func decimalLiteralsMatchATextConstruction() {
        var rng = SplitMix64(seed: 5)
        func reference(_ negative: Bool, _ m: UInt64, _ d: Int) -> String {
            var digits = String(m)
            while digits.count < d + 1 { digits = "0" + digits }
            if d > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d)) }
            return (negative ? "-" : "") + digits
        }
        for k in 0..<20_000 {
            let m = k < 200 ? UInt64(k) : rng.next() >> (rng.next() % 64)
            let d = Int(rng.next() % 23)
            let negative = rng.next() & 1 == 1
            #expect(MetadataCodec.decimalLiteral(negative, m, d) == reference(negative, m, d), "\(m) \(d)")
        }
        #expect(MetadataCodec.decimalLiteral(true, UInt64(1) << 63, 0) == "-9223372036854775808")
        #expect(MetadataCodec.decimalLiteral(false, 5, 2) == "0.05")
    }

    /// A string length that fits before its varint is read but not after it is an error, not a read past the end
    /// (META parts are decoded while their CRC is still being checked, so decoders see damaged bytes).
    @Test func stringLengthsAreCheckedAfterTheirVarint() {
        for bytes: [UInt8] in [[3, 0x61, 0x62], [0x82, 0x00], [2, 0x61]] {
            let e: PayloadError? = bytes.withUnsafeBytes { buf in
                var r = ByteReader(buf)
                do throws(PayloadError) {
                    _ = try r.string()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(e?.position == 0, "\(bytes)")
        }
        let ok: String? = [UInt8]([2, 0x61, 0x62]).withUnsafeBytes { buf in
            var r = ByteReader(buf)
            return try? r.string()
        }
        #expect(ok == "ab")
    }

    /// The eight-bytes-at-a-time run skipper stops where the byte loop stops and reports the same errors.
    @Test func skippingRunsMatchesTheByteLoop() {
        func reference(_ bytes: [UInt8], _ n: Int) -> Result<Int, PayloadError> {
            bytes.withUnsafeBytes { buf in
                var r = ByteReader(buf)
                for _ in 0..<n {
                    do throws(PayloadError) { _ = try r.varintSlow() } catch { return .failure(error) }
                }
                return .success(r.position)
            }
        }
        func fast(_ bytes: [UInt8], _ n: Int) -> Result<Int, PayloadError> {
            bytes.withUnsafeBytes { buf in
                var r = ByteReader(buf)
                do throws(PayloadError) { try r.skipRuns(n) } catch { return .failure(error) }
                return .success(r.position)
            }
        }
        var rng = SplitMix64(seed: 3)
        for trial in 0..<3000 {
            var w = ByteWriter()
            let count = Int(rng.next() % 40)
            for _ in 0..<count {
                switch rng.next() % 5 {
                case 0: w.varint(rng.next())
                case 1: w.varint(rng.next() % 300)
                default: w.varint(rng.next() % 100)
                }
            }
            var bytes = w.bytes
            if trial % 3 == 0, !bytes.isEmpty {
                // Damage: a run of continuation bytes (too-long varints) or a truncation.
                let at = Int(rng.next() % UInt64(bytes.count))
                if trial % 2 == 0 {
                    for k in at..<min(bytes.count, at + 11) { bytes[k] |= 0x80 }
                } else {
                    bytes = Array(bytes[0..<at])
                }
            }
            let n = trial % 7 == 0 ? count + 1 : count
            let a = reference(bytes, n), b = fast(bytes, n)
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(x == y, "trial \(trial)")
            case (.failure(let x), .failure(let y)): #expect(x.position == y.position, "trial \(trial): \(x) vs \(y)")
            default: Issue.record("trial \(trial): \(a) vs \(b)")
            }
        }
    }
}
