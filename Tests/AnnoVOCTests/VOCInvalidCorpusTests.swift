import AnnoCore
import AnnoPNG
import AnnoZlib
import Foundation
import Testing
@testable import AnnoVOC

/// The malformed corpus: each case asserts its exact code and exit category and finishes in under a second.
@Suite("VOC malformed corpus")
struct VOCInvalidCorpusTests {
    enum Expect: Sendable, CustomStringConvertible {
        /// Reading stops with this code and exit category.
        case thrown(String, ErrorCategory)
        /// Reading carries on and reports this code at this severity (strict mode throws it, exit 65, for errors).
        case diagnostic(String, Severity)

        var description: String {
            switch self {
            case .thrown(let c, let k): return "thrown \(c) exit \(k.rawValue)"
            case .diagnostic(let c, let s): return "\(s) \(c)"
            }
        }
    }

    static let staticCases: [(String, Expect)] = [
        ("xml-external-entity", .thrown("AK030", .malformedInput)),
        ("xml-billion-laughs", .thrown("AK030", .malformedInput)),
        ("xml-parameter-entity", .thrown("AK030", .malformedInput)),
        ("xml-external-dtd", .thrown("AK030", .malformedInput)),
        ("xml-network-dtd", .thrown("AK030", .malformedInput)),
        ("xml-truncated", .thrown("AK030", .malformedInput)),
        ("xml-junk-after-root", .thrown("AK030", .malformedInput)),
        ("xml-bad-encoding", .thrown("AK030", .malformedInput)),
        ("xml-wrong-root", .diagnostic("AK042", .error)),
        ("voc-no-annotations-dir", .thrown("AK048", .malformedInput)),
        ("voc-xmax-lt-xmin", .diagnostic("AK032", .error)),
        ("voc-non-numeric-coordinate", .diagnostic("AK032", .error)),
        ("voc-missing-bndbox", .diagnostic("AK032", .error)),
        ("voc-missing-name", .diagnostic("AK041", .error)),
        ("voc-missing-size-no-image", .diagnostic("AK031", .warning)),
        ("voc-size-zero", .diagnostic("AK031", .warning)),
        ("voc-unsafe-filename", .diagnostic("AK040", .error)),
        ("voc-origin-zero-hint", .diagnostic("AK033", .warning)),
        ("voc-box-outside-image", .diagnostic("AK046", .warning)),
        ("voc-missing-mask-file", .diagnostic("AK034", .warning)),
        ("voc-mask-size-mismatch", .diagnostic("AK038", .error)),
        ("voc-instance-beyond-objects", .diagnostic("AK035", .warning)),
        ("voc-rgb-color-not-in-colormap", .diagnostic("AK036", .error)),
        ("voc-imagesets-missing-file", .diagnostic("AK037", .warning)),
        ("voc-labelmap-bad-line", .diagnostic("AK044", .error)),
        ("voc-imagesets-bad-line", .diagnostic("AK045", .warning)),
        ("png-bad-crc", .diagnostic("AK039", .error)),
        ("png-truncated-idat", .diagnostic("AK039", .error)),
        ("png-ihdr-larger-than-data", .diagnostic("AK039", .error)),
        ("png-index-without-palette-entry", .diagnostic("AK039", .error)),
        ("png-bad-signature", .diagnostic("AK039", .error)),
        ("png-zero-length", .diagnostic("AK039", .error)),
        ("png-bad-filter-byte", .diagnostic("AK039", .error)),
        ("png-missing-plte", .diagnostic("AK039", .error)),
    ]

