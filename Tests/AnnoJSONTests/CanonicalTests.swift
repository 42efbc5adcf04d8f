import AnnoJSON
import Foundation
import Testing

@Suite struct CanonicalTests {
    @Test func readDoubleArrayLiterals() throws {
        var r = reader("[[1, 2.5, 373.29, -3], [10.0, 1], [1E5], [-0], [-0.0, 0.0001], [], [1e-05]]")
        try r.beginArray()
        var results: [[String]?] = []
        var values: [[Double]] = []
        while try r.nextElement() {
            var lits: [String]?
            values.append(try r.readDoubleArray(literals: &lits))
            results.append(lits)
        }
        #expect(values[0] == [1, 2.5, 373.29, -3])
        #expect(results[0] == nil)
        #expect(results[1] == ["10.0", "1"])
        #expect(results[2] == ["1E5"])
        #expect(results[3] == ["-0"])
        #expect(results[4] == nil)
        #expect(results[5] == nil)
        #expect(results[6] == nil)
    }

    @Test func readDoubleArrayTypeErrorHasPointer() throws {
        var r = reader(#"{"bbox": [1, 2, "3"]}"#)
        try r.beginObject()
        _ = try r.nextKey()
        do {
            _ = try r.readDoubleArray()
            Issue.record("expected a throw")
        } catch {
            #expect(error.kind == .typeMismatch(expected: .number, found: .string))
            #expect(error.pointer == "/bbox/2")
        }
    }

    /// The byte-level canonical decision must agree with the textual definition for every literal shape.
    @Test func fastCanonicalCheckAgreesWithDefinition() throws {
        var rng = SystemRandomNumberGenerator()
        var literals = ["0", "-0", "0.0", "-0.0", "-0.00", "10", "10.0", "0.5", "0.50", "0.0001", "0.00012", "0.00009",
                        "123456789012345", "1234567890123456", "9007199254740993", "99999999999999.9",
                        "0.000123456789012345", "1.5", "1e5", "1E5", "1e-05", "1e+16", "5e-324", "100.25", "-373.29",
                        "0.1", "0.3", "2.675", "1.0000000000000002", "123456789012345.6"]
        for _ in 0..<20000 {
            var s = Int.random(in: 0...3, using: &rng) == 0 ? "-" : ""
            let intDigits = Int.random(in: 1...17, using: &rng)
            if Int.random(in: 0...3, using: &rng) == 0 {
                s += "0"
            } else {
                s += String(Int.random(in: 1...9, using: &rng))
                for _ in 1..<intDigits { s += String(Int.random(in: 0...9, using: &rng)) }
            }
            if Bool.random(using: &rng) {
                s += "."
                let zeros = Int.random(in: 0...6, using: &rng)
                s += String(repeating: "0", count: zeros)
                for _ in 0..<Int.random(in: 1...10, using: &rng) { s += String(Int.random(in: 0...9, using: &rng)) }
            }
            if Int.random(in: 0...9, using: &rng) == 0 { s += "e\(Int.random(in: -30...30, using: &rng))" }
            literals.append(s)
        }
        for chunk in stride(from: 0, to: literals.count, by: 500) {
            let part = Array(literals[chunk..<min(chunk + 500, literals.count)])
            for lit in part {
                var r = reader("[\(lit)]")
                var lits: [String]?
                let d = try r.readDoubleArray(literals: &lits)
                let canonical = JSONNumber(literal: lit, double: d[0]).isCanonical
                #expect((lits == nil) == canonical, "\(lit)")
                if let lits { #expect(lits == [lit]) }
            }
            // Mixed arrays: literals appear only if one is non-canonical, and then all are exact.
            var r = reader("[" + part.joined(separator: ",") + "]")
            var lits: [String]?
            let ds = try r.readDoubleArray(literals: &lits)
            var w = JSONWriter()
            w.beginArray()
            if let lits {
                #expect(lits == part)
                for l in lits { w.number(JSONNumber(literal: l, double: 0)) }
            } else {
                for d in ds { w.double(d) }
            }
            w.endArray()
            #expect(w.bytes == Array(("[" + part.joined(separator: ",") + "]").utf8))
        }
    }

    @Test func canonicalLiteralExamples() {
        #expect(JSONNumber(10.0).literal == "10")
        #expect(JSONNumber(-0.0).literal == "-0.0")
        #expect(JSONNumber(0.0).literal == "0")
        #expect(JSONNumber(373.29).literal == "373.29")
        #expect(JSONNumber(1e21).literal == "1e+21")
        #expect(JSONNumber(literal: "10.0", double: 10).isCanonical == false)
        #expect(JSONNumber(literal: "373.29", double: 373.29).isCanonical)
    }
}

@Suite struct NumberFastPathTests {
    /// readDoubleArray(style:) and readNumber() must give exactly Double(literal) for every literal shape, and the
    /// reported style must reproduce every literal.
    @Test func doubleArrayMatchesStandardLibrary() throws {
        var rng = SystemRandomNumberGenerator()
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
        func literal() -> String {
            let neg = Bool.random(using: &rng) ? "-" : ""
            let intLen = Int.random(in: 1...17, using: &rng)
            var int = digits(intLen)
            if int.first == "0" { int = Bool.random(using: &rng) ? "0" : "1" + int.dropFirst() }
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return neg + int
            case 1: return neg + int + "." + digits(Int.random(in: 1...12, using: &rng))
            case 2: return neg + "0." + String(repeating: "0", count: Int.random(in: 0...6, using: &rng)) + digits(Int.random(in: 1...9, using: &rng))
            case 3: return neg + int + ".0"
            default: return neg + int + (Bool.random(using: &rng) ? "e" : "E") + (Bool.random(using: &rng) ? "-" : "") + digits(Int.random(in: 1...2, using: &rng))
            }
        }
        let fixed = ["0", "-0", "0.0", "-0.0", "1", "10", "100.0", "1234567", "12345678", "0.0001", "0.00001", "1.5",
                     "9999999.9999999", "1234567.12345678", "0.1234567", "7.0", "-7.10", "123456789012345"]
        for round in 0..<300 {
            let lits = round == 0 ? fixed : (0..<Int.random(in: 1...40, using: &rng)).map { _ in literal() }
            let text = "[" + lits.joined(separator: round % 2 == 0 ? "," : " , ") + "]"
            var r = JSONReader(bytes: Array(text.utf8))
            var style = NumberStyle.canonical
            let values = try r.readDoubleArray(style: &style)
            try r.finish()
            #expect(values.count == lits.count)
            for (i, lit) in lits.enumerated() {
                let expected = Double(lit)!
                #expect(values[i].bitPattern == expected.bitPattern, "\(lit)")
                #expect(style.literal(values[i], at: i) == lit, "\(lit) in \(text)")
                var one = JSONReader(bytes: Array(lit.utf8))
                let n = try one.readNumber()
                #expect(n.literal == lit && n.double.bitPattern == expected.bitPattern, "\(lit)")
            }
        }
    }

    @Test func doubleArrayErrorsKeepPointers() {
        for (text, pointer) in [("[1,2,x]", "/2"), ("[1,01]", "/1"), ("[1,2,]", "/1"), ("[1.,2]", "/0"), ("[1 2]", "/0"), ("[-]", "/0")] {
            var r = JSONReader(bytes: Array(text.utf8))
            var style = NumberStyle.canonical
            do {
                _ = try r.readDoubleArray(style: &style)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.pointer == pointer, "\(text): \(error)")
            }
        }
    }

