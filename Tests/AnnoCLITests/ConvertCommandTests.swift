import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `annokit convert`: losses are reported (summary, JSON report, exit code) and output is atomic.
@Suite struct ConvertCommandTests {
    static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capture()
        let code = CLI.run(arguments: ["convert"] + args, console: console)
        return (code, console.outText, console.errText)
    }

    static let instances = FixturePaths.path("coco/real/datumaro/coco_instances_instances_val.json")

    @Test func vocOriginAutoReadsRoboflowsZeroBasedBoxes() throws {
        let dir = FixturePaths.temporaryDirectory("convert-auto")
        let source = FixturePaths.path("voc/real/roboflow/voc/train")
        let r = Self.run([source, "--to", "coco", "-o", dir + "/auto.json", "--voc-origin", "auto"])
        #expect(r.code == 0)
        #expect(r.err.contains("--voc-origin auto read the boxes as 0-based: 1 object has xmin/ymin 0"))
        let zero = Self.run([source, "--to", "coco", "-o", dir + "/zero.json", "--voc-origin", "0"])
        #expect(zero.code == 0)
        #expect(try FileIO.read(dir + "/auto.json") == FileIO.read(dir + "/zero.json"), "auto chose origin 0")
        // Writing VOC with auto uses VOC's own origin, 1.
        let back = Self.run([dir + "/auto.json", "--to", "voc", "-o", dir + "/voc", "--voc-origin", "auto"])
        #expect(back.code == 0)
        let xml = try FileIO.readText(dir + "/voc/Annotations/train_002.xml")
        #expect(xml.contains("<xmin>1</xmin>"))
        #expect(Self.run([source, "--to", "coco", "-o", dir + "/x.json", "--voc-origin", "2"]).code == 2)
    }

    @Test func cocoToCocoLosesNothingAndSaysSo() throws {
        let dir = FixturePaths.temporaryDirectory("convert-coco")
        let r = Self.run([Self.instances, "--to", "coco", "-o", dir + "/out.json", "--fail-on-loss"])
        #expect(r.code == 0)
        #expect(r.err.contains("nothing lost"))
    }

    @Test func cocoToVOCReportsEveryLossWithCodes() throws {
        let dir = FixturePaths.temporaryDirectory("convert-voc")
        let r = Self.run([Self.instances, "--to", "voc", "-o", dir + "/voc", "--loss-report", dir + "/loss.json"])
        #expect(r.code == 0)
        #expect(r.err.contains("AK060 crowd-flag"))
        #expect(r.err.contains("AK065 dataset-fields-dropped"))
        let report = try JSONReader.parse(bytes: FileIO.read(dir + "/loss.json"))
        #expect(report["version"] == .number(JSONNumber(1)))
        guard case .array(let losses)? = report["losses"] else {
            Issue.record("no losses array")
            return
        }
        let codes = Set(losses.compactMap { if case .string(let s)? = $0["code"] { return s } else { return nil } })
        #expect(codes.isSuperset(of: ["AK060", "AK061", "AK062", "AK065"]))
        #expect(report["lossCount"] == .number(JSONNumber(losses.count)))
        #expect(FileManager.default.fileExists(atPath: dir + "/voc/Annotations/b.xml"))
        // --fail-on-loss turns any loss into exit 1.
        #expect(Self.run([Self.instances, "--to", "voc", "-o", dir + "/voc2", "--fail-on-loss"]).code == 1)
    }

    @Test func cocoToVOCToCocoKeepsBoxesAfterTheDocumentedRounding() throws {
        let dir = FixturePaths.temporaryDirectory("convert-roundtrip")
        let source = FixturePaths.path("coco/real/sahi/terrain2_coco.json")
        #expect(Self.run([source, "--to", "voc", "-o", dir + "/voc", "-q"]).code == 0)
        #expect(Self.run([dir + "/voc", "--to", "coco", "-o", dir + "/back.json", "-q"]).code == 0)
        let a = try AnnoKitIO.load(source).dataset
        let b = try AnnoKitIO.load(dir + "/back.json").dataset
        #expect(a.annotations.count == b.annotations.count)
        let h = a.images[0].height ?? 0, w = a.images[0].width ?? 0
        let masks = try a.annotations.map { try #require(try $0.segmentation.rle(height: h, width: w)) }
        var exact = 0
        for (i, (x, y)) in zip(a.annotations, b.annotations).enumerated() {
            // Integer boxes survive exactly.
            #expect(x.bbox?.doubles == y.bbox?.doubles)
            // A mask not covered by a later instance comes back pixel-exact; VOC's instance PNG gives each pixel
            // to the last object drawn, so a covered one loses exactly the covered pixels (reported as AK061).
            let later = masks[(i + 1)...]
            let covered = later.isEmpty ? 0 : try RLE.intersection([masks[i], RLE.union(Array(later))]).area
            let back = try #require(try y.segmentation.rle(height: h, width: w))
            if covered == 0 {
                #expect(back == masks[i])
                exact += 1
            } else {
                #expect(back.area == masks[i].area - covered)
            }
        }
        #expect(exact == 4, "four of the five SAHI rectangles do not overlap a later one")
    }

    @Test func unwritableOutputExits74AndLeavesNothing() throws {
        let dir = FixturePaths.temporaryDirectory("convert-unwritable")
        let r = Self.run([Self.instances, "--to", "coco", "-o", dir + "/missing-folder/out.json"])
        #expect(r.code == 74)
        #expect(r.err.contains("cannot create"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func requiredOptionsAndUnknownFormatsAreUsageErrors() {
        #expect(Self.run([Self.instances, "-o", "/tmp/x.json"]).code == 2)
        #expect(Self.run([Self.instances, "--to", "coco"]).code == 2)
        #expect(Self.run([Self.instances, "--to", "yolo", "-o", "/tmp/x"]).code == 2)
        #expect(Self.run([Self.instances, "--to", "coco", "-o", "/tmp/x", "--masks", "bitmap"]).code == 2)
    }

    @Test func helpPagesReadLikeManPages() {
        for command in [["info"], ["convert"], ["lint"], ["rules"], ["verify"], ["show"]] {
            let console = Console.capture()
            #expect(CLI.run(arguments: command + ["--help"], console: console) == 0)
            for section in ["NAME", "SYNOPSIS", "OPTIONS", "EXIT STATUS"] {
                #expect(console.outText.contains(section), "\(command) --help lacks \(section)")
            }
        }
    }
}
