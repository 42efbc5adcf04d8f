import AnnoCore
import AnnoJSON
import AnnoLint
import Testing

/// Fire / no-fire pairs per rule, built by editing the clean dataset.
@Suite struct RuleTests {
    typealias Edit = @Sendable (inout Dataset) -> Void

    /// code, an edit that must make it fire (once, on `subject`), and a near miss that must not.
    static let cases: [(code: String, subject: String, fire: Edit, quiet: Edit)] = [
        ("AK101", "annotation 1", { $0.annotations[0].bbox?.x = JSONNumber(7.5) }, { $0.annotations[0].bbox?.x = JSONNumber(9.2) }),
        ("AK102", "annotation 1", { $0.annotations[0].bbox = Box(x: 11, y: 10, width: 9, height: 10) },
         { $0.annotations[0].bbox = Box(x: 10, y: 10, width: 11, height: 10) }),
        ("AK103", "annotation 1", { $0.annotations[0] = B.polygon(1, image: 1, B.rect(10, 10, 20, 10)) },
         { $0.annotations[0] = B.polygon(1, image: 1, B.rect(10, 10, 20, 10)); $0.annotations[0].provenance = Provenance(source: .derivedFromBBox)
           $0.annotations[0].review = Review(status: .approved) }),
        ("AK104", "annotation 1", { $0.annotations[0].area = JSONNumber(100) }, { $0.annotations[0].area = JSONNumber(80) }),
        ("AK105", "annotation 1", { $0.annotations[0].bbox = Box(x: 95, y: 10, width: 10, height: 10); $0.annotations[0].segmentation = .none },
         { $0.annotations[0].bbox = Box(x: 90.4, y: 10, width: 10, height: 10); $0.annotations[0].segmentation = .none }),
        ("AK106", "annotation 1", { $0.annotations[0].bbox?.height = JSONNumber(-3) }, { $0.annotations[0].bbox?.height = JSONNumber(1) }),
        ("AK107", "annotation 1", { $0.annotations[0] = B.rle(1, image: 1, B.octagon(10, 10), height: 100, width: 50) },
         { $0.annotations[0] = B.rle(1, image: 1, B.octagon(10, 10), height: 100, width: 100) }),
        ("AK108", "annotation 1", { $0.annotations[0].segmentation = .polygons(PolygonSet([[1, 1, 5, 5]])) },
         { $0.annotations[0].segmentation = .polygons(PolygonSet([B.octagon(10, 10), B.octagon(22, 10)])) }),
        ("AK109", "annotation 1", { $0.annotations[0].segmentation = .polygons(PolygonSet([[10.1, 10.1, 10.4, 10.1, 10.1, 10.4]])); $0.annotations[0].area = nil },
         { $0.annotations[0].segmentation = .polygons(PolygonSet([])); $0.annotations[0].area = nil }),
        ("AK110", "annotation 9", { $0.annotations.append(B.polygon(9, image: 1, category: 1, B.octagon(10, 10))) },
         { $0.annotations.append(B.polygon(9, image: 1, category: 2, B.octagon(10, 10), annotator: "ann-b")) }),
        ("AK111", "annotation 1", { $0.annotations[0].segmentation = .none }, { $0.annotations[0].bbox = nil }),
        ("AK112", "annotation 1", { $0.annotations[0] = B.polygon(1, image: 1, B.rect(10, 10, 1, 3)) },
         { $0.annotations[0] = B.polygon(1, image: 1, B.rect(10, 10, 2, 2)) }),
        ("AK113", "annotation 1", { $0.annotations[0].segmentation = .rle(RLEData(height: 100, width: 100, counts: .compressed("!!"))) },
         { $0.annotations[0] = B.rle(1, image: 1, B.octagon(10, 10), height: 100, width: 100) }),
        ("AK201", "image 2", { $0.images[1].title = "  " }, { $0.images[1].title = "x" }),
        ("AK201", "dataset", { for i in $0.images.indices { $0.images[i].title = nil } }, { _ in }),
        ("AK202", "image 2", { $0.images[1].description = nil }, { _ in }),
        ("AK203", "image 2", { $0.images[1].scene?.lighting = "" }, { $0.images[1].scene?.setting = nil }),
        ("AK204", "image 2", { $0.images[1].license = nil }, { _ in }),
        ("AK204", "dataset", { $0.licenses = []; for i in $0.images.indices { $0.images[i].license = nil } }, { _ in }),
        ("AK205", "image 2", { $0.images[1].license = .int(3) }, { _ in }),
        ("AK206", "license 1", { $0.licenses[0].url = nil }, { $0.licenses[0].name = "Custom" }),
        ("AK207", "image 2", { $0.images[1].width = 0 }, { _ in }),
        ("AK208", "annotation 1", { $0.annotations[0].categoryID = .int(9) }, { $0.annotations[0].categoryID = .int(2) }),
        ("AK208", "dataset", { $0.categories = [] }, { _ in }),
        ("AK209", "category 3", { $0.categories.append(Category(id: .int(3), name: "unused")) }, { _ in }),
        ("AK210", "annotation 1", { $0.annotations[2].id = .int(1) },
         { $0.annotations[2].id = .int(1); $0.annotations[2].idWasAssigned = true; $0.annotations[0].idWasAssigned = true }),
        ("AK211", "annotation 1", { $0.annotations[0].imageID = .int(42) }, { _ in }),
        ("AK212", "annotation 9", { $0.annotations.append(Annotation(id: .int(9), imageID: .int(1), caption: "")) },
         { $0.annotations.append(Annotation(id: .int(9), imageID: .int(1), caption: "A dot.", provenance: Provenance(source: .human, annotator: "ann-a"))) }),
        ("AK301", "annotation 1", { $0.annotations[0].provenance = nil }, { $0.annotations[0].provenance = Provenance(source: .imported) }),
        ("AK301", "dataset", { for i in $0.annotations.indices { $0.annotations[i].provenance = nil } }, { _ in }),
        ("AK302", "annotation 1", { $0.annotations[0].provenance = Provenance(source: .derivedFromBBox) },
         { $0.annotations[0].provenance = Provenance(source: .model, model: "m"); $0.annotations[0].review = Review(status: .approved) }),
        ("AK303", "annotation 1", { $0.annotations[0].review = Review(status: .needsFix) }, { $0.annotations[0].review = Review(status: .unreviewed) }),
        ("AK304", "image 2", { $0.annotations[3].provenance?.annotator = "ann-a" }, { $0.annotations[3].provenance?.annotator = "ann-c" }),
        ("AK304", "dataset", { for i in $0.annotations.indices { $0.annotations[i].provenance?.annotator = "solo" } }, { _ in }),
        ("AK305", "dataset", { for i in [1, 3, 5] { $0.annotations[i].provenance?.annotator = "ann-a" } },
         { for i in [1, 3] { $0.annotations[i].provenance?.annotator = "ann-a" } }),
        ("AK401", "dataset", { d in for k in 0..<200 { d.annotations.append(B.polygon(100 + k, image: 1 + k % 4, category: 1, B.octagon(Double(k % 4) * 20, 60), annotator: k % 2 == 0 ? "ann-a" : "ann-b")) } }, { _ in }),
        ("AK402", "category 2", { $0.annotations.removeAll { $0.categoryID == .int(2) && $0.id != .int(2) } }, { _ in }),
        ("AK403", "annotation 1", { d in
            for k in 0..<40 { d.annotations.append(B.polygon(100 + k, image: 1 + k % 4, category: 1, B.octagon(Double(k % 4) * 2, 70, 4, 1), annotator: k % 2 == 0 ? "ann-a" : "ann-b")) }
            d.annotations[0] = B.polygon(1, image: 1, category: 1, B.octagon(0, 0, 99, 30), annotator: "ann-b") }, { _ in }),
        ("AK404", "image 5", { $0.images.append(B.image(5)) }, { _ in }),
        ("AK404", "dataset", { $0.annotations = [] }, { _ in }),
    ]

