import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `masks import`: one-to-one matching, threshold, category, determinism and the report.
@Suite struct MasksImportTests {
    typealias S = MasksSupport

    @Test func oneToOneBestIoUWins() throws {
        let d = S.dataset(boxes: [(1, [10, 10, 20, 20]), (1, [12, 12, 20, 20])])
        let predictions = [
            S.prediction(category: 1, polygon: S.rect(10, 10, 20, 20), score: 0.5),  // exact fit for annotation 1
            S.prediction(category: 1, polygon: S.rect(11, 11, 20, 20), score: 0.9),  // between both, closer to 2
        ]
        let r = MaskUpgrade.importPredictions(predictions, into: d)
        #expect(r.matches.map(\.annotationID) == [.int(1), .int(2)])
        #expect(r.matches.map(\.prediction) == [0, 1])
        #expect(r.unused.isEmpty && r.unmatched.isEmpty)
        // Only one prediction for two boxes: the better-fitting box takes it, the other is reported.
        let single = MaskUpgrade.importPredictions([predictions[0]], into: d)
        #expect(single.matches.map(\.annotationID) == [.int(1)])
        #expect(single.unmatched.map(\.reason) == [.predictionsTaken])
        // Two predictions for one box: the other prediction is reported as unused.
        let oneBox = S.dataset(boxes: [(1, [10, 10, 20, 20])])
        let both = MaskUpgrade.importPredictions(predictions, into: oneBox)
        #expect(both.matches.map(\.prediction) == [0])
        #expect(both.unused.map(\.reason) == [.annotationsTaken])
        #expect(both.unused.map(\.bestAnnotation) == [.int(1)])
    }

    @Test func equalIoUBreaksTiesByScoreThenId() {
        let d = S.dataset(boxes: [(1, [10, 10, 20, 20])])
        let a = S.prediction(category: 1, polygon: S.rect(10, 10, 20, 20), score: 0.3)
        let b = S.prediction(category: 1, polygon: S.rect(10, 10, 20, 20), score: 0.8)
        #expect(MaskUpgrade.importPredictions([a, b], into: d).matches.map(\.prediction) == [1])
        #expect(MaskUpgrade.importPredictions([b, a], into: d).matches.map(\.prediction) == [0])
    }

    @Test func thresholdCategoryAndScore() {
        let d = S.dataset(boxes: [(1, [10, 10, 20, 20]), (2, [50, 10, 20, 20])])
        let shifted = S.prediction(category: 1, polygon: S.rect(20, 10, 20, 20), score: 0.9)  // IoU 1/3
        let wrongCategory = S.prediction(category: 3, polygon: S.rect(50, 10, 20, 20), score: 0.9)
        let r = MaskUpgrade.importPredictions([shifted, wrongCategory], into: d)
        #expect(r.matches.isEmpty)
        #expect(r.unmatched.map(\.reason) == [.iouBelowThreshold, .categoryMismatch])
        #expect(abs((r.unmatched[0].bestIoU ?? 0) - 1.0 / 3) < 1e-9)
        #expect(r.unused.map(\.reason) == [.iouBelowThreshold, .categoryMismatch])
        let lenient = MaskUpgrade.importPredictions([shifted], into: d, options: .init(minIoU: 0.3))
        #expect(lenient.matches.map(\.annotationID) == [.int(1)])
        let scored = MaskUpgrade.importPredictions([shifted], into: d, options: .init(minIoU: 0.3, minScore: 0.95))
        #expect(scored.unused.map(\.reason) == [.belowMinScore])
        #expect(scored.unmatched.map(\.reason) == [.noPredictionOnImage, .noPredictionOnImage])
    }

    @Test func unusablePredictionsAreReported() {
        let d = S.dataset(boxes: [(1, [10, 10, 20, 20])])
        var wrongSize = S.prediction(category: 1, polygon: [], score: 0.9)
        wrongSize.segmentation = .rle(RLEData(height: 5, width: 5, counts: .uncompressed([25])))
        var none = S.prediction(category: 1, polygon: [], score: 0.9)
        none.segmentation = .none
        let elsewhere = S.prediction(category: 1, polygon: S.rect(1, 1, 3, 3), score: 0.9, image: 42)
        let empty = S.prediction(category: 1, polygon: [500, 500, 510, 500, 510, 510], score: 0.9)
        let r = MaskUpgrade.importPredictions([wrongSize, none, elsewhere, empty], into: d)
        #expect(r.unused.map(\.reason) == [.sizeMismatch, .noMask, .unknownImage, .emptyMask])
        #expect(r.unused.map(\.prediction) == [0, 1, 2, 3])
    }

