import AnnoCore
@testable import AnnoReport
import Testing

/// The shared escapers, the fingerprint and the small formatting helpers.
@Suite struct EscapingTests {
    @Test func jsonStringEscaping() {
        #expect(JSONText.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONText.quoted("\u{01}\u{1F}\u{2028}") == #""\u0001\u001f\u2028""#)
        #expect(JSONText.quoted("ü猫/") == "\"ü猫/\"")
    }

    @Test func xmlEscaping() {
        #expect(XMLText.escaped("&<>\"'") == "&amp;&lt;&gt;&quot;&apos;")
        #expect(XMLText.escaped("a\u{00}b\u{0B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLText.escaped("l1\nl2\tx\r") == "l1\nl2\tx&#13;")
        #expect(XMLText.escaped("l1\nl2\t", attribute: true) == "l1&#10;l2&#9;")
        #expect(XMLText.escaped("ü猫") == "ü猫")
    }

    @Test func fingerprintIsFNV1a64OfCodeAndSubject() {
        #expect(Fingerprint.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Fingerprint.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Fingerprint.hex(0xab) == "00000000000000ab")
        let d = Diagnostic(code: "AK101", name: "n", severity: .warning, message: "m", subject: "annotation 17")
        #expect(Fingerprint.of(d) == Fingerprint.hex(Fingerprint.fnv1a64("AK101|annotation 17")))
        var moved = d
        moved.location = SourceLocation(file: "x.json", line: 99)
        moved.message = "reworded"
        #expect(Fingerprint.of(moved) == Fingerprint.of(d))
    }

    @Test func sarifURIsArePercentEncoded() {
        #expect(SARIFReporter.uri(forPath: "data/coco/a.json") == "data/coco/a.json")
        #expect(SARIFReporter.uri(forPath: "a b/ü#1%.xml") == "a%20b/%C3%BC%231%25.xml")
        #expect(SARIFReporter.uri(forPath: "/abs/x:y.json") == "file:///abs/x%3Ay.json")
    }

    @Test func percentagesAreRoundedHalfUpWithoutFloatingPoint() {
        #expect(ReportText.percent(2, of: 3) == "66.7%")
        #expect(ReportText.percent(1, of: 8) == "12.5%")
        #expect(ReportText.percent(1, of: 3) == "33.3%")
        #expect(ReportText.percent(0, of: 0) == "0.0%")
        #expect(ReportText.percent(5, of: 5) == "100.0%")
    }

    @Test func markdownCellsCannotBreakTables() {
        #expect(MarkdownReporter.cell("a|b`c\\d<e>&\nf") == "a\\|b\\`c\\\\d&lt;e&gt;&amp;<br>f")
    }

    @Test func textLineOmitsUnknownParts() {
        let bare = Diagnostic(code: "AK1", name: "x", severity: .error, message: "m")
        #expect(TextReporter.line(for: bare) == "error: m [AK1 x]\n")
        var withPointer = bare
        withPointer.location = SourceLocation(file: "f.json", pointer: "/annotations/3", line: 2)
        #expect(TextReporter.line(for: withPointer) == "f.json:2: error: m [AK1 x] (at /annotations/3)\n")
    }
}
