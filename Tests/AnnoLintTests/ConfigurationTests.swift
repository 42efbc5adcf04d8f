import AnnoCore
import AnnoJSON
import AnnoLint
import Foundation
import Testing

@Suite struct ConfigurationTests {
    func codes(_ c: LintConfiguration) throws -> [String] { try Linter(configuration: c).selectedChecks.map(\.code) }

    @Test func defaultsRunEveryRuleAndFailOnErrors() throws {
        let c = LintConfiguration()
        #expect(try codes(c) == Rules.descriptors.map(\.code))
        #expect(c.failOn == .error)
    }

    @Test func selectAndIgnoreByCodeNameAndPrefix() throws {
        #expect(try codes(LintConfiguration(select: ["AK1"], ignore: ["AK101", "tiny-object"])).count == 11)
        #expect(try codes(LintConfiguration(select: ["AK101"], ignore: ["AK1"])) == ["AK101"])
        #expect(try codes(LintConfiguration(select: ["AK1"], ignore: ["AK1"])) == [])
        #expect(try codes(LintConfiguration(select: ["missing-title", "AK40"])) == ["AK201", "AK401", "AK402", "AK403", "AK404"])
        #expect(try codes(LintConfiguration(ignore: ["ALL"])) == [])
    }

    @Test func unknownSelectorsAreUsageErrors() {
        #expect(throws: ConfigurationError.unknownSelector(path: nil, key: "select", selector: "AK999")) {
            try Linter(configuration: LintConfiguration(select: ["AK999"]))
        }
        #expect(throws: ConfigurationError.unknownSelector(path: nil, key: "ignore", selector: "no-such-rule")) {
            try Linter(configuration: LintConfiguration(ignore: ["no-such-rule"]))
        }
        // Codec codes (AK0xx) are accepted without checking.
        #expect(throws: Never.self) { try Linter(configuration: LintConfiguration(ignore: ["AK001", "AK0"])) }
        let e = ConfigurationError.unknownKey(path: "x.json", key: "rules")
        #expect(e.category == .usage)
        #expect(e.category.rawValue == 2)
    }

    @Test func severityOverridesIncludingOff() throws {
        let d = Planted.make()
        let c = LintConfiguration(severity: ["AK1": .on(.error), "AK101": .on(.info), "AK2": .off, "missing-annotation": .on(.error)])
        let found = try lint(d, c)
        #expect(found.first { $0.code == "AK101" }?.severity == .info)
        #expect(found.first { $0.code == "AK102" }?.severity == .error)
        #expect(found.first { $0.code == "AK404" }?.severity == .error)
        #expect(!found.contains { $0.code.hasPrefix("AK2") })
        #expect(try !codes(c).contains("AK201"))
    }

    @Test func optionsReachTheRules() throws {
        let d = Planted.make()
        // With a 6 px tolerance the 5 px AK101 plant no longer fires.
        let loose = LintConfiguration(options: ["AK101": ["tolerance": .number(JSONNumber(6))]])
        #expect(subjects(try lint(d, loose), "AK101").isEmpty)
        // By name, too.
        let strictTiny = LintConfiguration(options: ["tiny-object": ["min-area": .number(JSONNumber(100))]])
        #expect(subjects(try lint(d, strictTiny), "AK112").count > 1)
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(throws: ConfigurationError.unknownOption(path: nil, code: "AK101", option: "tol", known: ["tolerance"])) {
            try Linter(configuration: LintConfiguration(options: ["AK101": ["tol": .number(JSONNumber(1))]]))
        }
        #expect(throws: ConfigurationError.self) {
            try Linter(configuration: LintConfiguration(options: ["AK101": ["tolerance": .string("wide")]]))
        }
        #expect(throws: ConfigurationError.unknownSelector(path: nil, key: "options", selector: "AK1")) {
            try Linter(configuration: LintConfiguration(options: ["AK1": [:]]))
        }
    }

    @Test func parsesTheFileFormat() throws {
        let json = """
            {"version": 1, "select": ["AK1", "AK2"], "ignore": "AK105",
             "severity": {"AK101": "error", "missing-title": "off"},
             "options": {"AK101": {"tolerance": 2.5}, "tiny-object": {"min-area": 16}},
             "failOn": "never"}
            """
        let c = try LintConfiguration(json: Data(json.utf8), source: "cfg.json")
        #expect(c.select == ["AK1", "AK2"])
        #expect(c.ignore == ["AK105"])
        #expect(c.severity["AK101"] == .on(.error))
        #expect(c.severity["missing-title"] == .off)
        #expect(c.options["AK101"]?["tolerance"] == .number(JSONNumber(2.5)))
        #expect(c.failOn == nil)
        #expect(try LintConfiguration(json: Data(#"{"failOn": "warning"}"#.utf8)).failOn == .warning)
    }

    @Test(arguments: [
        (#"{"selct": []}"#, ConfigurationError.unknownKey(path: nil, key: "selct")),
        (#"{"severity": {"AK101": "fatal"}}"#, .invalidSeverity(path: nil, selector: "AK101", value: "fatal")),
        (#"{"failOn": "sometimes"}"#, .invalidFailOn(path: nil, value: "sometimes")),
        (#"{"select": ["AK777"]}"#, .unknownSelector(path: nil, key: "select", selector: "AK777")),
        (#"[1, 2]"#, .malformed(path: nil, message: "the top level must be a JSON object")),
        (#"{"select": "#, .malformed(path: nil, message: "not valid JSON")),
        (#"{"version": 2}"#, .malformed(path: nil, message: "'version' must be 1")),
    ])
    func rejectsBadFiles(_ json: String, _ error: ConfigurationError) {
        #expect(throws: error) { try LintConfiguration(json: Data(json.utf8)) }
    }

    @Test func findsTheFileUpwardFromTheDataset() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("annokit-cfg-\(UInt32.random(in: 0...UInt32.max))")
        let deep = base.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let dataset = deep.appendingPathComponent("instances.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dataset))
        #expect(LintConfiguration.find(forDataset: dataset) == nil || LintConfiguration.find(forDataset: dataset)?.hasPrefix(base.path) == false)
        let cfg = base.appendingPathComponent("a/.annokit.json")
        try Data(#"{"ignore": ["AK4"], "failOn": "warning"}"#.utf8).write(to: cfg)
        #expect(LintConfiguration.find(forDataset: dataset) == cfg.path)
        #expect(LintConfiguration.find(forDataset: deep.path) == cfg.path)
        let resolved = try LintConfiguration.resolve(forDataset: dataset)
        #expect(resolved.ignore == ["AK4"] && resolved.failOn == .warning && resolved.source == cfg.path)
        let explicit = base.appendingPathComponent("other.json")
        try Data(#"{"select": ["AK1"]}"#.utf8).write(to: explicit)
        #expect(try LintConfiguration.resolve(forDataset: dataset, explicit: explicit.path).select == ["AK1"])
        #expect(throws: ConfigurationError.self) { try LintConfiguration.load(from: base.appendingPathComponent("missing.json").path) }
    }

    @Test func readerDiagnosticsFollowSelectionAndSeverity() throws {
        let reader = [
            Diagnostic(code: "AK001", name: "bad-rle-string", severity: .error, message: "x", subject: "annotation 1"),
            Diagnostic(code: "AK002", name: "missing-size", severity: .warning, message: "y", subject: "image 1"),
        ]
        let c = LintConfiguration(select: ["AK0"], ignore: ["AK002"], severity: ["AK001": .on(.warning)])
        let r = try Linter(configuration: c).run(on: B.clean(), path: "p", format: "coco", readerDiagnostics: reader)
        #expect(r.diagnostics.map(\.code) == ["AK001"])
        #expect(r.diagnostics.first?.severity == .warning)
    }
}