    @Test func takenMaskRecordsModelScoreAndReview() throws {
        var d = S.dataset(boxes: [(1, [10, 10, 20, 20])])
        d.annotations[0].provenance = Provenance(source: .human, annotator: "ana")
        let p = S.prediction(category: 1, polygon: S.rect(10, 10, 20, 18), score: 0.875)
        let r = MaskUpgrade.importPredictions([p], into: d, options: .init(model: "sam", modelVersion: "vit-h"))
        let a = r.dataset.annotations[0]
        #expect(a.provenance?.source == .model)
        #expect(a.provenance?.model == "sam" && a.provenance?.modelVersion == "vit-h" && a.provenance?.annotator == "ana")
        #expect(a.score == JSONNumber(0.875))
        #expect(a.review?.status == .unreviewed)
        #expect(a.area == JSONNumber(360))
        #expect(a.bbox == d.annotations[0].bbox)
        let expected = try RLE(polygons: [S.rect(10, 10, 20, 18)], size: MaskSize(height: 80, width: 100))
        #expect(try S.mask(a, r.dataset) == expected)
    }

    @Test func fixtureImportAndReport() throws {
        let dir = FixturePaths.temporaryDirectory("masks-import")
        let out = dir + "/out.json", report = dir + "/report.json", report2 = dir + "/report2.json"
        let run = S.run(["masks", "import", S.boxesOnly, "--predictions", S.predictions, "--model", "sam", "--model-version", "1",
                         "-o", out, "--report", report])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("4 of 8 box-only annotations took a predicted mask; 4 unmatched, 3 of 7 predictions unused"))
        let json = try JSONReader.parse(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: report))))
        #expect(json["counts"]?["matched"] == .number(JSONNumber(4)))
        guard case .array(let matches)? = json["matches"], case .array(let unmatched)? = json["unmatched_annotations"],
            case .array(let unused)? = json["unused_predictions"] else {
            Issue.record("report sections missing")
            return
        }
        #expect(matches.map { $0["annotation_id"] } == [1, 2, 3, 5].map { .number(JSONNumber($0)) })
        #expect(unmatched.map { $0["reason"] } == ["category-mismatch", "iou-below-threshold", "category-mismatch", "category-mismatch"].map { .string($0) })
        #expect(unused.map { $0["prediction"] } == [4, 5, 6].map { .number(JSONNumber($0)) })
        #expect(unused.map { $0["reason"] } == ["annotations-taken", "category-mismatch", "iou-below-threshold"].map { .string($0) })
        #expect(unused.map { $0["pointer"] } == ["/4", "/5", "/6"].map { .string($0) })
        // Deterministic: same bytes again, and the dataset carries the model's masks.
        _ = S.run(["masks", "import", S.boxesOnly, "--predictions", S.predictions, "--model", "sam", "--model-version", "1", "-o", out, "--report", report2])
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == Data(contentsOf: URL(fileURLWithPath: report2)))
        let d = try S.load(out)
        #expect(d.annotations.filter { $0.provenance?.source == .model }.count == 4)
        #expect(Coverage(of: d).withUnreviewedMachineMask == 4)
        // A stricter threshold leaves the dog (IoU 0.78) unmatched.
        _ = S.run(["masks", "import", S.boxesOnly, "--predictions", S.predictions, "--model", "sam", "--min-iou", "0.9", "-o", out, "--report", report])
        let strict = try JSONReader.parse(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: report))))
        #expect(strict["counts"]?["matched"] == .number(JSONNumber(3)))
        #expect(S.run(["masks", "import", S.boxesOnly, "--predictions", S.predictions, "-o", out, "--min-iou", "0"]).code == 2)
        #expect(S.run(["masks", "import", S.boxesOnly, "--predictions", dir + "/missing.json", "-o", dir + "/never.json"]).code == 66)
        #expect(!FileManager.default.fileExists(atPath: dir + "/never.json"))
    }

    @Test func predictionOrderDoesNotChangeTheResult() throws {
        let bytes = try FixturePaths.bytes("masks/predictions.json")
        var diagnostics = Diagnostics()
        let predictions = try COCO.Reader.read(bytes: bytes, file: "p.json", diagnostics: &diagnostics).annotations
        let d = try S.load(S.boxesOnly)
        let forward = MaskUpgrade.importPredictions(predictions, into: d)
        let backward = MaskUpgrade.importPredictions(predictions.reversed(), into: d)
        #expect(forward.dataset == backward.dataset)
        #expect(forward.matches.count == 4)
    }
}
