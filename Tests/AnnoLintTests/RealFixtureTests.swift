import AnnoCore
import AnnoLint
import Foundation
import Testing

/// Lints every COCO JSON file under `../shared/fixtures/real/` (when present): no crash, and no error-level finding
/// on files that are valid COCO. Findings are printed for review by hand.
@Suite struct RealFixtureTests {
    static let root: String? = {
        var url = URL(fileURLWithPath: Paths.root)
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("shared/fixtures/real")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }()

    static let files: [String] = {
        guard let root, let e = FileManager.default.enumerator(atPath: root) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted().map { root + "/" + $0 }
    }()

    @Test(.enabled(if: !files.isEmpty), arguments: files)
    func lintsWithoutErrors(_ path: String) throws {
        guard let dataset = try? COCOTestIO.load(path) else { return }
        let report = try Linter().run(on: dataset, path: path, format: "coco")
        var byCode: [String: Int] = [:]
        for d in report.diagnostics { byCode[d.code, default: 0] += 1 }
        print("REAL \(path.split(separator: "/").suffix(3).joined(separator: "/")): \(byCode.keys.sorted().map { "\($0)=\(byCode[$0] ?? 0)" }.joined(separator: " "))")
        for d in report.diagnostics where d.severity >= .warning {
            print("  \(d.severity) \(d.code) \(d.subject): \(d.message)")
        }
    }
}
