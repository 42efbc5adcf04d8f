import AnnoCore
import AnnoReport
import Testing

/// The reporter registry finds each reporter by its identifier and never traps on unknown names.
@Suite struct RegistryTests {
    @Test func namedReturnsEachReporter() {
        for reporter in Reporters.all {
            let found = Reporters.named(reporter.identifier)
            #expect(found == reporter, "\(reporter.identifier)")
        }
    }

    @Test func identifiersAreUniqueAndDocumented() {
        let ids = Reporters.all.map { $0.identifier }
        #expect(ids == ["text", "json", "sarif", "junit", "github", "markdown"])
        #expect(Set(ids).count == ids.count)
        for reporter in Reporters.all { #expect(!reporter.summary.isEmpty) }
    }

    @Test(arguments: ["", "TEXT", "xml", "sarif ", "html", "gitlab"])
    func unknownIdentifierIsNil(_ name: String) {
        #expect(Reporters.named(name) == nil)
    }
}
