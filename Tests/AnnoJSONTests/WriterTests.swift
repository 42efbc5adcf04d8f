import AnnoJSON
import Foundation
import Testing

@Suite struct WriterTests {
    func text(_ w: JSONWriter) -> String { String(decoding: w.bytes, as: UTF8.self) }

    @Test func compactStreaming() {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.int(1)
        w.key("b"); w.beginArray(); w.int(1); w.double(2.5); w.endArray()
        w.key("c"); w.beginObject(); w.endObject()
        w.key("d"); w.beginArray(); w.endArray()
        w.key("e"); w.bool(true)
        w.key("f"); w.null()
        w.key("g"); w.number(JSONNumber(literal: "10.0", double: 10))
        w.key("h"); w.string("x/y")
        w.endObject()
        #expect(text(w) == #"{"a":1,"b":[1,2.5],"c":{},"d":[],"e":true,"f":null,"g":10.0,"h":"x/y"}"#)
        #expect(w.isComplete)
    }

    @Test func prettyLayout() throws {
        let v = try parse(#"{"a": 1, "bbox": [1, 2.5, 3, 4], "seg": [[1, 2], [3, 4]], "e": [], "o": {}, "m": [1, "x"]}"#)
        let out = String(decoding: v.serialized(pretty: true), as: UTF8.self)
        #expect(out == """
        {
          "a": 1,
          "bbox": [1, 2.5, 3, 4],
          "seg": [
            [1, 2],
            [3, 4]
          ],
          "e": [],
          "o": {},
          "m": [
            1,
            "x"
          ]
        }
        """)
    }

    @Test func escapes() {
        var w = JSONWriter()
        w.string("q\"b\\s/\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}é中😀")
        #expect(text(w) == "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u{7f}é中😀\"")
    }

    @Test func doubles() {
        var w = JSONWriter()
        w.beginArray()
        for d in [0.0, -0.0, 10, 0.1, 1e21, .leastNonzeroMagnitude, 1e-5, 9007199254740992, .nan, .infinity, -.infinity, 373.29] { w.double(d) }
        w.endArray()
        #expect(text(w) == "[0,-0.0,10,0.1,1e+21,5e-324,1e-05,9007199254740992.0,null,null,null,373.29]")
    }

    @Test func takeStreamsChunks() {
        var w = JSONWriter()
        var out: [UInt8] = []
        w.beginArray()
        for i in 0..<1000 {
            w.int(i)
            if i % 100 == 0 { out += w.take() }
        }
        w.endArray()
        out += w.take()
        #expect(out == Array(("[" + (0..<1000).map(String.init).joined(separator: ",") + "]").utf8))
    }

    @Test func topLevelValuesAreNewlineSeparated() {
        var w = JSONWriter()
        w.int(1)
        w.string("a")
        #expect(text(w) == "1\n\"a\"")
    }

    @Test func roundTripKeepsLiteralsAndOrder() throws {
        let src = #"{"z": [373.29, 1e300, -0.0, 10, 10.0, 1E5], "a": "é\u0000", "dup": 1, "dup": 2}"#
        let v = try parse(src)
        let compact = v.serialized()
        #expect(String(decoding: compact, as: UTF8.self) == #"{"z":[373.29,1e300,-0.0,10,10.0,1E5],"a":"é\u0000","dup":1,"dup":2}"#)
        #expect(try JSONReader.parse(bytes: compact) == v)
        #expect(try JSONReader.parse(bytes: v.serialized(pretty: true)) == v)
    }

    @Test func randomValuesRoundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        func random(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 4 ? 4 : 7), using: &rng) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &rng))
            case 2: return .number(JSONNumber(Double.random(in: -1e6...1e6, using: &rng)))
            case 3:
                let scalars = (0..<Int.random(in: 0..<8, using: &rng)).map { _ in
                    Unicode.Scalar([0x0, 0x1f, 0x22, 0x5c, 0x2f, 0x41, 0xe9, 0x4e2d, 0x1F600].randomElement(using: &rng)!)!
                }
                var s = ""
                s.unicodeScalars.append(contentsOf: scalars)
                return .string(s)
            case 4: return .number(JSONNumber(Int.random(in: -1000...1000, using: &rng)))
            case 5: return .array((0..<Int.random(in: 0..<5, using: &rng)).map { _ in random(depth + 1) })
            default:
                return .object((0..<Int.random(in: 0..<5, using: &rng)).map { i in JSONMember("k\(i)/~", random(depth + 1)) })
            }
        }
        for _ in 0..<300 {
            let v = random(0)
            #expect(try JSONReader.parse(bytes: v.serialized()) == v)
            #expect(try JSONReader.parse(bytes: v.serialized(pretty: true)) == v)
            #expect(v.serialized() == v.serialized())
        }
    }

    @Test func foundationAgreesOnOurOutput() throws {
        let v = try parse(#"{"s": "a/b\n\u0001é", "n": [1, 2.5, -3e-7], "o": {"t": true, "f": null}}"#)
        let any = try JSONSerialization.jsonObject(with: Data(v.serialized()))
        let dict = try #require(any as? [String: Any])
        #expect(dict["s"] as? String == "a/b\n\u{1}é")
        #expect((dict["n"] as? [Double]) == [1, 2.5, -3e-7])
    }
}
