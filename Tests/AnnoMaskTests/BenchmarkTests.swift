import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import AnnoMask

/// The mask benchmark driver (Benchmarks/mask/run.sh). Skipped unless ANNOKIT_BENCH_FILE names a COCO file.
///
/// Loading the JSON is excluded from the timings. Prints `key=value` lines on standard output.
@Test(.enabled(if: ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"] != nil))
func benchmark() throws {
    let path = try #require(ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"])
    let reps = Int(ProcessInfo.processInfo.environment["ANNOKIT_BENCH_REPS"] ?? "") ?? 3
    let work = try MaskWorkload(path: path)
    print("annotations=\(work.items.count)")
    if ProcessInfo.processInfo.environment["ANNOKIT_BENCH_ONLY"] == "toggles" {
        // Profiling aid: the toggle generation alone, then toggles plus counts.
        var total = 0
        let t1 = best(reps) { total = work.togglesOnly(withCounts: false) }
        let t2 = best(reps) { total = work.togglesOnly(withCounts: true) }
        print("toggles=\(total) toggles_only_s=\(t1) toggles_counts_s=\(t2)")
        return
    }
    if ProcessInfo.processInfo.environment["ANNOKIT_BENCH_ONLY"] == "polygons" {
        // For `perf stat` cycle counts of the rasteriser alone: run it `reps` times and stop.
        var runs = 0
        let t = best(reps) { runs = work.polygonsOnly(0..<work.items.count) }
        print("polygon_runs=\(runs)")
        print("annokit_polygons_only_s=\(t)")
        return
    }
    print("polygon_annotations=\(work.polygonCount)")

    // polygon / RLE → compressed RLE, as pycocotools' annToRLE (which returns the compressed string).
    var strings = [String](repeating: "", count: work.items.count)
    let toRLE1Times = bestTimes(reps) { strings = work.toRLE(0..<work.items.count) }
    let toRLE1 = toRLE1Times.wall
    let toRLE2 = best(reps) { strings = work.parallel { work.toRLE($0) }.flatMap { $0 } }
    var polygonRuns = 0
    let polygons1 = best(reps) { polygonRuns = work.polygonsOnly(0..<work.items.count) }
    print("polygon_runs=\(polygonRuns)")
    #expect(strings.count == work.items.count)

    // compressed RLE → full H×W bitmap, as pycocotools' decode.
    let sizes = work.items.map(\.size)
    let encoded = strings
    var checksum = 0
    let decode1Times = bestTimes(reps) { checksum = MaskWorkload.decode(encoded, sizes, 0..<encoded.count) }
    let decode1 = decode1Times.wall
    let decode2 = best(reps) {
        checksum = work.parallel { MaskWorkload.decode(encoded, sizes, $0) }.reduce(0, +)
    }
    #expect(checksum > 0)
    print("annokit_to_rle_s=\(toRLE1)")
    print("annokit_to_rle_cpu_s=\(toRLE1Times.cpu)")
    print("annokit_to_rle_2core_s=\(toRLE2)")
    print("annokit_polygons_only_s=\(polygons1)")
    print("annokit_decode_s=\(decode1)")
    print("annokit_decode_cpu_s=\(decode1Times.cpu)")
    print("annokit_decode_2core_s=\(decode2)")
    print("decode_checksum=\(checksum)")
}

/// Best wall time over `reps` runs, in seconds.
private func best(_ reps: Int, _ body: () -> Void) -> Double {
    bestTimes(reps, body).wall
}

/// Best wall time and best CPU time of the calling thread over `reps` runs, in seconds.
///
/// On a shared, loaded machine the CPU time is the steadier figure for single-threaded work.
private func bestTimes(_ reps: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
    var walls = [Double](), cpus = [Double]()
    for _ in 0..<max(1, reps) {
        let c0 = threadCPUSeconds()
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        walls.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        cpus.append(threadCPUSeconds() - c0)
    }
    let round = { (x: Double) in (x * 10_000).rounded() / 10_000 }
    return (round(walls.min() ?? 0), round(cpus.min() ?? 0))
}

/// CPU time used so far by the calling thread.
private func threadCPUSeconds() -> Double {
    #if canImport(Glibc)
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    #else
    return 0
    #endif
}

/// Every annotation's segmentation and image size, parsed out of a COCO instances file.
struct MaskWorkload: @unchecked Sendable {
    enum Segmentation {
        case polygons([[Double]])
        case counts([Int])
        case compressed(String)
    }

    struct Item {
        var size: MaskSize
        var segmentation: Segmentation
    }

    var items: [Item] = []
    var polygonCount = 0

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var sizes = [Int: MaskSize]()
        for image in try #require(root["images"] as? [[String: Any]]) {
            if let id = image["id"] as? Int, let h = image["height"] as? Int, let w = image["width"] as? Int {
                sizes[id] = MaskSize(height: h, width: w)
            }
        }
        for a in try #require(root["annotations"] as? [[String: Any]]) {
            guard let id = a["image_id"] as? Int, let size = sizes[id] else { continue }
            if let parts = a["segmentation"] as? [[Any]] {
                let polys = parts.map { $0.compactMap { ($0 as? NSNumber)?.doubleValue } }
                items.append(Item(size: size, segmentation: .polygons(polys)))
                polygonCount += 1
            } else if let rle = a["segmentation"] as? [String: Any] {
                if let s = rle["counts"] as? String {
                    items.append(Item(size: size, segmentation: .compressed(s)))
                } else if let c = rle["counts"] as? [Any] {
                    items.append(Item(size: size, segmentation: .counts(c.compactMap { ($0 as? NSNumber)?.intValue })))
                }
            }
        }
    }

    /// Compressed counts of every item in `range`.
    func toRLE(_ range: Range<Int>) -> [String] {
        var out = [String]()
        out.reserveCapacity(range.count)
        // Read through a buffer pointer so that two threads never retain the shared array buffer.
        items.withUnsafeBufferPointer { items in
            for i in range {
                let item = items[i]
                let rle: RLE?
                switch item.segmentation {
                case .polygons(let p): rle = try? RLE(polygons: p, size: item.size)
                case .counts(let c): rle = try? RLE(size: item.size, counts: c)
                case .compressed(let s): rle = try? RLE(compressedCounts: s, size: item.size)
                }
                out.append(rle?.compressedCounts ?? "")
            }
        }
        return out
    }

    /// Polygon rasterisation alone (no string output), for profiling.
    func polygonsOnly(_ range: Range<Int>) -> Int {
        var runs = 0
        for i in range {
            if case .polygons(let p) = items[i].segmentation, let r = try? RLE(polygons: p, size: items[i].size) {
                runs += r.counts.count
            }
        }
        return runs
    }

    /// Toggle generation (and optionally counts) for every polygon part, skipping validation and unions.
    func togglesOnly(withCounts: Bool) -> Int {
        var total = 0
        for item in items {
            guard case .polygons(let parts) = item.segmentation else { continue }
            for p in parts {
                var points = p.withUnsafeBufferPointer { PolygonRasterizer.toggles($0, height: item.size.height, width: item.size.width) }
                total += points.count
                if withCounts {
                    total += PolygonRasterizer.counts(fromToggles: &points, height: item.size.height, pixels: item.size.height * item.size.width).count
                }
            }
        }
        return total
    }

    /// Decodes every string in `range` to a full bitmap; returns a checksum so the work is not optimised away.
    static func decode(_ strings: [String], _ sizes: [MaskSize], _ range: Range<Int>) -> Int {
        var sum = 0
        strings.withUnsafeBufferPointer { strings in
            sizes.withUnsafeBufferPointer { sizes in
                for i in range {
                    guard let rle = try? RLE(compressedCounts: strings[i], size: sizes[i]) else { continue }
                    let bits = rle.decoded().bits
                    sum &+= bits.count &+ Int(bits[bits.count / 2])
                }
            }
        }
        return sum
    }

    /// Runs `body` over two halves of the items on two threads; results in order.
    func parallel<T>(_ body: @Sendable (Range<Int>) -> T) -> [T] {
        let n = items.count
        let chunks = [0..<n / 2, n / 2..<n]
        let results = ResultBox<T>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { k in
            results.set(k, body(chunks[k]))
        }
        return results.values()
    }
}

/// A fixed-size box that concurrent workers fill at distinct indices.
final class ResultBox<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); storage[i] = v; lock.unlock() }
    func values() -> [T] { storage.compactMap { $0 } }
}
