import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// Seeded mutations of real COCO files go through the reader, every lint rule, both writers and the mask
/// transcoder: each either reads (tolerantly) or fails with a typed, located error. A trap would crash the run.
@Suite struct MutationSmokeTests {
    static let seeds = ["coco/real/datumaro/coco_instances_instances_val.json", "coco/real/sahi/terrain2_coco.json",
                        "coco/real/datumaro/segment_anything_dataset_a.json", "coco/real/datumaro/coco_stuff_stuff_val.json",
                        "lint/planted.json"]

    /// Replacement bytes that tend to reach deep code paths: digits, signs, exponents, brackets, quotes.
    static let alphabet = Array("0123456789-+.eE[]{}\",:nulltruefalse ~o`\\".utf8) + [0x00, 0xC3, 0xFF]

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !b.isEmpty else { break }
            let i = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: b[i] = alphabet.randomElement(using: &rng) ?? 0
            case 1: b.remove(at: i)
            case 2: b.insert(alphabet.randomElement(using: &rng) ?? 0, at: i)
            case 3: b.removeSubrange(i..<b.count)
            default:
                // Replace a number with an extreme one.
                let extremes = ["1e309", "-1e309", "99999999999999999999", "-0", "0.0000001", "1E5", "4294967296", "-1"]
                let text = Array((extremes.randomElement(using: &rng) ?? "0").utf8)
                if b[i] &- 0x30 < 10 {
                    var j = i
                    while j < b.count, b[j] &- 0x30 < 10 || b[j] == UInt8(ascii: ".") { j += 1 }
                    b.replaceSubrange(i..<j, with: text)
                }
            }
        }
        return b
    }

    @Test(arguments: Array(0..<seeds.count))
    func mutatedFilesNeverTrap(_ seedIndex: Int) throws {
        let original = try FixturePaths.bytes(Self.seeds[seedIndex])
        var rng = SplitMix64(state: UInt64(seedIndex) &* 7919 &+ 1)
        var read = 0, rejected = 0, streamed = 0
        let folder = FixturePaths.temporaryDirectory("mutants")
        for k in 0..<400 {
            let bytes = Self.mutate(original, &rng)
            var d = Diagnostics()
            // Every eighth mutant also goes through the streaming lint, which must give the same report.
            let path = k % 8 == 0 ? folder + "/mutant-\(seedIndex)-\(k).json" : "mutant.json"
            do {
                let dataset = try COCO.Reader.read(bytes: bytes, file: path, diagnostics: &d)
                read += 1
                let report = try Linter().run(
                    on: dataset, path: path, format: "coco", extraChecks: COCOFormat.checks, readerDiagnostics: d.items)
                _ = Reporters.all.map { $0.render(report) }
                if k % 8 == 0 {
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                    #expect(try AnnoKitIO.lint(path, with: Linter(), format: "coco") == report, "mutant \(k) of \(Self.seeds[seedIndex])")
                    streamed += 1
                }
                var losses = Diagnostics()
                let rle = COCO.MaskTranscoder.transcode(dataset, to: .rle, diagnostics: &losses)
                _ = COCO.MaskTranscoder.transcode(dataset, to: .polygon, diagnostics: &losses)
                _ = COCO.Writer.encode(rle)
                _ = try Archive.encode(dataset)
            } catch let e as DatasetError {
                rejected += 1
                #expect(e.location != nil, "\(e)")
                #expect(e.category != .internal, "\(e)")
            } catch let e as ArchiveError {
                #expect(e.category != .internal, "\(e)")
            }
        }
        #expect(read + rejected == 400)
        #expect(streamed >= 10, "enough mutants were also linted while streaming")
    }
}
