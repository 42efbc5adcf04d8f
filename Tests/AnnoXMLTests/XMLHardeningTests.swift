import Foundation
import Testing
@testable import AnnoXML

/// The malformed and hostile corpus in `Fixtures/xml/invalid/`, generated attacks, and the libxml2 layer alone.
@Suite struct XMLHardeningTests {
    /// Every file in `Fixtures/xml/invalid/` and the exact error it must produce.
    static let corpus: [String: XML.Error] = [
        "billion-laughs.xml": .init(.doctypeForbidden, file: "billion-laughs.xml", line: 2, column: 1),
        "comment-only.xml": .init(.empty, file: "comment-only.xml"),
        "doctype-alone.xml": .init(.doctypeForbidden, file: "doctype-alone.xml", line: 1, column: 1),
        "duplicate-attribute.xml": .init(
            .malformed("Attribute a redefined"), file: "duplicate-attribute.xml", line: 1, column: 24),
        "empty.xml": .init(.empty, file: "empty.xml"),
        "entity-declaration-in-content.xml": .init(
            .entityForbidden, file: "entity-declaration-in-content.xml", line: 2, column: 3),
        "external-dtd.xml": .init(.doctypeForbidden, file: "external-dtd.xml", line: 3, column: 1),
        "invalid-utf8.xml": .init(
            .invalidEncoding("invalid UTF-8 byte sequence"), file: "invalid-utf8.xml", line: 2, column: 12),
        "junk-after-root.xml": .init(
            .malformed("Extra content at the end of the document"), file: "junk-after-root.xml", line: 2, column: 1),
        "mismatched-tags.xml": .init(
            .malformed("Opening and ending tag mismatch: name line 3 and nome"), file: "mismatched-tags.xml", line: 3,
            column: 21),
        "nul-byte.xml": .init(.invalidCharacter(0), file: "nul-byte.xml", line: 2, column: 10),
        "overlong-utf8.xml": .init(
            .invalidEncoding("invalid UTF-8 byte sequence"), file: "overlong-utf8.xml", line: 1, column: 19),
        "quadratic-blowup.xml": .init(.doctypeForbidden, file: "quadratic-blowup.xml", line: 2, column: 1),
        "text-only.xml": .init(
            .malformed("Start tag expected, '<' not found"), file: "text-only.xml", line: 1, column: 1),
        "truncated.xml": .init(
            .malformed("Premature end of data in tag size line 2"), file: "truncated.xml", line: 2, column: 25),
        "unclosed-tag.xml": .init(
            .malformed("Premature end of data in tag annotation line 1"), file: "unclosed-tag.xml", line: 5, column: 1),
        "undeclared-entity.xml": .init(.entityForbidden, file: "undeclared-entity.xml", line: 1, column: 24),
        "unknown-encoding.xml": .init(
            .invalidEncoding("Unsupported encoding foo"), file: "unknown-encoding.xml", line: 1, column: 35),
        "utf16-bom.xml": .init(
            .invalidEncoding("UTF-16 and UTF-32 are not supported; use UTF-8"), file: "utf16-bom.xml", line: 1,
            column: 1),
        "whitespace-only.xml": .init(.empty, file: "whitespace-only.xml"),
        "xxe-file-entity.xml": .init(.doctypeForbidden, file: "xxe-file-entity.xml", line: 2, column: 1),
        "xxe-network-entity.xml": .init(.doctypeForbidden, file: "xxe-network-entity.xml", line: 2, column: 1),
        "xxe-parameter-entity.xml": .init(.doctypeForbidden, file: "xxe-parameter-entity.xml", line: 1, column: 1),
    ]

