import Foundation
import Testing
import AnnoXML

/// This file imports Foundation and AnnoXML together; that it compiles proves the ICU shim works downstream.
@Suite struct FoundationCoexistenceTests {
    @Test func foundationAndAnnoXMLShareAModule() throws {
        let data = Data("<a n=\"1\">é</a>".utf8)
        let root = try XML.parse([UInt8](data), file: URL(fileURLWithPath: "/tmp/a.xml").lastPathComponent)
        #expect(root.text == "é")
        #expect(root.attribute("n") == "1")
        #expect(String(decoding: Data(root.serialized().utf8), as: UTF8.self) == "<a n=\"1\">é</a>\n")
    }
}
