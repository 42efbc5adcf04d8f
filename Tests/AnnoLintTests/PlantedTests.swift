import AnnoCOCO
import AnnoCore
import AnnoLint
import Foundation
import Testing

@Suite struct PlantedTests {
    @Test func everyRuleIsPlanted() {
        let codes = Set(Rules.all.map { $0.descriptor.code })
        #expect(codes == Set(Planted.expected.keys))
    }

    @Test func everyRuleFiresExactlyWherePlanted() throws {
        let found = try lint(Planted.make())
        for code in Planted.expected.keys.sorted() {
            #expect(subjects(found, code) == [Planted.expected[code] ?? ""], "\(code): \(found.filter { $0.code == code }.map(\.message))")
        }
        #expect(found.allSatisfy { Planted.expected[$0.code] != nil })
    }

    @Test func fixtureFileMatchesTheBuilder() throws {
        let path = Paths.repo("Fixtures/lint/planted.json")
        let text = COCOTestIO.write(Planted.make())
        if ProcessInfo.processInfo.environment["ANNOKIT_RECORD"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); run again without ANNOKIT_RECORD")
            return
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "planted.json is the builder written by the COCO writer")
        // The reader rejects the two annotations whose geometry cannot be read (AK006, AK005), so in a file the
        // planted AK108/AK113 problems surface as reader findings instead; everything else is identical.
        var diagnostics = Diagnostics()
        let loaded = try COCO.Reader.read(bytes: Array(text.utf8), file: path, diagnostics: &diagnostics)
        #expect(diagnostics.items.map(\.code) == ["AK006", "AK005"])
        #expect(diagnostics.items.map(\.subject) == ["annotation 1108", "annotation 1113"])
        var expected = Planted.make()
        expected.annotations.removeAll { $0.id == .int(1108) || $0.id == .int(1113) }
        expected.sectionOrder = loaded.sectionOrder
        #expect(loaded == expected)
        let found = try lint(loaded)
        for code in Planted.expected.keys.sorted() where code != "AK108" && code != "AK113" {
            #expect(subjects(found, code) == [Planted.expected[code] ?? ""], "\(code)")
        }
        // Findings carry the annotation's or image's location in the file.
        let ak101 = try #require(found.first { $0.code == "AK101" })
        #expect(ak101.location?.file == path)
        #expect(ak101.location?.pointer?.hasPrefix("/annotations/") == true)
        #expect(ak101.location?.line != nil)
    }

    @Test func cleanDatasetHasNoFindings() throws {
        let found = try lint(B.clean())
        #expect(found.isEmpty, "\(found.map { "\($0.code) \($0.subject): \($0.message)" })")
    }

    @Test func plantedDatasetErrorsAreOnlyTheErrorRules() throws {
        let errors = Set(try lint(Planted.make()).filter { $0.severity == .error }.map(\.code))
        #expect(errors == ["AK106", "AK107", "AK108", "AK113", "AK208", "AK210", "AK211"])
    }

    @Test func runsAreDeterministic() throws {
        let linter = try Linter()
        let d = Planted.make()
        let a = linter.run(on: d, path: "p.json", format: "coco")
        let b = linter.run(on: d, path: "p.json", format: "coco")
        #expect(a == b)
        #expect(a.diagnostics.map(\.message) == b.diagnostics.map(\.message))
    }

    @Test func standaloneRuleCheckAgreesWithTheLinter() throws {
        let d = Planted.make()
        let context = RuleContext(dataset: d)
        let all = try lint(d)
        for type in Rules.all {
            var sink = Diagnostics()
            try type.init(options: RuleOptions()).check(context, into: &sink)
            let code = type.descriptor.code
            #expect(Set(sink.items.map(\.subject)) == Set(subjects(all, code)), "\(code)")
        }
    }
}
