import AnnoCore
import AnnoJSON
import AnnoLint
import Foundation
import Testing

@Suite struct BaselineTests {
    func report(_ d: Dataset) throws -> LintReport { try Linter().run(on: d, path: "p.json", format: "coco") }

    @Test func fingerprintIsFNV1aOfCodeNulSubject() {
        // FNV-1a 64 of "" is the offset basis; of "a" it is af63dc4c8601ec8c.
        #expect(Baseline.fingerprint(code: "a", subject: "").count == 16)
        #expect(Baseline.fingerprint(code: "AK101", subject: "annotation 17") == Baseline.fingerprint(code: "AK101", subject: "annotation 17"))
        #expect(Baseline.fingerprint(code: "AK101", subject: "annotation 17") != Baseline.fingerprint(code: "AK101", subject: "annotation 18"))
        #expect(Baseline.fingerprint(code: "AK10", subject: "1annotation") != Baseline.fingerprint(code: "AK101", subject: "annotation"))
    }

    @Test func knownFNVValue() {
        // "a" + NUL + "" → FNV-1a over the bytes 0x61 0x00.
        var h: UInt64 = 0xcbf29ce484222325
        for b: UInt8 in [0x61, 0x00] { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        #expect(Baseline.fingerprint(code: "a", subject: "") == String(h, radix: 16).leftPadded(16))
    }

    @Test func recordedBaselineAcceptsEverythingAndIsNotStale() throws {
        let r = try report(Planted.make())
        #expect(!r.failing(threshold: .error).isEmpty)
        let baseline = Baseline(recording: r)
        let applied = baseline.apply(to: r)
        #expect(applied.failing(threshold: .info).isEmpty)
        #expect(applied.baseline == BaselineSummary(matched: r.diagnostics.count, stale: []))
        #expect(applied.diagnostics.allSatisfy { $0.isBaselineMatched })
        #expect(applied.diagnostics.count == r.diagnostics.count)
    }

    @Test func newFindingsFailAndFixedOnesAreStale() throws {
        var d = Planted.make()
        let baseline = Baseline(recording: try report(d))
        // Fix AK106 (annotation 1106) and plant a new AK106 on annotation 1101.
        for i in d.annotations.indices {
            if d.annotations[i].id == .int(1106) { d.annotations[i].bbox?.width = JSONNumber(10) }
            if d.annotations[i].id == .int(1101) { d.annotations[i].bbox?.height = JSONNumber(-1) }
        }
        let applied = baseline.apply(to: try report(d))
        #expect(applied.failing(threshold: .error).map(\.subject) == ["annotation 1101"])
        #expect(applied.baseline?.stale.contains("AK106 annotation 1106") == true)
    }

    @Test func linesDoNotMatterButCountsDo() {
        let d1 = Diagnostic(code: "AK210", name: "duplicate-id", severity: .error, message: "m",
                            location: SourceLocation(file: "a.json", line: 10), subject: "image 9")
        var d2 = d1
        d2.location?.line = 99
        let base = Baseline(recording: LintReport(dataset: "a", format: "coco", checks: [], diagnostics: [d1]))
        let applied = base.apply(to: LintReport(dataset: "a", format: "coco", checks: [], diagnostics: [d2, d2]))
        #expect(applied.baseline?.matched == 1)
        #expect(applied.failing(threshold: .error).count == 1)
    }

    @Test func encodesDeterministicallyAndRoundTrips() throws {
        let r = try report(Planted.make())
        let a = Baseline(recording: r), b = Baseline(recording: try report(Planted.make()))
        #expect(a.encoded() == b.encoded())
        let parsed = try Baseline(json: Data(a.encoded().utf8))
        #expect(parsed == a)
        #expect(a.encoded().hasPrefix("{\n  \"version\": 1,\n"))
        #expect(throws: ConfigurationError.self) { try Baseline(json: Data(#"{"version": 7, "entries": []}"#.utf8)) }
        #expect(throws: ConfigurationError.self) { try Baseline.load(from: "/nonexistent/baseline.json") }
    }

    @Test func failingHonoursTheThreshold() throws {
        let r = try report(Planted.make())
        #expect(r.failing(threshold: nil).isEmpty)
        #expect(r.failing(threshold: .error).allSatisfy { $0.severity == .error })
        #expect(r.failing(threshold: .warning).count > r.failing(threshold: .error).count)
        #expect(r.failing(threshold: .info).count == r.diagnostics.count)
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