    @Test func corpusIsComplete() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: VOCFixtures.path("invalid")).filter { !$0.hasSuffix(".py") }
        #expect(Set(folders) == Set(Self.staticCases.map(\.0)))
        #expect(Self.staticCases.count + 6 >= 30)
    }

    @Test(arguments: staticCases.map { $0.0 })
    func staticCase(_ name: String) throws {
        let expect = try #require(Self.staticCases.first { $0.0 == name }?.1)
        try Self.check(VOCFixtures.path("invalid/" + name), expect, name)
    }

    /// Runs one case: the plain read and the strict read, each timed.
    static func check(_ path: String, _ expect: Expect, _ name: String) throws {
        let clock = ContinuousClock()
        for strict in [false, true] {
            var diags = Diagnostics()
            var thrown: DatasetError?
            let elapsed = clock.measure {
                do {
                    _ = try VOCFormat.read(at: path, options: ReadOptions(strict: strict), diagnostics: &diags)
                } catch let e as DatasetError {
                    thrown = e
                } catch {
                    Issue.record("\(name): unexpected error type \(error)")
                }
            }
            #expect(elapsed < .seconds(1), "\(name) took \(elapsed)")
            switch expect {
            case .thrown(let code, let category):
                #expect(thrown?.code == code, "\(name): \(String(describing: thrown))")
                #expect(thrown?.category == category, "\(name): \(String(describing: thrown))")
            case .diagnostic(let code, let severity):
                if strict && severity == .error {
                    #expect(thrown?.code == code, "\(name) strict: \(String(describing: thrown))")
                    #expect(thrown?.category == .malformedInput)
                } else {
                    #expect(thrown == nil, "\(name): \(String(describing: thrown))")
                    #expect(diags.items.contains { $0.code == code && $0.severity == severity }, "\(name): \(diags.items)")
                }
            }
        }
    }

    static func folder(_ xml: String, mask: [UInt8]? = nil) -> String {
        let root = VOCFixtures.temporaryFolder("invalid")
        VOCFixtures.write(xml, to: root + "/Annotations/img.xml")
        if let mask { VOCFixtures.write(mask, to: root + "/SegmentationObject/img.png") }
        return root
    }

    @Test func deepNesting() throws {
        let depth = 100_000
        let xml = "<annotation>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</annotation>"
        let root = Self.folder(xml)
        defer { VOCFixtures.remove(root) }
        try Self.check(root, .thrown("AK030", .limit), "deep nesting")
    }

    @Test func twoHundredThousandAttributes() throws {
        var xml = "<annotation><object"
        xml.reserveCapacity(2_500_000)
        for i in 0..<200_000 { xml += " a\(i)=\"1\"" }
        xml += "/></annotation>"
        let root = Self.folder(xml)
        defer { VOCFixtures.remove(root) }
        try Self.check(root, .thrown("AK030", .limit), "200k attributes")
    }

    @Test func oversizedXML() throws {
        let xml = "<annotation><filename>" + String(repeating: "x", count: 2 << 20) + "</filename></annotation>"
        let root = Self.folder(xml)
        defer { VOCFixtures.remove(root) }
        try Self.check(root, .thrown("AK030", .limit), "oversized XML")
    }

    @Test func missingPath() throws {
        try Self.check("/nonexistent/annokit/voc", .thrown("AK048", .inputUnavailable), "missing path")
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let t = Array(type.utf8)
        let crc = Zlib.crc32(t + data)
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return be(UInt32(data.count)) + t + data + be(crc)
    }

    static func ihdr(_ w: UInt32, _ h: UInt32) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return chunk("IHDR", be(w) + be(h) + [8, 3, 0, 0, 0])
    }

    static let palette: [UInt8] = PNG.vocColormap.flatMap { [$0.r, $0.g, $0.b] }

    @Test func hugeIHDRIsALimit() throws {
        let png = PNG.signature + Self.ihdr(1_000_000, 1_000_000) + Self.chunk("PLTE", Self.palette) + Self.chunk("IDAT", [0x78, 0x01, 0x03, 0x00]) + Self.chunk("IEND", [])
        let root = Self.folder(VOCFixtures.annotationXML(width: 1_000_000, height: 1_000_000), mask: png)
        defer { VOCFixtures.remove(root) }
        try Self.check(root, .thrown("AK047", .limit), "1e6 x 1e6 IHDR")
    }

    /// 1 GiB of zeros as the IDAT of a 16×16 mask, compressed by streaming 1 MiB chunks (never holding the gigabyte).
    static let gibibyteBomb: [UInt8] = {
        guard let deflater = try? Deflater(level: 9) else { return [] }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var out: [UInt8] = []
        for _ in 0..<1024 { out += (try? deflater.process(zeros)) ?? [] }
        out += (try? deflater.finish()) ?? []
        return out
    }()

    @Test func gibibyteBombStopsEarly() throws {
        let bomb = Self.gibibyteBomb
        #expect(bomb.count > 500_000 && bomb.count < 2_000_000)
        let png = PNG.signature + Self.ihdr(16, 16) + Self.chunk("PLTE", Self.palette) + Self.chunk("IDAT", bomb) + Self.chunk("IEND", [])
        let root = Self.folder(VOCFixtures.annotationXML(width: 16, height: 16, objects: [("cat", "1", "1", "2", "2")]), mask: png)
        defer { VOCFixtures.remove(root) }
        try Self.check(root, .diagnostic("AK039", .error), "1 GiB bomb")
        var d = Diagnostics()
        _ = try VOCFormat.read(at: root, options: ReadOptions(), diagnostics: &d)
        #expect(d.items.first { $0.code == "AK039" }?.message.contains("longer than") == true, "\(d.items)")
    }
}
