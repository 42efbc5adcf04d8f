import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `annokit lint` as a CI gate: exit codes, thresholds, selection, configuration, baselines and every format.
@Suite struct LintCommandTests {
    static let planted = FixturePaths.path("lint/planted.json")
    static let clean = FixturePaths.path("coco/real/sahi/terrain2_coco.json")

    static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capture()
        let code = CLI.run(arguments: ["lint"] + args, console: console)
        return (code, console.outText, console.errText)
    }

    @Test func findingsAtOrAboveFailOnExitOne() {
        #expect(Self.run([Self.planted]).code == 1)
        #expect(Self.run([Self.planted, "--fail-on", "never"]).code == 0)
        #expect(Self.run([Self.planted, "--select", "AK2", "--ignore", "AK208,AK210,AK211", "--fail-on", "error"]).code == 0)
        #expect(Self.run([Self.planted, "--select", "AK2", "--ignore", "AK208,AK210,AK211", "--fail-on", "warning"]).code == 1)
    }

    @Test func validRealDataPassesTheDefaultGate() {
        let r = Self.run([Self.clean])
        #expect(r.code == 0)
        #expect(r.out.contains("0 errors"))
    }

    @Test func selectionNarrowsTheReport() {
        let r = Self.run([Self.planted, "--select", "bbox-mask-mismatch", "--fail-on", "never"])
        #expect(r.out.contains("[AK101 bbox-mask-mismatch]"))
        #expect(!r.out.contains("[AK102"))
        #expect(r.out.contains("1 finding"))
    }

    @Test func usageAndConfigurationErrorsExitTwo() throws {
        #expect(Self.run([Self.planted, "--fail-on", "sometimes"]).code == 2)
        #expect(Self.run([Self.planted, "--format", "pdf"]).code == 2)
        #expect(Self.run([Self.planted, "--select", "AK999"]).code == 2)
        let dir = FixturePaths.temporaryDirectory("lint-config")
        let config = dir + "/bad.json"
        try #"{"selct": ["AK1"]}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let r = Self.run([Self.planted, "--config", config])
        #expect(r.code == 2)
        #expect(r.err.contains("selct"))
    }

    @Test func configFileFoundUpwardSetsOptionsAndSeverities() throws {
        let dir = FixturePaths.temporaryDirectory("lint-upward")
        try FileManager.default.createDirectory(atPath: dir + "/data/split", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.planted, toPath: dir + "/data/split/planted.json")
        try #"{"ignore": ["AK0", "AK2"], "severity": {"AK106": "warning", "AK107": "off", "AK211": "info"}, "failOn": "error"}"#
            .write(toFile: dir + "/data/.annokit.json", atomically: true, encoding: .utf8)
        let r = Self.run([dir + "/data/split/planted.json"])
        #expect(r.code == 0, "every remaining error was downgraded or switched off: \(r.out)")
        #expect(r.out.contains("warning: bbox [10, 60, 0, 10]") || r.out.contains("[AK106"))
        #expect(!r.out.contains("[AK107"))
    }

    @Test func baselineRecordsThenFailsOnlyOnNewFindings() throws {
        let dir = FixturePaths.temporaryDirectory("lint-baseline")
        let baseline = dir + "/baseline.json"
        let first = Self.run([Self.planted, "--baseline", baseline])
        #expect(first.code == 0, "a fresh baseline accepts everything it records")
        #expect(first.err.contains("recorded"))
        #expect(FileManager.default.fileExists(atPath: baseline))
        #expect(Self.run([Self.planted, "--baseline", baseline]).code == 0)
        // A dataset with one more problem fails on that one only.
        var text = try String(contentsOfFile: Self.planted, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"id\": 1303,", with: "\"id\": 1303, \"x_new\": 1,")
        let worse = dir + "/worse.json"
        var data = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.planted))) as? [String: Any] ?? [:]
        var anns = data["annotations"] as? [[String: Any]] ?? []
        anns.append(["id": 5000, "image_id": 424242, "category_id": 1, "bbox": [1, 1, 2, 2]])
        data["annotations"] = anns
        try JSONSerialization.data(withJSONObject: data).write(to: URL(fileURLWithPath: worse))
        let r = Self.run([worse, "--baseline", baseline, "--format", "json"])
        #expect(r.code == 1)
        let report = try JSONReader.parse(bytes: Array(r.out.utf8))
        guard case .array(let diagnostics)? = report["diagnostics"] else {
            Issue.record("no diagnostics array")
            return
        }
        let failing = diagnostics.filter {
            $0["severity"] == .string("error") && !($0["notes"].map { "\($0)" }?.contains("baseline: matched") ?? false)
        }
        #expect(failing.count == 1)
        #expect(failing.first?["subject"] == .string("annotation 5000"))
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github", "markdown"])
    func everyFormatRendersDeterministically(_ format: String) throws {
        let a = Self.run([Self.planted, "--format", format, "--fail-on", "never"])
        let b = Self.run([Self.planted, "--format", format, "--fail-on", "never"])
        #expect(a.code == 0)
        #expect(a.out == b.out)
        #expect(a.out.contains("AK101"))
        if format == "json" || format == "sarif" {
            _ = try JSONReader.parse(bytes: Array(a.out.utf8))
        }
    }

    @Test func reportGoesToAFileAtomically() throws {
        let dir = FixturePaths.temporaryDirectory("lint-out")
        let out = dir + "/report.sarif"
        let r = Self.run([Self.planted, "--format", "sarif", "-o", out])
        #expect(r.code == 1)
        #expect(r.out.isEmpty)
        let sarif = try JSONReader.parse(bytes: FileIO.read(out))
        #expect(sarif["version"] == .string("2.1.0"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        #expect(Self.run([Self.planted, "-o", "/nonexistent-dir/report.txt"]).code == 74)
    }

    @Test func rulesListsAndExplains() {
        let console = Console.capture()
        #expect(CLI.run(arguments: ["rules"], console: console) == 0)
        #expect(console.outText.contains("AK101  bbox-mask-mismatch"))
        #expect(console.outText.contains("AK001  invalid-json"))
        let one = Console.capture()
        #expect(CLI.run(arguments: ["rules", "AK101"], console: one) == 0)
        #expect(one.outText.contains("tolerance"))
        #expect(one.outText.contains("Specs/checks/AK101-bbox-mask-mismatch.md"))
        #expect(CLI.run(arguments: ["rules", "bbox-mask-mismatc"], console: Console.capture()) == 2)
    }
}
