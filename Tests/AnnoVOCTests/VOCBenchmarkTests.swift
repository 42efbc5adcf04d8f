import AnnoCore
import AnnoJSON
import Foundation
import Testing
@testable import AnnoVOC

/// COCO → VOC with masks on a gen_coco.py file; runs only when ANNOKIT_BENCH_FILE names the COCO JSON.
///
/// `ANNOKIT_BENCH_FILE=/dev/shm/val5k.json swift test -c release --filter VOCBenchmark` (output under
/// ANNOKIT_BENCH_OUT, default /dev/shm). Prints compute (XML, rasterisation, PNG encoding) and file creation apart.
@Suite("VOC benchmark")
struct VOCBenchmarkTests {
    static let file = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"]

    @Test(.enabled(if: file != nil)) func cocoToVOCWithMasks() throws {
        let path = try #require(Self.file)
        let clock = ContinuousClock()
        var dataset = Dataset()
        let load = try clock.measure { dataset = try Self.loadCOCO(path) }
        var writer = VOC.Writer()
        if let level = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_PNG_LEVEL"].flatMap({ Int($0) }) { writer.pngLevel = level }
        if let workers = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_WORKERS"].flatMap({ Int($0) }) { writer.workers = workers }
        var rendering: VOC.Writer.Rendering?
        let cpu0 = Self.cpuSeconds()
        let compute = try clock.measure { rendering = try writer.render(dataset) }
        let computeCPU = Self.cpuSeconds() - cpu0
        let r = try #require(rendering)
        let base = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_OUT"] ?? "/dev/shm"
        let out = VOCFixtures.temporaryFolder("bench", base: base)
        defer { VOCFixtures.remove(out) }
        let cpu1 = Self.cpuSeconds()
        let publish = try clock.measure { try writer.publish(r.files, to: out) }
        let publishCPU = Self.cpuSeconds() - cpu1
        let bytes = r.files.reduce(0) { $0 + $1.bytes.count }
        let masks = r.files.filter { $0.path.hasSuffix(".png") }.count
        var counts: [String: Int] = [:]
        for d in r.diagnostics { counts[d.code, default: 0] += 1 }
        print("""
            VOC benchmark: \(dataset.images.count) images, \(dataset.annotations.count) annotations
              load (JSONSerialization, not timed against peers): \(load)
              compute (XML + rasterise + PNG encode, \(ProcessInfo.processInfo.activeProcessorCount) cores): \(compute) wall, \(computeCPU) s CPU
              file creation (\(r.files.count) files, \(masks) PNGs, \(bytes) bytes, atomic): \(publish) wall, \(publishCPU) s CPU
              total write: \(compute + publish)
              losses: \(counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            """)
        #expect(masks == 2 * dataset.images.filter { img in dataset.annotations.contains { $0.imageID == img.id && $0.hasMask } }.count)
    }

    /// User + system CPU seconds of this process so far (all threads).
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// Builds the IR from a COCO instances file with Foundation (the COCO codec is another module).
    static func loadCOCO(_ path: String) throws -> Dataset {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return Dataset() }
        func num(_ v: Any?) -> JSONNumber? {
            guard let n = v as? NSNumber else { return nil }
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? JSONNumber(Int(d)) : JSONNumber(d)
        }
        var ds = Dataset()
        for c in root["categories"] as? [[String: Any]] ?? [] {
            ds.categories.append(Category(id: .int((c["id"] as? Int) ?? 0), name: (c["name"] as? String) ?? "", supercategory: c["supercategory"] as? String))
        }
        for i in root["images"] as? [[String: Any]] ?? [] {
            ds.images.append(Image(id: .int((i["id"] as? Int) ?? 0), fileName: i["file_name"] as? String, width: i["width"] as? Int, height: i["height"] as? Int))
        }
        for a in root["annotations"] as? [[String: Any]] ?? [] {
            var ann = Annotation(
                id: .int((a["id"] as? Int) ?? 0), imageID: .int((a["image_id"] as? Int) ?? 0), categoryID: .int((a["category_id"] as? Int) ?? 0),
                area: num(a["area"]), isCrowd: a["iscrowd"] as? Int)
            if let b = a["bbox"] as? [NSNumber], b.count == 4 {
                ann.bbox = Box(x: b[0].doubleValue, y: b[1].doubleValue, width: b[2].doubleValue, height: b[3].doubleValue)
            }
            if let polys = a["segmentation"] as? [[NSNumber]] {
                ann.segmentation = .polygons(PolygonSet(polys.map { $0.map(\.doubleValue) }))
            } else if let rle = a["segmentation"] as? [String: Any], let size = rle["size"] as? [Int], size.count == 2 {
                if let s = rle["counts"] as? String {
                    ann.segmentation = .rle(RLEData(height: size[0], width: size[1], counts: .compressed(s)))
                } else if let c = rle["counts"] as? [Int] {
                    ann.segmentation = .rle(RLEData(height: size[0], width: size[1], counts: .uncompressed(c.map { UInt32($0) })))
                }
            }
            ds.annotations.append(ann)
        }
        return ds
    }
}
