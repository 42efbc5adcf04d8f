import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `convert --to/--from amsk`, `verify` (with `--salvage`) and `show` through the command line.
@Suite struct ArchiveCommandTests {
    static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capture()
        let code = CLI.run(arguments: args, console: console)
        return (code, console.outText, console.errText)
    }

    @Test func cocoToArchiveToCocoIsValueEqualAndArchiveBytesAreStable() throws {
        let dir = FixturePaths.temporaryDirectory("amsk-cli")
        let source = FixturePaths.path("coco/real/datumaro/coco_instances_instances_val.json")
        #expect(Self.run(["convert", source, "--to", "amsk", "-o", dir + "/a.amsk"]).code == 0)
        #expect(Self.run(["convert", dir + "/a.amsk", "--to", "coco", "-o", dir + "/b.json"]).code == 0)
        #expect(Self.run(["convert", dir + "/a.amsk", "--to", "amsk", "-o", dir + "/c.amsk"]).code == 0)
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source))) as? NSObject
        let back = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/b.json"))) as? NSObject
        #expect(original == back)
        #expect(try FileIO.read(dir + "/a.amsk") == FileIO.read(dir + "/c.amsk"), "amsk -> amsk is byte-identical")
    }

    @Test func verifyPassesIntactAndNamesDamage() throws {
        let dir = FixturePaths.temporaryDirectory("amsk-verify")
        let source = FixturePaths.path("coco/real/sahi/terrain2_coco.json")
        #expect(Self.run(["convert", source, "--to", "amsk", "-o", dir + "/a.amsk"]).code == 0)
        let ok = Self.run(["verify", dir + "/a.amsk"])
        #expect(ok.code == 0)
        #expect(ok.out.contains("OK"))
        var bytes = try FileIO.read(dir + "/a.amsk")
        bytes[bytes.count / 2] ^= 0x40
        try FileIO.writeAtomically(bytes, to: dir + "/bad.amsk")
        let bad = Self.run(["verify", dir + "/bad.amsk"])
        #expect(bad.code == 65)
        #expect(bad.out.contains("DAMAGED"))
        #expect(bad.out.contains("CRC mismatch in record 1 (MASK) at byte"))
        // Cut off the index and trailer, as a crash while writing would.
        let full = try FileIO.read(dir + "/a.amsk")
        let report = try Archive.verify(path: dir + "/a.amsk")
        let lastMask = try #require(report.records.last { $0.tag == "MASK" })
        try FileIO.writeAtomically(Array(full.prefix(Int(lastMask.offset + lastMask.length))), to: dir + "/cut.amsk")
        #expect(Self.run(["verify", dir + "/cut.amsk"]).code == 65)
        let salvage = Self.run(["verify", "--salvage", dir + "/cut.amsk", "-o", dir + "/fixed.amsk"])
        #expect(salvage.code == 0)
        #expect(Self.run(["verify", dir + "/fixed.amsk"]).code == 0)
        #expect(Self.run(["verify", "--salvage", dir + "/cut.amsk"]).code == 2, "--salvage needs -o")
    }

    @Test func showPrintsOneImageAndWritesItsMasks() throws {
        let dir = FixturePaths.temporaryDirectory("amsk-show")
        let source = FixturePaths.path("coco/real/sahi/terrain2_coco.json")
        #expect(Self.run(["convert", source, "--to", "amsk", "-o", dir + "/a.amsk"]).code == 0)
        let r = Self.run(["show", dir + "/a.amsk", "--image", "1", "--png", dir + "/m.png"])
        #expect(r.code == 0)
        #expect(r.out.hasPrefix("image 1  terrain2.png  1024x682"))
        #expect(r.out.components(separatedBy: "\n").filter { $0.hasPrefix("  [") }.count == 5)
        let png = try PNG.decode(FileIO.read(dir + "/m.png"))
        #expect(png.header.width == 1024 && png.header.height == 682)
        guard case .indexed(let indices, _) = png.pixels else {
            Issue.record("expected a palette PNG")
            return
        }
        #expect(Set(indices) == Set([0, 1, 2, 3, 4, 5]))
        #expect(Self.run(["show", dir + "/a.amsk", "--image", "99"]).code == 65)
    }
}
