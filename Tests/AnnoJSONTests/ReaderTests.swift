import AnnoJSON
import Foundation
import Testing

@Suite struct ReaderTests {
    @Test func pullParseCOCOShape() throws {
        let text = """
        {"images": [{"id": 1, "file_name": "a.jpg"}], "annotations": [{"id": 7, "bbox": [1.5, 2, 3, 4]}], "x": null}
        """
        var r = reader(text)
        try r.beginObject()
        var ids: [Int] = []
        var names: [String] = []
        var boxes: [[Double]] = []
        while let key = try r.nextKey() {
            switch key {
            case "images", "annotations":
                try r.beginArray()
                while try r.nextElement() {
                    try r.beginObject()
                    while let k = try r.nextKey() {
                        switch k {
                        case "id": ids.append(try r.readInt())
                        case "file_name": names.append(try r.readString())
                        case "bbox": boxes.append(try r.readDoubleArray())
                        default: try r.skipValue()
                        }
                    }
                }
            default:
                #expect(try r.peek() == .null)
                try r.readNull()
            }
        }
        try r.finish()
        #expect(ids == [1, 7])
        #expect(names == ["a.jpg"])
        #expect(boxes == [[1.5, 2, 3, 4]])
        #expect(r.warnings.isEmpty)
    }

