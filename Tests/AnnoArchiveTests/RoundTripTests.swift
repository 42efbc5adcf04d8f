import AnnoArchive
import AnnoCOCO
import AnnoCore
import AnnoTestSupport
import Foundation
import Testing

@Suite struct RoundTripTests {
    @Test func irRoundTripIsLosslessAndBytesAreStable() throws {
        let d = ArchiveTestData.small()
        let bytes = try Archive.encode(d)
        let back = try Archive.Reader(bytes: bytes).readDataset()
        #expect(back == d)
        #expect(back.sectionOrder == d.sectionOrder)
        // amsk -> amsk: identical bytes, and the same dataset twice gives the same bytes.
        #expect(try Archive.encode(back) == bytes)
        #expect(try Archive.encode(d) == bytes)
        #expect(bytes.count % 8 == 0)
        #expect(Array(bytes[0..<8]) == Archive.magic)
    }

    @Test func syntheticDatasetsRoundTrip() throws {
        for seed in 0..<4 as Range<UInt64> {
            let d = ArchiveTestData.synthetic(images: 40, seed: seed)
            let bytes = try Archive.encode(d)
            let back = try Archive.Reader(bytes: bytes).readDataset()
            #expect(back == d)
            #expect(try Archive.encode(back) == bytes)
        }
    }

    @Test func fileWriteIsAtomicAndReadable() throws {
        let dir = FixturePaths.temporaryDirectory("amsk")
        let path = dir + "/out.amsk"
        let d = ArchiveTestData.small()
        try Archive.write(d, to: path)
        #expect(try Archive.read(path: path) == d)
        #expect(ArchiveFormat.detect(at: path) == .high)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "out.amsk" }
        #expect(leftovers.isEmpty)
        var diagnostics = Diagnostics()
        try ArchiveFormat.write(d, to: path, options: WriteOptions(), diagnostics: &diagnostics)
        #expect(try ArchiveFormat.read(at: path, options: ReadOptions(), diagnostics: &diagnostics) == d)
        #expect(diagnostics.items.isEmpty)
        #expect(throws: ArchiveError.self) { try Archive.write(d, to: dir + "/missing-folder/out.amsk") }
    }

    @Test func masksForOneImageAreRandomAccess() throws {
        let d = ArchiveTestData.small()
        let reader = try Archive.Reader(bytes: try Archive.encode(d))
        let masks = try reader.masks(forImage: .int(1))
        #expect(masks.map(\.annotationIndex) == [0, 1, 2, 8])
        #expect(masks.map(\.source) == [.polygons, .rle, .polygons, .compressedRLE])
        guard case .rle(let r) = d.annotations[1].segmentation, case .uncompressed(let c) = r.counts else { Issue.record("fixture"); return }
        #expect(masks[1].counts == c)
        #expect(masks[1].area == 11)
        #expect(masks[1].bbox == [1, 1, 7, 4])
        #expect(masks[1].categoryOrdinal == 1)
        // The polygon's rasterisation (pycocotools-exact, by AnnoMask) lies inside the polygon's box.
        #expect(masks[0].area > 0 && masks[0].bbox[0] >= 1 && masks[0].bbox[0] + masks[0].bbox[2] <= 5)
        #expect(try reader.masks(forImage: .string("img-2")).map(\.annotationIndex) == [3])
        #expect(try reader.masks(forImage: .int(999)).map(\.annotationIndex) == [5])
        #expect(try reader.masks(forImage: .int(42)).isEmpty)
        #expect(try reader.rles(forImage: .int(1)).count == 4)
        #expect(reader.index.masks.count == 6)
        var iterator = reader.makeImageIterator()
        var keys: [ID] = []
        while let image = try iterator.next() { keys.append(image.key) }
        #expect(keys == [.int(1), .string("img-2"), .int(999)])
    }

    @Test func vocStyleMasksArePixelExact() throws {
        var rng = SplitMix64(seed: 7)
        var d = Dataset(images: [Image(id: .string("2007_000032"), fileName: "2007_000032.jpg", width: 37, height: 23)], categories: [Category(id: .int(1), name: "aeroplane")])
        var grids: [[[UInt8]]] = []
        for k in 0..<5 {
            var grid = [[UInt8]](repeating: [UInt8](repeating: 0, count: 37), count: 23)
            for y in 0..<23 { for x in 0..<37 where rng.next() % 3 == 0 { grid[y][x] = 1 } }
            grids.append(grid)
            d.annotations.append(Annotation(id: .int(k + 1), imageID: .string("2007_000032"), categoryID: .int(1), segmentation: .rle(RLEData(height: 23, width: 37, counts: .uncompressed(ArchiveTestData.counts(grid))))))
        }
        let reader = try Archive.Reader(bytes: try Archive.encode(d))
        #expect(try reader.readDataset() == d)
        for m in try reader.masks(forImage: .string("2007_000032")) {
            #expect(ArchiveTestData.pixels(m.counts, height: 23, width: 37) == grids[m.annotationIndex])
        }
    }

    @Test func showPaintsInstancesInAnnotationOrder() throws {
        let dir = FixturePaths.temporaryDirectory("amsk")
        let path = dir + "/s.amsk"
        try Archive.write(ArchiveTestData.small(), to: path)
        let shown = try Archive.show(path: path, imageID: .int(1))
        #expect(shown.annotations.map(\.index) == [0, 1, 2, 8])
        #expect(shown.width == 8 && shown.height == 6 && shown.indexMap.count == 48)
        // Pixel (x 6, y 3) is only in the blob, the 2nd annotation of the image.
        #expect(shown.indexMap[3 * 8 + 6] == 2)
        #expect(shown.indexMap[0] == 0)
        #expect(throws: ArchiveError.self) { try Archive.show(path: path, imageID: .int(12345)) }
    }

    /// COCO -> amsk -> COCO gives value-equal COCO for every real COCO fixture the COCO reader accepts.
    @Test func cocoFixturesRoundTrip() throws {
        let root = FixturePaths.path("coco/real")
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 10)
        var checked = 0
        for file in files {
            let bytes = try FixturePaths.bytes("coco/real/" + file)
            var diagnostics = Diagnostics()
            guard let d = try? COCO.Reader.read(bytes: bytes, file: file, diagnostics: &diagnostics) else { continue }
            let archived = try Archive.encode(d)
            let back = try Archive.Reader(bytes: archived, name: file).readDataset()
            #expect(back == d, "\(file)")
            #expect(COCO.Writer.encode(back) == COCO.Writer.encode(d), "\(file)")
            #expect(try Archive.encode(back) == archived, "\(file)")
            checked += 1
        }
        #expect(checked > 10)
    }

    /// The 5k gen_coco.py file (set ANNOKIT_BENCH_FILE) round-trips value-equal.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] != nil))
    func benchFileRoundTrips() throws {
        let path = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] ?? ""
        var diagnostics = Diagnostics()
        let d = try COCOFormat.read(at: path, options: ReadOptions(), diagnostics: &diagnostics)
        let out = FixturePaths.temporaryDirectory("amsk") + "/bench.amsk"
        try Archive.write(d, to: out)
        let back = try Archive.read(path: out)
        #expect(back == d)
        #expect(COCO.Writer.encode(back) == COCO.Writer.encode(d))
        #expect(try Archive.encode(back) == (try FixturePaths.bytesAbsolute(out)))
    }
}

extension FixturePaths {
    static func bytesAbsolute(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
}
