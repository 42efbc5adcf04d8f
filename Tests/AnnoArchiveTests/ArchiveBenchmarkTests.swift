import AnnoArchive
import AnnoCOCO
import AnnoCore
import AnnoTestSupport
import Foundation
import Testing

/// The archive benchmark (Benchmarks/archive/run.sh): size, whole-file read and one-image reads against COCO JSON.
/// Runs only when ANNOKIT_BENCH_FILE names a COCO file; run it in release mode.
@Suite struct ArchiveBenchmarkTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Times one read; the result is returned, so freeing it (and the previous run's result) is not timed.
    static func timedRead(_ body: () throws -> Dataset) rethrows -> (Dataset, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] != nil))
    func archiveBenchmark() throws {
        let cocoPath = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] ?? ""
        let out = FixturePaths.temporaryDirectory("amsk-bench") + "/bench.amsk"
        var dataset = Dataset()
        var cocoBest = Double.infinity, amskBest = Double.infinity
        for _ in 0..<5 {
            var diagnostics = Diagnostics()
            let (read, time) = try Self.timedRead { try COCOFormat.read(at: cocoPath, options: ReadOptions(), diagnostics: &diagnostics) }
            cocoBest = min(cocoBest, time)
            dataset = read
        }
        let writeTime = try Self.seconds { try Archive.write(dataset, to: out) }
        var back = Dataset()
        for _ in 0..<5 {
            let (read, time) = try Self.timedRead { try Archive.read(path: out) }
            amskBest = min(amskBest, time)
            back = read
        }
        #expect(back == dataset)
        let cocoSize = try FileManager.default.attributesOfItem(atPath: cocoPath)[.size] as? Int ?? 0
        let amskSize = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? 0
        var openTime = 0.0
        var reader: Archive.Reader?
        openTime = try Self.seconds { reader = try Archive.Reader(path: out) }
        let r = try #require(reader)
        var rng = SplitMix64(seed: 42)
        let keys = r.imageKeys
        let picks = (0..<1000).map { _ in keys[Int(rng.next() % UInt64(keys.count))] }
        var masks = 0
        let lookup = try Self.seconds { for k in picks { masks += try r.masks(forImage: k).count } }
        let ratio = Double(amskSize) / Double(cocoSize)
        let speedup = cocoBest / amskBest
        print("""
        archive benchmark on \(cocoPath): \(dataset.images.count) images, \(dataset.annotations.count) annotations, \(r.index.masks.count) stored masks
          size: COCO JSON \(cocoSize) B, amsk \(amskSize) B, ratio \(String(format: "%.3f", ratio)) (target <= 0.6)
          read whole file into the IR (best of 5): COCO \(String(format: "%.1f", cocoBest * 1000)) ms, amsk \(String(format: "%.1f", amskBest * 1000)) ms, speed-up \(String(format: "%.2f", speedup))x (target >= 3)
          write amsk: \(String(format: "%.1f", writeTime * 1000)) ms; open (header+trailer+index): \(String(format: "%.2f", openTime * 1000)) ms
          one random image's masks (1000 images, \(masks) masks): \(String(format: "%.1f", lookup / 1000 * 1e6)) us per image (target well under 1000 us)
        """)
        #expect(ratio <= 0.6)
        #expect(speedup >= 3)
        #expect(lookup / 1000 < 0.001)
    }
}