    @Test func peekKinds() throws {
        var r = reader(#"[{}, [], "s", -1, true, false, null]"#)
        try r.beginArray()
        var kinds: [JSONKind] = []
        while try r.nextElement() {
            kinds.append(try r.peek())
            try r.skipValue()
        }
        #expect(kinds == [.object, .array, .string, .number, .bool, .bool, .null])
    }

    @Test func pointersAndEscapedKeys() throws {
        var r = reader(#"{"annotations": [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16, {"bbox": [1, 2, 3]}], "a/b~c": {"": 5}}"#)
        try r.beginObject()
        #expect(try r.nextKey() == "annotations")
        #expect(r.pointer == "/annotations")
        try r.beginArray()
        for _ in 0..<17 {
            #expect(try r.nextElement())
            _ = try r.readInt()
        }
        #expect(try r.nextElement())
        #expect(r.pointer == "/annotations/17")
        try r.beginObject()
        #expect(try r.nextKey() == "bbox")
        try r.beginArray()
        #expect(try r.nextElement())
        #expect(r.pointer == "/annotations/17/bbox/0")
        try r.skipValue()
        #expect(try r.nextElement())
        try r.skipValue()
        #expect(try r.nextElement())
        #expect(r.pointer == "/annotations/17/bbox/2")
        #expect(try r.readDouble() == 3)
        #expect(try !r.nextElement())
        #expect(try r.nextKey() == nil)
        #expect(try !r.nextElement())
        #expect(try r.nextKey() == "a/b~c")
        try r.beginObject()
        #expect(try r.nextKey() == "")
        #expect(r.pointer == "/a~1b~0c/")
        #expect(try r.readInt() == 5)
        #expect(try r.nextKey() == nil)
        #expect(try r.nextKey() == nil)
        try r.finish()
        #expect(r.pointer == "")
    }

    @Test func typeMismatchCarriesPointerAndLocation() throws {
        let text = "{\n  \"images\": [\n    {\"id\": \"1\"}\n  ]\n}"
        var r = reader(text)
        try r.beginObject()
        _ = try r.nextKey()
        try r.beginArray()
        _ = try r.nextElement()
        try r.beginObject()
        _ = try r.nextKey()
        do {
            _ = try r.readInt()
            Issue.record("expected a throw")
        } catch {
            #expect(error.kind == .typeMismatch(expected: .number, found: .string))
            #expect(error.pointer == "/images/0/id")
            #expect(error.line == 3 && error.column == 12)
            #expect(error.code == "json.type")
        }
    }

    @Test func errorOnLine3Column7() {
        let e = parseError("{\n  \"a\": 1,\n  \"b\":x\n}")
        #expect(e?.line == 3)
        #expect(e?.column == 7)
        #expect(e?.pointer == "/b")
        #expect(e?.description == "3:7: error: expected a value, found 'x' (at /b)")
    }

    @Test func locationIsLazyAndReusable() {
        let text = "ab\ncd\n\nxyz"
        let r = reader(text)
        #expect(r.location(at: 0) == (1, 1))
        #expect(r.location(at: 2) == (1, 3))
        #expect(r.location(at: 3) == (2, 1))
        #expect(r.location(at: 6) == (3, 1))
        #expect(r.location(at: 7) == (4, 1))
        #expect(r.location(at: 9) == (4, 3))
        #expect(r.location(at: 10) == (4, 4))
        // Multi-byte characters count as bytes.
        let u = reader("\"é\" x")
        #expect(u.location(at: 5) == (1, 6))
    }

    @Test func offsetPointsAtNextToken() throws {
        var r = reader("  [ 1 ,  2 ]")
        #expect(r.offset == 2)
        try r.beginArray()
        #expect(r.offset == 4)
        _ = try r.nextElement()
        _ = try r.readInt()
        #expect(r.offset == 6)
    }

    @Test func bomIsSkipped() throws {
        let v = try JSONReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        #expect(v == .array([.number(JSONNumber(1))]))
    }

    @Test func numbersKeepLiterals() throws {
        let v = try parse("[373.29, 1e300, -0.0, 10, 10.0, 1E5, -0, 0.000123, 123456789012345678901234567890, 1e400]")
        guard case let .array(a) = v else { Issue.record("not an array"); return }
        let lits = a.compactMap { if case let .number(n) = $0 { n.literal } else { nil } }
        #expect(lits == ["373.29", "1e300", "-0.0", "10", "10.0", "1E5", "-0", "0.000123", "123456789012345678901234567890", "1e400"])
        let ds = a.compactMap { if case let .number(n) = $0 { n.double } else { nil } }
        #expect(ds[0] == 373.29)
        #expect(ds[1] == 1e300)
        #expect(ds[2] == 0 && ds[2].sign == .minus)
        #expect(ds[5] == 100_000)
        #expect(ds[6].sign == .minus)
        #expect(ds[7] == 0.000123)
        #expect(ds[8] == 123456789012345678901234567890.0)
        #expect(ds[9] == .infinity)
    }

    @Test func numberConversionMatchesStandardLibrary() throws {
        var rng = SystemRandomNumberGenerator()
        var literals: [String] = ["0.1", "0.2", "0.3", "1.7976931348623157e308", "2.2250738585072014e-308", "5e-324",
                                  "4.9e-324", "2.47e-324", "9007199254740993", "123456789012345.67", "1e23", "8.589973e9",
                                  "0.000000000000000000000000001", "1.00000000000000011102230246251565404236316680908203125"]
        for _ in 0..<3000 {
            let digits = Int.random(in: 1...18, using: &rng)
            var s = Int.random(in: 0...1, using: &rng) == 0 ? "" : "-"
            s += String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<digits { s += String(Int.random(in: 0...9, using: &rng)) }
            let dot = Int.random(in: 0...digits, using: &rng)
            if dot > 0 && dot < digits { s.insert(".", at: s.index(s.endIndex, offsetBy: -(digits - dot))) }
            if Int.random(in: 0...2, using: &rng) == 0 { s += "e\(Int.random(in: -40...40, using: &rng))" }
            literals.append(s)
        }
        for lit in literals {
            var r = reader(lit)
            let d = try r.readDouble()
            let expected = Double(lit)
            #expect(d.bitPattern == expected?.bitPattern, "\(lit)")
        }
    }

    @Test func readIntRules() throws {
        var r = reader("[9223372036854775807, -9223372036854775808, 9223372036854775808, 10.0, 1e2, 1e400, -0]")
        try r.beginArray()
        _ = try r.nextElement()
        #expect(try r.readInt() == Int.max)
        _ = try r.nextElement()
        #expect(try r.readInt() == Int.min)
        for expected: JSONError.Kind in [.numberOutOfRange, .notAnInteger, .notAnInteger, .notAnInteger] {
            _ = try r.nextElement()
            #expect(throws: JSONError.self) { try r.readInt() }
            var probe = r
            do { _ = try probe.readInt() } catch { #expect(error.kind == expected) }
            try r.skipValue()
        }
        _ = try r.nextElement()
        #expect(try r.readInt() == 0)
    }

    @Test func stringsAndEscapes() throws {
        let v = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4E2D\ud83d\ude00", "\u0000", "café"]"#)
        #expect(v == .array([.string("a\"b\\c/d\u{8}\u{c}\n\r\t"), .string("é中😀"), .string("\u{0}"), .string("café")]))
    }

    @Test func longStringsUseTheWordLoop() throws {
        let body = String(repeating: "abcdefghijklmnopqrstuvwxyz0123456789", count: 100)
        for cut in 0..<20 {
            let s = String(body.prefix(cut * 7 + 1))
            #expect(try parse("\"\(s)\"") == .string(s))
            #expect(try parse("\"\(s)é\(s)\"") == .string("\(s)é\(s)"))
        }
        #expect(parseError("\"\(body)\u{1}\"")?.kind == .controlCharacterInString(1))
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82],
        [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xFE], [0xFF], [0xC3, 0x28], [0xE2, 0x28, 0xA1],
    ] as [[UInt8]])
    func invalidUTF8IsRejected(_ seq: [UInt8]) {
        let bytes = Array("[\"ab".utf8) + seq + Array("cd\"]".utf8)
        let e = parseError(bytes)
        #expect(e?.kind == .invalidUTF8)
        #expect(e?.offset == 4)
        #expect(e?.code == "json.encoding")
    }

    @Test func validUTF8Boundaries() throws {
        for scalar: UInt32 in [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF] {
            let s = String(Character(Unicode.Scalar(scalar)!))
            #expect(try parse("\"\(s)\"") == .string(s))
        }
    }

    @Test func truncatedInputAtEveryPrefix() throws {
        let text = #"{"a": [1, 2.5e3, "x\u00e9", true, null, {"b": false}]}"#
        let bytes = Array(text.utf8)
        _ = try JSONReader.parse(bytes: bytes)
        for n in 0..<bytes.count {
            let e = parseError(Array(bytes[0..<n]))
            #expect(e?.kind == .unexpectedEnd, "prefix \(n)")
            #expect(e?.offset == n)
        }
    }

    @Test func duplicateKeysAreWarnings() throws {
        var r = reader(#"{"images": [{"id": 1, "id": 2, "x": {"id": 3}}], "images": []}"#)
        let v = try r.readValue()
        try r.finish()
        #expect(r.warnings.count == 2)
        #expect(r.warnings[0].key == "id")
        #expect(r.warnings[0].pointer == "/images/0")
        #expect(r.warnings[0].offset == 22)
        #expect(r.warnings[1].key == "images")
        #expect(r.warnings[1].pointer == "")
        // Both members are kept; the subscript follows Python (last wins).
        #expect(v["images"] == .array([]))
    }

    @Test func duplicateKeysInSkippedValuesAndEscapedForms() throws {
        var r = reader(#"{"skip": {"a": 1, "\u0061": 2, "b": {"c": 1, "c": 2}}}"#)
        try r.beginObject()
        _ = try r.nextKey()
        try r.skipValue()
        #expect(try r.nextKey() == nil)
        #expect(r.warnings.map(\.key) == ["a", "c"])
        #expect(r.warnings.map(\.pointer) == ["/skip", "/skip/b"])
    }

    @Test func duplicateKeysInLargeObjects() throws {
        var members = (0..<200).map { "\"k\($0)\": \($0)" }
        members.append("\"k150\": 0")
        members.append("\"k3\": 0")
        var r = reader("{" + members.joined(separator: ",") + "}")
        try r.skipValue()
        #expect(r.warnings.map(\.key) == ["k150", "k3"])
        // Sibling objects do not share keys.
        var s = reader(#"[{"a": 1}, {"a": 2}]"#)
        try s.skipValue()
        #expect(s.warnings.isEmpty)
    }

    @Test func strictDuplicateKeys() {
        let e = parseError(Array(#"{"a": 1, "a": 2}"#.utf8), limits: JSONLimits(rejectDuplicateKeys: true))
        #expect(e?.kind == .duplicateKey("a"))
        #expect(e?.offset == 9)
    }

    @Test func deepNestingIsRejectedWithoutCrashing() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let e = parseError(deep)
        #expect(e?.kind == .depthLimitExceeded(512))
        #expect(e?.offset == 512)
        var r = JSONReader(bytes: deep)
        #expect(throws: JSONError.self) { try r.skipValue() }
        let objects = [UInt8](String(repeating: "{\"a\":", count: 100_000).utf8)
        #expect(parseError(objects)?.kind == .depthLimitExceeded(512))
        // A custom limit.
        let e64 = parseError(Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8),
                             limits: JSONLimits(maxDepth: 64))
        #expect(e64?.kind == .depthLimitExceeded(64))
        #expect(parseError(Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8),
                           limits: JSONLimits(maxDepth: 64)) == nil)
    }

    @Test func deepButLegalValuesAreIterative() throws {
        let n = 20_000
        let text = String(repeating: "[", count: n) + String(repeating: "]", count: n)
        let v = try JSONReader.parse(bytes: Array(text.utf8), limits: JSONLimits(maxDepth: n))
        let out = v.serialized()
        #expect(out == Array(text.utf8))
    }

    @Test func limitsOnStringsAndNumbers() {
        let lim = JSONLimits(maxStringBytes: 4, maxNumberLength: 5)
        #expect(parseError(Array(#"["abcd"]"#.utf8), limits: lim) == nil)
        #expect(parseError(Array(#"["abcde"]"#.utf8), limits: lim)?.kind == .stringTooLong)
        #expect(parseError(Array("[12345]".utf8), limits: lim) == nil)
        #expect(parseError(Array("[123456]".utf8), limits: lim)?.kind == .numberTooLong)
    }

    @Test func apiMisuseIsATypedError() throws {
        var r = reader("[1]")
        #expect(throws: JSONError.self) { try r.nextKey() }
        try r.beginArray()
        #expect(throws: JSONError.self) { try r.nextKey() }
        #expect(throws: JSONError.self) { try r.finish() }
    }

    @Test func withStringBytes() throws {
        var r = reader(#"["plain", "esc\n"]"#)
        try r.beginArray()
        _ = try r.nextElement()
        #expect(try r.withStringBytes { Array($0) } == Array("plain".utf8))
        _ = try r.nextElement()
        #expect(try r.withStringBytes { Array($0) } == Array("esc\n".utf8))
    }
}

@Suite struct KeySetTests {
    @Test func nextKeyInSet() throws {
        let keys = JSONKeySet(["id", "bbox", "é"])
        var r = reader(#"{"bbox": [1], "other": 2, "id": 3, "\u00e9": 4, "\u0069d": 5}"#)
        try r.beginObject()
        var seen: [Int] = []
        var unknown: [String] = []
        while let k = try r.nextKey(in: keys) {
            seen.append(k)
            if k == JSONKeySet.unknown, let name = r.currentKey { unknown.append(name) }
            try r.skipValue()
        }
        try r.finish()
        #expect(seen == [1, -1, 0, 2, 0])
        #expect(unknown == ["other"])
        #expect(r.warnings.map(\.key) == ["id"])
    }

    @Test func readDoubleSimpleAndGeneralPathsAgree() throws {
        for lit in ["0", "-0", "0.5", "-0.0", "123456789012345", "1234567890123456", "0.000001", "12.5e1", "99999.99999",
                    "1.000000000000001", "0.30000000000000004"] {
            var r = reader(lit)
            #expect(try r.readDouble().bitPattern == Double(lit)?.bitPattern, "\(lit)")
        }
    }
}
