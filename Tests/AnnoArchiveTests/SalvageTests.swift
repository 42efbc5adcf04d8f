import AnnoArchive
import AnnoCore
import AnnoTestSupport
import Foundation
import Testing

@Suite struct SalvageTests {
    @Test func salvageRebuildsAnInterruptedWriteByteForByte() throws {
        let dir = FixturePaths.temporaryDirectory("amsk")
        let good = try Archive.encode(ArchiveTestData.small())
        let reader = try Archive.Reader(bytes: good)
        let cut = Array(good[0..<Int(reader.trailer.indexOffset)])
        try Data(cut).write(to: URL(fileURLWithPath: dir + "/cut.amsk"))
        let e = CorruptionTests.error { try Archive.Reader(path: dir + "/cut.amsk") }
        #expect(e?.kind == .missingTrailer && e?.code == "AK058")
        let report = try Archive.verify(path: dir + "/cut.amsk")
        #expect(!report.isValid && report.isSalvageable)
        let salvage = try Archive.salvage(path: dir + "/cut.amsk", to: dir + "/fixed.amsk")
        #expect(salvage.lostAnnotations.isEmpty)
        #expect(try FixturePaths.bytesAbsolute(dir + "/fixed.amsk") == good)
    }

    @Test func salvageAfterACrashMidRecordKeepsEverythingBefore() throws {
        let dir = FixturePaths.temporaryDirectory("amsk")
        let d = ArchiveTestData.small()
        let good = try Archive.encode(d)
        let reader = try Archive.Reader(bytes: good)
        let last = try #require(reader.index.entries.max { $0.recordOrdinal < $1.recordOrdinal })
        let cut = Array(good[0..<(Int(last.recordOffset) + 20)])
        try Data(cut).write(to: URL(fileURLWithPath: dir + "/cut.amsk"))
        let report = try Archive.salvage(path: dir + "/cut.amsk", to: dir + "/fixed.amsk")
        #expect(report.lostAnnotations == [5])
        var expected = d
        expected.annotations[5].segmentation = .none
        #expect(try Archive.read(path: dir + "/fixed.amsk") == expected)
        #expect(try Archive.verify(path: dir + "/fixed.amsk").isValid)
    }

    @Test func verifyNamesADamagedRecordAndSalvageSkipsIt() throws {
        let dir = FixturePaths.temporaryDirectory("amsk")
        var bytes = try Archive.encode(ArchiveTestData.small())
        let reader = try Archive.Reader(bytes: bytes)
        let entry = try #require(reader.index.entry(for: .string("img-2")))
        bytes[Int(entry.recordOffset) + 45] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/bad.amsk"))
        let report = try Archive.verify(path: dir + "/bad.amsk")
        #expect(report.badRecords.contains(entry.recordOrdinal))
        let crc = try #require(report.problems.first { $0.kind == .recordChecksum })
        #expect(crc.record == entry.recordOrdinal && crc.offset == entry.recordOffset && crc.code == "AK053")
        #expect(crc.description.contains("record \(entry.recordOrdinal)"))
        // Other images stay readable through the index.
        let damaged = try Archive.Reader(path: dir + "/bad.amsk")
        #expect(try damaged.masks(forImage: .int(1)).count == 4)
        #expect(CorruptionTests.kind { try damaged.masks(forImage: .string("img-2")) } == .recordChecksum)
        let salvage = try Archive.salvage(path: dir + "/bad.amsk", to: dir + "/fixed.amsk")
        #expect(salvage.lostAnnotations == [3])
        #expect(try Archive.verify(path: dir + "/fixed.amsk").isValid)
    }

    @Test func checksAreDocumented() {
        #expect(Archive.Checks.all.map(\.code) == (50...59).map { "AK0\($0)" })
        #expect(Set(Archive.Checks.all.map(\.name)).count == 10)
        #expect(ArchiveFormat.checks.count == 10)
        for kind in ArchiveError.Kind.allCases where kind != .io {
            #expect(Archive.Checks.descriptor(for: kind) != nil)
        }
    }
}
