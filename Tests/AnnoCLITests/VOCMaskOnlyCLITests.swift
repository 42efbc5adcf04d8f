import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `annokit info` and `convert` on Pascal VOC folders with masks but no Annotations/ (CVAT/Datumaro exports).
@Suite struct VOCMaskOnlyCLITests {
    static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capture()
        let code = CLI.run(arguments: args, console: console)
        return (code, console.outText, console.errText)
    }

    static let cvat = FixturePaths.path("voc/masks-only/cvat")

    /// A mask PNG's palette indices, row-major.
    static func indices(_ path: String) throws -> [UInt8] {
        let png = try PNG.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), toleratedIndexBeyondPalette: 255)
        return VOC.Masks.indices(of: png, colors: VOC.Masks.colormapTable).indices
    }

    @Test func infoReadsAMaskOnlyFolder() {
        let r = Self.run(["info", Self.cvat])
        #expect(r.code == 0)
        #expect(r.out.contains("cvat (voc)"))
        #expect(r.out.contains("annotations                 6"))
        #expect(r.out.contains("any mask                  6/6 objects  100%"))
        #expect(r.err.contains("AK043"))
    }

    @Test func aFolderWithoutAnnotationsOrMasksSaysWhatAVOCFolderNeeds() {
        let path = FixturePaths.path("voc/invalid/voc-no-annotations-dir")
        let detected = Self.run(["info", path])
        #expect(detected.code == 65)
        #expect(detected.err.contains("SegmentationObject/ or SegmentationClass/ masks"))
        let named = Self.run(["info", "--from", "voc", path])
        #expect(named.code == 65)
        #expect(named.err.contains("AK048"))
        #expect(named.err.contains("no PNG masks in SegmentationObject/ or SegmentationClass/"))
    }

    @Test func maskOnlyToCocoToVOCIsPixelIdentical() throws {
        let dir = FixturePaths.temporaryDirectory("voc-mask-only")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let toCOCO = Self.run(["convert", Self.cvat, "--to", "coco", "-o", dir + "/c.json"])
        #expect(toCOCO.code == 0, "\(toCOCO.err)")
        #expect(toCOCO.err.contains("nothing lost"))
        // The reader's AK043 (one dog pixel under a cat instance) counts for --fail-on-loss.
        #expect(Self.run(["convert", Self.cvat, "--to", "coco", "-o", dir + "/c2.json", "--fail-on-loss"]).code == 1)
        let toVOC = Self.run(["convert", dir + "/c.json", "--to", "voc", "-o", dir + "/voc", "--fail-on-loss"])
        #expect(toVOC.code == 0, "\(toVOC.err)")
        for folder in ["SegmentationObject", "SegmentationClass"] {
            for stem in ["img_a", "img_b"] {
                let original = try Self.indices("\(Self.cvat)/\(folder)/\(stem).png")
                #expect(original.contains { $0 != 0 })
                #expect(try Self.indices("\(dir)/voc/\(folder)/\(stem).png") == original, "\(folder)/\(stem)")
            }
        }
        // The COCO file says how each box came about.
        let coco = try String(contentsOfFile: dir + "/c.json", encoding: .utf8)
        #expect(coco.contains("\"provenance\":{\"source\":\"imported\",\"bbox\":\"derived-from-mask\"}"))
    }
}
