import AnnoJSON
import Foundation
import Testing

struct FailCase: CustomTestStringConvertible, Sendable {
    var file: String
    var kind: String
    var line: Int
    var column: Int
    var pointer: String
    var testDescription: String { file }
}

func loadFailCases() -> [FailCase] {
    let url = jsonFixtures.appendingPathComponent("fail/EXPECTED.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { row in
        if row.hasPrefix("#") { return nil }
        let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 5, let line = Int(f[2]), let col = Int(f[3]) else { return nil }
        return FailCase(file: f[0], kind: f[1], line: line, column: col, pointer: f[4])
    }
}

@Suite struct FixtureCorpusTests {
    @Test func manifestCoversEveryFailFile() throws {
        let cases = loadFailCases()
        #expect(cases.count >= 30)
        let files = try FileManager.default.contentsOfDirectory(atPath: jsonFixtures.appendingPathComponent("fail").path)
            .filter { $0.hasSuffix(".json") }
        #expect(Set(files) == Set(cases.map(\.file)))
    }

    @Test(arguments: loadFailCases())
    func failCase(_ c: FailCase) throws {
        let bytes = try [UInt8](Data(contentsOf: jsonFixtures.appendingPathComponent("fail/" + c.file)))
        // Materialising parse.
        var r = JSONReader(bytes: bytes, file: c.file)
        var caught: JSONError?
        do {
            _ = try r.readValue()
            try r.finish()
        } catch { caught = error }
        let e = try #require(caught, "\(c.file) parsed but must fail")
        #expect(kindCode(e.kind) == c.kind)
        #expect(e.line == c.line && e.column == c.column, "\(e)")
        #expect(e.pointer == c.pointer)
        #expect(e.file == c.file)
        #expect(e.description.hasPrefix("\(c.file):\(c.line):\(c.column): error: "))
        // The skipping path must report the very same error.
        var s = JSONReader(bytes: bytes, file: c.file)
        var skipped: JSONError?
        do {
            try s.skipValue()
            try s.finish()
        } catch { skipped = error }
        #expect(skipped == e)
    }

    @Test func passCorpusParsesAndRoundTrips() throws {
        let dir = jsonFixtures.appendingPathComponent("pass")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        for f in files.sorted() {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(f)))
            let v = try JSONReader.parse(bytes: bytes, file: f)
            let compact = v.serialized()
            let pretty = v.serialized(pretty: true)
            #expect(try JSONReader.parse(bytes: compact) == v, "\(f) compact")
            #expect(try JSONReader.parse(bytes: pretty) == v, "\(f) pretty")
            // Writing is a fixed point after one round.
            #expect(try JSONReader.parse(bytes: compact).serialized() == compact, "\(f)")
            // Skipping accepts it too.
            var r = JSONReader(bytes: bytes)
            try r.skipValue()
            try r.finish()
        }
    }
}