    /// Parses and returns the thrown error (or nil) and the elapsed seconds.
    static func failure(_ bytes: [UInt8], file: String = "", limits: XML.Limits = .default) -> (XML.Error?, Double) {
        let clock = ContinuousClock()
        var thrown: XML.Error?
        let elapsed = clock.measure {
            do throws(XML.Error) { _ = try XML.parse(bytes, file: file, limits: limits) } catch { thrown = error }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (thrown, seconds)
    }

    @Test func corpusTableCoversEveryFile() throws {
        #expect(Set(try Fixtures.xmlFiles(in: "invalid")) == Set(Self.corpus.keys))
        #expect(Self.corpus.count >= 12)
    }

    @Test(arguments: corpus.keys.sorted())
    func corpusFileFailsWithExactError(name: String) throws {
        let expected = try #require(Self.corpus[name])
        let (error, seconds) = Self.failure(try Fixtures.bytes("invalid/" + name), file: name)
        #expect(error == expected)
        #expect(error?.isLimit == false)
        #expect(error?.exitCode == 65)
        #expect(seconds < 5, "sanity bound only; not a performance test")
    }

    @Test func deepNestingIsALimitAtTheFirstTooDeepTag() {
        let depth = 100_000
        let bytes = Array(String(repeating: "<a>", count: depth).utf8) + Array(String(repeating: "</a>", count: depth).utf8)
        let (error, seconds) = Self.failure(bytes, file: "deep.xml")
        #expect(error == XML.Error(.tooDeep(limit: 64), file: "deep.xml", line: 1, column: 64 * 3 + 1))
        #expect(error?.isLimit == true)
        #expect(error?.exitCode == 3)
        #expect(seconds < 5)
    }

    @Test func twoHundredThousandAttributesAreRejectedByThePrescan() {
        var text = "<annotation\n"
        for index in 0..<200_000 { text += " a\(index)=\"1\"" }
        text += "/>"
        let (error, seconds) = Self.failure(Array(text.utf8), file: "attrs.xml")
        #expect(error == XML.Error(.tooManyAttributes(limit: 256), file: "attrs.xml", line: 1, column: 1))
        #expect(error?.isLimit == true)
        #expect(seconds < 5)
    }

    @Test func oversizeInputIsRejectedBeforeScanning() {
        let limit = XML.Limits.default.maxBytes
        let bytes = Array("<a>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: limit) + Array("</a>".utf8)
        let (error, seconds) = Self.failure(bytes, file: "big.xml")
        #expect(error == XML.Error(.tooLarge(limit: limit), file: "big.xml"))
        #expect(error?.isLimit == true)
        #expect(seconds < 5)
    }

    @Test func elementTextAndNameCapsAreLimits() {
        let many = "<a>" + String(repeating: "<b/>", count: 11) + "</a>"
        #expect(Self.failure(Array(many.utf8), limits: .init(maxElements: 10)).0
            == XML.Error(.tooManyElements(limit: 10), line: 1, column: 4 + 9 * 4))
        let text = "<a>\n" + String(repeating: "x", count: 101) + "</a>"
        #expect(Self.failure(Array(text.utf8), limits: .init(maxTextLength: 100)).0
            == XML.Error(.textTooLong(limit: 100), line: 1, column: 4))
        let value = "<a v=\"" + String(repeating: "x", count: 101) + "\"/>"
        #expect(Self.failure(Array(value.utf8), limits: .init(maxTextLength: 100)).0
            == XML.Error(.textTooLong(limit: 100), line: 1, column: 7))
        let cdata = "<a><![CDATA[" + String(repeating: "x", count: 101) + "]]></a>"
        #expect(Self.failure(Array(cdata.utf8), limits: .init(maxTextLength: 100)).0?.kind == .textTooLong(limit: 100))
        let name = "<" + String(repeating: "n", count: 33) + "/>"
        #expect(Self.failure(Array(name.utf8), limits: .init(maxNameLength: 32)).0
            == XML.Error(.nameTooLong(limit: 32), line: 1, column: 34))
        let attributeName = "<a " + String(repeating: "n", count: 33) + "=\"1\"/>"
        #expect(Self.failure(Array(attributeName.utf8), limits: .init(maxNameLength: 32)).0?.kind
            == .nameTooLong(limit: 32))
        for limitError in [XML.Error.Kind.tooLarge(limit: 1), .tooDeep(limit: 1), .tooManyAttributes(limit: 1),
                           .tooManyElements(limit: 1), .textTooLong(limit: 1), .nameTooLong(limit: 1)] {
            #expect(XML.Error(limitError).isLimit)
        }
    }

    @Test func limitsAtTheBoundaryAreAccepted() throws {
        let limits = XML.Limits(maxDepth: 3, maxAttributesPerElement: 2, maxElements: 3)
        let root = try XML.parse(string: "<a x='1' y=\"2\"><b><c/></b></a>", limits: limits)
        #expect(root.child(named: "b")?.child(named: "c") != nil)
        #expect(try XML.parse(string: "<a/>", limits: .init(maxBytes: 4)).name == "a")
        #expect(throws: XML.Error(.tooLarge(limit: 3))) { try XML.parse(string: "<a/>", limits: .init(maxBytes: 3)) }
        // End tags and self-closing tags close their level, so siblings do not add depth.
        let siblings = "<a>" + String(repeating: "<b><c/></b>", count: 100) + "</a>"
        #expect(try XML.parse(string: siblings, limits: .init(maxDepth: 3)).children.count == 100)
    }

    @Test func controlCharactersAndNoncharactersAreRejected() {
        #expect(Self.failure(Array("<a>\u{1}</a>".utf8)).0 == XML.Error(.invalidCharacter(1), line: 1, column: 4))
        #expect(Self.failure(Array("<a>\u{FFFE}</a>".utf8)).0?.kind == .invalidCharacter(0xFFFE))
        // A UTF-16 surrogate encoded in UTF-8 (CESU) is not UTF-8.
        #expect(Self.failure(Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8)).0?.kind
            == .invalidEncoding("invalid UTF-8 byte sequence"))
        #expect(Self.failure(Array("<a>".utf8) + [0xE2, 0x82]).0?.kind == .invalidEncoding("invalid UTF-8 byte sequence"))
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = XML.Error(.doctypeForbidden, file: "file.xml", line: 3, column: 5)
        #expect(error.description
            == "file.xml:3:5: error: DOCTYPE declarations are not allowed (AnnoKit never loads DTDs or expands entities)")
        #expect(XML.Error(.empty).description == "<input>: error: the document is empty (no root element)")
        #expect(XML.Error(.tooDeep(limit: 64), file: "a.xml", line: 7).description
            == "a.xml:7: error: elements nest deeper than the limit of 64")
    }

    // MARK: - Defence in depth: libxml2 without the pre-scan

    @Test(arguments: ["xxe-file-entity.xml", "xxe-parameter-entity.xml", "xxe-network-entity.xml", "external-dtd.xml",
                      "doctype-alone.xml", "billion-laughs.xml", "quadratic-blowup.xml"])
    func libxml2LayerAloneStillRejectsDTDs(name: String) throws {
        let bytes = try Fixtures.bytes("invalid/" + name)
        let clock = ContinuousClock()
        let start = clock.now
        var thrown: XML.Error?
        do throws(XML.Error) { _ = try XML.Parser.parse(bytes, file: name) } catch { thrown = error }
        #expect(clock.now - start < .seconds(5))
        let error = try #require(thrown)
        // The DTD check rejects what libxml2 parses; libxml2 itself rejects the entity loop.
        let acceptable: [XML.Error.Kind] = [.doctypeForbidden, .entityForbidden]
        #expect(acceptable.contains(error.kind), "\(error)")
        #expect(!error.description.contains("root:"))
    }

    @Test func libxml2LayerAloneStopsAtItsOwnDepthLimit() {
        let bytes = Array(String(repeating: "<a>", count: 300).utf8) + Array(String(repeating: "</a>", count: 300).utf8)
        #expect(throws: XML.Error.self) { try XML.Parser.parse(bytes, file: "") }
        do throws(XML.Error) { _ = try XML.Parser.parse(bytes, file: "") } catch { #expect(error.kind == .tooDeep(limit: 256)) }
    }

    @Test func parserOptionsAreExactlyTheHardenedSet() {
        // XML_PARSE_NONET (1 << 11) | XML_PARSE_NOERROR (1 << 5) | XML_PARSE_NOWARNING (1 << 6).
        #expect(XML.Parser.options == (1 << 11) | (1 << 5) | (1 << 6))
    }

    @Test func sourcesNeverNameDangerousLibxml2Features() throws {
        let forbidden = [
            "XML_PARSE_NOENT", "XML_PARSE_DTDLOAD", "XML_PARSE_DTDATTR", "XML_PARSE_DTDVALID", "XML_PARSE_HUGE",
            "XML_PARSE_XINCLUDE", "XML_PARSE_RECOVER", "xmlXIncludeProcess", "xmlNodeGetContent",
            "xmlNodeListGetString", "xmlGetProp", "xmlReadFile", "xmlParseFile", "xmlCtxtUseOptions",
        ]
        let folder = Fixtures.root.appendingPathComponent("Sources/AnnoXML")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for name in forbidden {
                #expect(!source.contains(name), "\(file) names \(name)")
            }
            if file != "XML.Parser.swift" {
                #expect(!source.contains("import CLibXML2"), "\(file) imports libxml2")
            }
        }
    }
}
