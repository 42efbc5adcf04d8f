import AnnoCore
import AnnoLint
import Foundation
import Testing

/// Times `Linter.run` with every rule on a COCO file named by `ANNOKIT_BENCH_FILE` (parsing excluded: the IR is
/// built with Foundation here because the COCO codec lives elsewhere). Skipped unless the variable is set.
@Suite struct BenchmarkTests {
    static let file = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"]

    /// User plus system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    @Test(.enabled(if: file != nil)) func lintEveryRule() throws {
        let path = try #require(Self.file)
        let dataset = try COCOTestIO.load(path)
        let linter = try Linter()
        var times: [Double] = []
        var report: LintReport?
        var cpu: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let c0 = Self.cpuSeconds()
            report = linter.run(on: dataset, path: path, format: "coco")
            cpu.append(Self.cpuSeconds() - c0)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print("BENCH cpu best \(cpu.min() ?? 0) s (user+system, all threads)")
        let r = try #require(report)
        var byCode: [String: Int] = [:]
        for d in r.diagnostics { byCode[d.code, default: 0] += 1 }
        let summary = byCode.keys.sorted().map { "\($0)=\(byCode[$0] ?? 0)" }.joined(separator: " ")
        print("BENCH lint \(dataset.images.count) images, \(dataset.annotations.count) annotations: best \(times.min() ?? 0) s, median \(times.sorted()[times.count / 2]) s; findings: \(summary)")
        for d in r.diagnostics.prefix(40) { print("  \(d.severity) \(d.code) \(d.subject): \(d.message)") }
        if ProcessInfo.processInfo.environment["ANNOKIT_BENCH_RULES"] != nil {
            for selection in [["AK201"], ["AK109"]] + Rules.descriptors.map({ [$0.code] }) {
                let l = try Linter(configuration: LintConfiguration(select: selection))
                let start = DispatchTime.now().uptimeNanoseconds
                _ = l.run(on: dataset, path: path, format: "coco")
                print("BENCH rule \(selection) \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) s")
            }
        }
    }
}