    @Test func integerOrNumberAndNextElementFastPaths() throws {
        let text = "[1,22,333 ,0,-5,1.5,12345678901234567,123456789012345678,1234567890123456789, 7\n,8e2,\n9]"
        var r = JSONReader(bytes: Array(text.utf8))
        try r.beginArray()
        var got: [IntegerOrNumber] = []
        while try r.nextElement() { got.append(try r.readIntegerOrNumber()) }
        try r.finish()
        let expected: [IntegerOrNumber] = [.int(1), .int(22), .int(333), .int(0), .int(-5),
                                           .number(JSONNumber(literal: "1.5", double: 1.5)),
                                           .int(12345678901234567), .int(123456789012345678),
                                           .number(JSONNumber(literal: "1234567890123456789", double: 1234567890123456789)),
                                           .int(7), .number(JSONNumber(literal: "8e2", double: 800)), .int(9)]
        #expect(got == expected)
        for (bad, pointer) in [("[1,]", "/0"), ("[1,01]", "/1"), ("[1,,2]", "/1")] {
            var s = JSONReader(bytes: Array(bad.utf8))
            do {
                try s.beginArray()
                while try s.nextElement() { _ = try s.readIntegerOrNumber() }
                Issue.record("no error for \(bad)")
            } catch {
                #expect(error.pointer == pointer, "\(bad): \(error)")
            }
        }
    }

    @Test func consumingInitMatchesCopyingInit() throws {
        let text = "{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}"
        var owned = Array(text.utf8)
        owned.reserveCapacity(owned.count + JSONReader.padding)
        var a = JSONReader(consuming: owned)
        var b = JSONReader(bytes: Array(text.utf8))
        #expect(try a.readValue() == b.readValue())
        #expect(a.count == b.count)
    }
}
