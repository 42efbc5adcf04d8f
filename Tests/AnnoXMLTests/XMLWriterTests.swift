import Foundation
import Testing
import AnnoXML

/// The writer: layout, escaping, forbidden characters, names and write-then-parse round trips.
@Suite struct XMLWriterTests {
    static let sample = XML.Element(
        name: "annotation",
        children: [
            XML.Element(name: "filename", text: "a & b <c> \"d\" 'e'.jpg"),
            XML.Element(name: "object", attributes: [XML.Attribute(name: "id", value: "1 & \"2\"\t<3>\n'4'\r")], children: [
                XML.Element(name: "name", text: "  cat\r\n  "),
                XML.Element(name: "empty"),
            ]),
            XML.Element(name: "note", children: [XML.Element(name: "b", text: "x")], text: "mixed "),
        ])

    @Test func writesDeterministicIndentedText() throws {
        let text = try XML.Writer().string(Self.sample)
        #expect(text == """
            <?xml version="1.0" encoding="utf-8"?>
            <annotation>
              <filename>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;.jpg</filename>
              <object id="1 &amp; &quot;2&quot;&#9;&lt;3&gt;&#10;&apos;4&apos;&#13;">
                <name>  cat&#13;
              </name>
                <empty/>
              </object>
              <note>mixed <b>x</b></note>
            </annotation>

            """)
        #expect(try XML.Writer().string(Self.sample) == text)
        #expect(Self.sample.serialized(indent: 0) == """
            <annotation><filename>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;.jpg</filename>\
            <object id="1 &amp; &quot;2&quot;&#9;&lt;3&gt;&#10;&apos;4&apos;&#13;"><name>  cat&#13;
              </name><empty/></object><note>mixed <b>x</b></note></annotation>

            """)
    }

    @Test(arguments: [0, 1, 2, 4])
    func roundTripsThroughTheParser(indent: Int) throws {
        let written = try XML.Writer(indent: indent).bytes(Self.sample)
        let parsed = try XML.parse(written)
        #expect(parsed.droppingIndentation() == Self.sample.droppingIndentation())
        if indent == 0 { #expect(parsed == Self.sample) }
    }

    @Test(arguments: ["voc1_2007_000001.xml", "voc2_a.xml", "voc2_at.xml", "roboflow_train_001.xml"])
    func realFilesRoundTrip(file: String) throws {
        let original = try XML.parse(Fixtures.bytes("real/" + file))
        let again = try XML.parse(string: original.serialized())
        #expect(again.droppingIndentation() == original.droppingIndentation())
        let compact = try XML.parse(string: original.serialized(indent: 0))
        #expect(compact == original)
        #expect(try XML.parse(string: again.serialized()).serialized() == again.serialized())
    }

    @Test func xincludeAndNamespacesRoundTrip() throws {
        let original = try XML.parse(Fixtures.bytes("accepted/xinclude.xml"))
        #expect(try XML.parse(string: original.serialized(indent: 0)) == original)
    }

    @Test func forbiddenCharactersAreReplacedOrRejected() throws {
        let bad = XML.Element(name: "a", attributes: [XML.Attribute(name: "v", value: "x\u{0}y")], text: "p\u{1B}q\u{FFFF}")
        #expect(bad.serialized() == "<a v=\"x\u{FFFD}y\">p\u{FFFD}q\u{FFFD}</a>\n")
        #expect(throws: XML.Error(.invalidCharacter(0))) {
            try XML.Writer(invalidCharacters: .reject).string(bad)
        }
        #expect(try XML.parse(string: bad.serialized()).text == "p\u{FFFD}q\u{FFFD}")
        // Tab, LF, CR and everything from U+0020 up (other than U+FFFE/U+FFFF) are allowed.
        let fine = XML.Element(name: "a", text: "\t\n\r\u{7F}\u{85}é😀")
        #expect(try XML.parse(string: XML.Writer(invalidCharacters: .reject).string(fine)) == fine)
    }

    @Test func invalidNamesAreRepairedOrRejected() throws {
        let bad = XML.Element(name: "1 bad", attributes: [XML.Attribute(name: "", value: "v")])
        #expect(bad.serialized() == "<__bad _=\"v\"/>\n")
        #expect(throws: XML.Error(.invalidName("1 bad"))) { try XML.Writer(invalidCharacters: .reject).string(bad) }
        let good = XML.Element(name: "xi:include", attributes: [XML.Attribute(name: "data-é.x_1", value: "")])
        #expect(try XML.Writer(invalidCharacters: .reject).string(good).hasSuffix("<xi:include data-é.x_1=\"\"/>\n"))
    }

    @Test func declarationIsOptional() throws {
        let element = XML.Element(name: "a", text: "1")
        #expect(try XML.Writer(includesDeclaration: false).string(element) == "<a>1</a>\n")
        #expect(try XML.Writer().string(element) == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a>1</a>\n")
    }
}
