import AnnoCore
import AnnoJSON
import AnnoLint
import Foundation
import Testing

@Suite struct RegistryTests {
    @Test func rulesAreSortedAndUnique() {
        let codes = Rules.all.map { $0.descriptor.code }
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        let names = Rules.all.map { $0.descriptor.name }
        #expect(Set(names).count == names.count)
    }

    @Test func codesAndNamesAreWellFormed() {
        for d in Rules.descriptors {
            #expect(d.code.count == 5 && d.code.hasPrefix("AK") && d.code.dropFirst(2).allSatisfy(\.isNumber), "\(d.code)")
            #expect(!d.code.hasPrefix("AK0"), "AK0xx belongs to the codecs: \(d.code)")
            let kebab = d.name.split(separator: "-", omittingEmptySubsequences: false)
            #expect(kebab.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber } }, "\(d.name)")
            #expect(d.summary.hasSuffix("."), "\(d.code) summary is one sentence")
            #expect(d.explanation.components(separatedBy: "\n\n").count == 3, "\(d.code): what / why / how to fix")
        }
    }

    @Test func namedFindsByCodeAndName() {
        #expect(Rules.named("AK101")?.descriptor.name == "bbox-mask-mismatch")
        #expect(Rules.named("tiny-object")?.descriptor.code == "AK112")
        #expect(Rules.named("AK999") == nil)
    }

    @Test(arguments: Rules.descriptors.map(\.code))
    func everyRuleHasAConsistentPage(_ code: String) throws {
        let d = try #require(Rules.named(code)?.descriptor)
        let path = Paths.repo(d.specPath)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.hasPrefix("# \(d.code) \(d.name)\n"))
        #expect(page.contains("* Summary: \(d.summary)\n"))
        let sections = ["What it does", "Why it matters", "Example", "Options", "Default severity", "How to fix", "Since"]
        var last = page.startIndex
        for s in sections {
            let r = try #require(page.range(of: "\n## \(s)\n"), "\(code) lacks ## \(s)")
            #expect(r.lowerBound >= last, "\(code): section \(s) out of order")
            last = r.lowerBound
        }
        let paragraphs = d.explanation.components(separatedBy: "\n\n")
        for (p, section) in zip(paragraphs, ["What it does", "Why it matters", "How to fix"]) {
            #expect(page.contains("## \(section)\n\n\(p)\n"), "\(code): the page's '\(section)' differs from the explanation")
        }
        #expect(page.contains("## Default severity\n\n\(d.defaultSeverity)."))
        for o in d.options { #expect(page.contains("| `\(o.name)` | \(o.defaultValue) |"), "\(code): option \(o.name)") }
        #expect(page.contains("## Since\n\n0.1.0"))
    }

    @Test func readmeListsEveryRule() throws {
        let readme = try String(contentsOfFile: Paths.repo("Specs/checks/README.md"), encoding: .utf8)
        for d in Rules.descriptors {
            #expect(readme.contains("| [\(d.code)](\(d.code)-\(d.name).md) | `\(d.name)` | \(d.defaultSeverity) | \(d.summary) |"), "\(d.code)")
        }
    }

    @Test func optionDefaultsAreTheRulesDefaults() throws {
        // Constructing every rule with its documented defaults spelled out must give the same findings as no options.
        let d = Planted.make()
        var options: [String: [String: JSONValue]] = [:]
        for r in Rules.descriptors where !r.options.isEmpty {
            options[r.code] = Dictionary(uniqueKeysWithValues: r.options.map {
                ($0.name, JSONValue.number(JSONNumber(Double($0.defaultValue) ?? .nan)))
            })
        }
        let spelled = try lint(d, LintConfiguration(options: options))
        #expect(spelled == (try lint(d)))
    }
}