    @Test(arguments: 0..<cases.count)
    func firesAndStaysQuiet(_ k: Int) throws {
        let c = Self.cases[k]
        var fire = B.clean(), quiet = B.clean()
        c.fire(&fire)
        c.quiet(&quiet)
        let found = try lint(fire)
        #expect(subjects(found, c.code) == [c.subject], "\(c.code): \(found.filter { $0.code == c.code }.map(\.message))")
        let quietFound = try lint(quiet)
        #expect(subjects(quietFound, c.code).isEmpty, "\(c.code) near miss: \(quietFound.filter { $0.code == c.code }.map(\.message))")
    }

    @Test func subpixelBoxIsAWarningNonPositiveAnError() throws {
        var d = B.clean()
        d.annotations[0].bbox?.width = JSONNumber(0.5)
        d.annotations[1].bbox?.width = JSONNumber(0)
        let found = try lint(d).filter { $0.code == "AK106" }
        #expect(found.map(\.severity) == [.warning, .error])
    }

    @Test func messagesCarryTheNumbers() throws {
        var d = B.clean()
        d.annotations[0].bbox?.x = JSONNumber(7.5)
        let m = try #require(try lint(d).first { $0.code == "AK101" }?.message)
        #expect(m.contains("[7.5, 10, 10, 10]") && m.contains("2.5 px"), "\(m)")
        var e = B.clean()
        e.images[1].scene = Scene(viewpoint: "side")
        let s = try #require(try lint(e).first { $0.code == "AK203" }?.message)
        #expect(s.contains("lighting, mood") && !s.contains("viewpoint"), "\(s)")
    }

    @Test func resultsListsSkipRulesThatNeedImages() throws {
        var d = Dataset(shape: .resultsList)
        d.annotations = [Annotation(id: .int(1), idWasAssigned: true, imageID: .int(5), categoryID: .int(3), bbox: Box(x: 1, y: 1, width: 10, height: 10))]
        d.annotations.append(d.annotations[0])
        let codes = Set(try lint(d).map(\.code))
        #expect(codes.isDisjoint(with: ["AK211", "AK208", "AK111", "AK304", "AK401", "AK404", "AK201", "AK204"]), "\(codes)")
        #expect(codes.contains("AK110"))   // two identical predictions are still duplicates
    }
}
