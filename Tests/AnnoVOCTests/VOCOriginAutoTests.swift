import AnnoCore
import Testing
@testable import AnnoVOC

/// `--voc-origin auto`: 1-based folders read exactly as with origin 1; a folder with a box at xmin or ymin 0 reads
/// exactly as with origin 0, and one info-level AK033 finding says so.
@Suite struct VOCOriginAutoTests {
    @Test func zeroBasedFolderIsReadAsZeroBased() throws {
        let path = VOCFixtures.path("invalid/voc-origin-zero-hint")
        let (auto, d) = try VOCFixtures.readVOC(path, origin: ReadOptions.detectVOCOrigin)
        let (zero, d0) = try VOCFixtures.readVOC(path, origin: 0)
        let (one, _) = try VOCFixtures.readVOC(path, origin: 1)
        #expect(auto == zero)
        #expect(auto.annotations.map(\.bbox) != one.annotations.map(\.bbox), "the fixture's boxes differ between the origins")
        // The origin-0 read's own findings, then the decision.
        #expect(Array(d.items.dropLast()) == d0.items)
        let decision = try #require(d.items.last)
        #expect(decision.code == "AK033" && decision.severity == .info)
        #expect(decision.message.hasPrefix("--voc-origin auto read the boxes as 0-based: 1 object has xmin/ymin 0"))
        #expect(decision.message.contains("img.xml"))
        #expect(!d.items.contains { $0.code == "AK033" && $0.severity == .warning }, "no hint is left once auto has acted on it")
    }

    @Test(arguments: ["real/voc_dataset1", "real/voc_dataset2", "real/voc_dataset3", "real/kaggle/relaxed_voc1"])
    func oneBasedFoldersAreReadAsOneBased(_ folder: String) throws {
        let path = VOCFixtures.path(folder)
        let (auto, d) = try VOCFixtures.readVOC(path, origin: ReadOptions.detectVOCOrigin)
        let (one, d1) = try VOCFixtures.readVOC(path, origin: 1)
        #expect(auto == one)
        #expect(d.items == d1.items)
        #expect(!d.items.contains { $0.code == "AK033" })
    }

    /// Roboflow's VOC export (a real fixture) writes 0-based boxes: objects at xmin 0 on the image edge.
    @Test(arguments: ["real/roboflow/voc/train", "real/roboflow/voc/val"])
    func roboflowExportsAreDetectedAsZeroBased(_ folder: String) throws {
        let path = VOCFixtures.path(folder)
        let (auto, d) = try VOCFixtures.readVOC(path, origin: ReadOptions.detectVOCOrigin)
        let (zero, _) = try VOCFixtures.readVOC(path, origin: 0)
        #expect(auto == zero)
        #expect(auto.annotations.allSatisfy { ($0.bbox?.x.double ?? -1) >= 0 && ($0.bbox?.y.double ?? -1) >= 0 })
        #expect(d.items.filter { $0.code == "AK033" }.map(\.severity) == [.info])
    }

    /// A flat folder of `<annotation>` files (Roboflow) is detected at low confidence; other XML is not VOC.
    @Test func flatAnnotationFoldersAreDetected() throws {
        #expect(VOCFormat.detect(at: VOCFixtures.path("real/roboflow/voc/train")) == .low)
        let other = VOCFixtures.temporaryFolder("flat-xml")
        VOCFixtures.write("<?xml version=\"1.0\"?><project><name>x</name></project>", to: other + "/pom.xml")
        #expect(VOCFormat.detect(at: other) == DetectionConfidence.none)
    }
}
