import AnnoCore
@testable import AnnoReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Machine-readable outputs parse with Foundation and carry the keys their consumers require.
@Suite struct ParseTests {
    private func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func jsonReportParsesWithRequiredKeys() throws {
        let root = try object(JSONReporter.render(SampleReport.report))
        #expect(root["version"] as? Int == 1)
        for key in ["tool", "dataset", "format", "summary", "coverage", "checks", "diagnostics", "baseline"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == 8)
        #expect(summary["error"] as? Int == 3)
        #expect(summary["warning"] as? Int == 3)
        #expect(summary["info"] as? Int == 2)
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 8)
        for d in diagnostics {
            for key in ["code", "name", "severity", "message", "location", "subject", "notes", "fingerprint"] {
                #expect(d[key] != nil, "diagnostic missing \(key)")
            }
        }
        #expect(diagnostics[0]["location"] is NSNull)
        let message = try #require(diagnostics[5]["message"] as? String)
        #expect(message == SampleReport.diagnostics[5].message)
        let checks = try #require(root["checks"] as? [[String: Any]])
        #expect(checks.map { $0["code"] as? String } == SampleReport.report.checks.map(\.code))
    }

    @Test func emptyJSONReportParses() throws {
        let root = try object(JSONReporter.render(SampleReport.empty))
        #expect(root["coverage"] is NSNull)
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func sarifParsesWithRequiredKeys() throws {
        let root = try object(SARIFReporter.render(SampleReport.report))
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let tool = try #require(runs[0]["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "annokit")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ["AK001", "AK101", "AK102", "AK205", "AK301", "AK401", "AK060"])
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String
                #expect(text?.isEmpty == false, "rule \(rule["id"] ?? "?") lacks \(key).text")
            }
            #expect((rule["helpUri"] as? String)?.hasSuffix(".md") == true)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 8)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let text = (result["message"] as? [String: Any])?["text"] as? String
            #expect(text?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri?.isEmpty == false)
            #expect(uri.map { URL(string: $0) != nil } == true, "not a URI: \(uri ?? "")")
            if let region = physical["region"] as? [String: Any] {
                #expect((region["startLine"] as? Int ?? 0) >= 1)
            }
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints[SARIFReporter.fingerprintKey]?.count == 16)
        }
    }

    @Test func sarifOmitsRegionWithoutLine() throws {
        let root = try object(SARIFReporter.render(SampleReport.report))
        let runs = try #require(root["runs"] as? [[String: Any]])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let physical = { (i: Int) -> [String: Any]? in
            ((results[i]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any]
        }
        #expect(physical(0)?["region"] == nil)   // no location
        #expect(physical(1)?["region"] == nil)   // file only
        let lineOnly = physical(2)?["region"] as? [String: Any]
        #expect(lineOnly?["startLine"] as? Int == 12)
        #expect(lineOnly?["startColumn"] == nil)
    }

    #if canImport(FoundationXML)
    @Test func junitParsesWithConsistentCounts() throws {
        let xml = JUnitReporter.render(SampleReport.report)
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == [
            "AK001 parse-error", "AK101 bbox-mask-mismatch", "AK102 empty-mask", "AK205 licence-unclear",
            "AK301 unreviewed-machine-mask", "AK401 class-imbalance", "AK060 legacy-field",
        ])
        var total = 0, failures = 0
        var names = Set<String>()
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failed))
            total += cases.count
            failures += failed
            for c in cases {
                let name = try #require(c.attribute(forName: "name")?.stringValue)
                #expect(!names.contains(name), "duplicate testcase name \(name)")
                names.insert(name)
            }
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(total))
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
        #expect(total == 9)      // 8 findings + 1 passing check (AK401)
        #expect(failures == 6)   // errors and warnings; info findings pass
        let paths = suites.flatMap { $0.elements(forName: "testcase") }.compactMap { $0.attribute(forName: "file")?.stringValue }
        #expect(paths.contains(SampleReport.awkwardFile))
        let licence = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "AK205 licence-unclear" })
        let failure = try #require(licence.elements(forName: "testcase").first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "error")
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("\u{FFFD}[31mred") == true)
    }

    @Test func emptyJUnitParses() throws {
        let document = try XMLDocument(data: Data(JUnitReporter.render(SampleReport.empty).utf8), options: [])
        #expect(document.rootElement()?.attribute(forName: "tests")?.stringValue == "0")
    }
    #endif
}
