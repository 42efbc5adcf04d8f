import Testing
import AnnoXML

/// Parsing real Pascal VOC files and the element helpers.
@Suite struct XMLParseTests {
    @Test func parsesDatumaroVOCWithLinesAndText() throws {
        let root = try XML.parse(Fixtures.bytes("real/voc1_2007_000001.xml"), file: "voc1.xml")
        #expect(root.name == "annotation")
        #expect(root.line == 2)
        #expect(root.children.map(\.name) == ["folder", "filename", "size", "segmented", "object", "object"])
        #expect(root.text(of: "folder") == "VOC2007")
        #expect(root.text(of: "filename") == "2007_000001.jpg")
        let size = try #require(root.child(named: "size"))
        #expect(size.line == 5)
        #expect(size.children.map(\.line) == [6, 7, 8])
        #expect(size.text(of: "width") == "20")
        #expect(size.text(of: "height") == "10")
        let objects = root.children(named: "object")
        #expect(objects.count == 2)
        #expect(objects.map(\.line) == [11, 23])
        #expect(objects[0].text(of: "name") == "cat")
        #expect(objects[0].child(named: "bndbox")?.text(of: "xmin") == "1")
        let part = try #require(objects[1].child(named: "part"))
        #expect(part.line == 31)
        #expect(part.text(of: "name") == "head")
        #expect(part.child(named: "bndbox")?.text(of: "xmin") == "5.5")
        #expect(objects[1].child(named: "actions")?.children.count == 11)
        // Text is kept as written, whitespace included; trimmedText strips it.
        #expect(size.text == "\n    \n    \n    \n  ")
        #expect(size.trimmedText == "")
        #expect(root.text(of: "missing") == nil)
        #expect(root.attributes.isEmpty)
    }

    @Test(arguments: [
        ("voc2_a.xml", "a.jpg", 1),
        ("voc2_at.xml", "@.jpg", 0),
        ("voc3_2007_000001.xml", "2007_000001.jpg", 1),
        ("kaggle_relaxed_voc2_2007_000001.xml", "2007_000001.jpg", 2),
        ("roboflow_train_001.xml", "train_001.jpg", 1),
    ])
    func parsesOtherRealVOCFiles(file: String, filename: String, objects: Int) throws {
        let root = try XML.parse(Fixtures.bytes("real/" + file), file: file)
        #expect(root.name == "annotation")
        #expect(root.text(of: "filename") == filename)
        #expect(root.children(named: "object").count == objects)
        #expect(root.text(of: "folder") != nil)
    }

    @Test func commentsAreSkippedButCountForLines() throws {
        let root = try XML.parse(Fixtures.bytes("real/voc2_at.xml"))
        #expect(root.child(named: "folder")?.line == 11)
        #expect(root.child(named: "folder")?.text == "")
        #expect(root.child(named: "source")?.text(of: "image") == "Unknown")
    }

    @Test func roboflowBoxKeepsItsChildOrder() throws {
        let root = try XML.parse(Fixtures.bytes("real/roboflow_train_001.xml"))
        let box = try #require(root.child(named: "object")?.child(named: "bndbox"))
        #expect(box.children.map(\.name) == ["xmin", "xmax", "ymin", "ymax"])
        #expect(box.children.map(\.trimmedText) == ["2", "5", "1", "2"])
    }

    @Test func markupInsideCommentsPIsCDATAAndValuesIsNotMarkup() throws {
        let root = try XML.parse(Fixtures.bytes("accepted/tricky-markup.xml"))
        #expect(root.attributes == [
            XML.Attribute(name: "note", value: "a=b > c, x='y', <!DOCTYPE>"),
            XML.Attribute(name: "other", value: ">"),
        ])
        #expect(root.attribute("other") == ">")
        #expect(root.text(of: "name") == "<!DOCTYPE x> <a><b> &")
        #expect(root.child(named: "name")?.text == "<!DOCTYPE x> <a><b> & ")
        #expect(root.text(of: "pose") == "café & crème")
        #expect(root.child(named: "empty")?.text == "")
        #expect(root.children.map(\.line) == [5, 6, 7])
    }

    @Test func xincludeIsNotProcessed() throws {
        let root = try XML.parse(Fixtures.bytes("accepted/xinclude.xml"), file: "xinclude.xml")
        let filename = try #require(root.child(named: "filename"))
        #expect(filename.trimmedText == "")
        let include = try #require(filename.child(named: "xi:include"))
        #expect(include.attribute("href") == "file:///etc/passwd")
        #expect(include.children.isEmpty && include.text.isEmpty)
        #expect(!root.serialized().contains("root:"))
        #expect(root.attribute("xmlns:xi") == "http://www.w3.org/2001/XInclude")
    }

    @Test func mixedContentAndCDATAConcatenate() throws {
        let root = try XML.parse(string: "<a>one<b/>two<![CDATA[<three>]]>\r\n</a>")
        #expect(root.text == "onetwo<three>\n")
        #expect(root.children == [XML.Element(name: "b")])
    }

    @Test func utf8BOMAndLatin1AreDecoded() throws {
        let bom = try XML.parse([0xEF, 0xBB, 0xBF] + Array("<a>é</a>".utf8))
        #expect(bom.text == "é")
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try XML.parse(latin1).text == "é")
    }

    @Test func equalityIgnoresLines() {
        let a = XML.Element(name: "x", text: "1", line: 3)
        let b = XML.Element(name: "x", text: "1", line: 9)
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != XML.Element(name: "x", text: "2", line: 3))
    }
}
