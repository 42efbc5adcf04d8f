@testable import AnnoJSON
import Testing

/// A reader that hands back the memory of input it has read keeps every later value, pointer, location and
/// duplicate-key check exact, and really gives the bytes back.
@Suite struct DiscardTests {
    /// `{"name": "x", "items": [{"k": 0, "v": [0.5, 1]}, ...], "tail": 1, "name": 2}`, one element per line.
    static func document(elements n: Int) -> [UInt8] {
        var s = "{\"name\": \"x\",\n\"items\": [\n"
        for i in 0..<n {
            if i > 0 { s += ",\n" }
            s += "{\"k\": \(i), \"v\": [\(i).5, \(i % 7)], \"pad\": \"\(String(repeating: "p", count: 40))\"}"
        }
        s += "\n],\n\"tail\": 1, \"name\": 2}"
        return Array(s.utf8)
    }

    @Test func discardingKeepsLaterReadsExact() throws {
        let n = 60_000
        let bytes = Self.document(elements: n)
        #expect(bytes.count > 4 << 20)
        var reader = JSONReader(bytes: bytes)
        reader.startDiscardingReadInput()
        #expect(reader.discardsReadInput)
        try reader.beginObject()
        #expect(try reader.nextKey() == "name")
        _ = try reader.readValue()
        #expect(try reader.nextKey() == "items")
        let floor = reader.offset
        try reader.beginArray()
        var i = 0
        while try reader.nextElement() {
            let value = try reader.readValue()
            guard case .object(let members) = value, case .number(let k) = members[0].value else {
                Issue.record("element \(i) is \(value)")
                return
            }
            #expect(k.int == i)
            if i == n - 1 {
                #expect(reader.pointer == "/items/\(n - 1)")
                let at = reader.location(at: reader.offset)
                #expect(at.line == n + 3 && at.column == 1, "the closing bracket's line: the line index survives the discarded newlines")
            }
            reader.discardReadInput(from: floor)
            i += 1
        }
        #expect(i == n)
        // The keys of the enclosing object lie before the floor: a repeated key is still found.
        #expect(try reader.nextKey() == "tail")
        _ = try reader.readValue()
        #expect(try reader.nextKey() == "name")
        _ = try reader.readValue()
        #expect(reader.warnings.map(\.key) == ["name"])
        // The memory went back: a page well inside the array, far behind the end, now reads as zeros.
        let probe = floor + (4 << 20) - 8192
        #expect(reader.storage.base[probe] == 0 && reader.storage.base[probe + 100] == 0)
        #expect(reader.storage.base[floor] == UInt8(ascii: "["), "nothing before the floor is discarded")
    }

    @Test func readersThatDoNotDiscardKeepTheirInput() throws {
        let bytes = Self.document(elements: 60_000)
        var reader = JSONReader(bytes: bytes)
        #expect(!reader.discardsReadInput)
        _ = try reader.readValue()
        reader.discardReadInput(from: 0)
        #expect(reader.storage.base[(4 << 20) - 8192] == bytes[(4 << 20) - 8192])
    }
}
