import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// `masks review export` and `masks review apply`: page structure, CSV, decisions round trip and errors.
@Suite struct MasksReviewTests {
    typealias S = MasksSupport

    /// The fixture after from-boxes, written to a fresh folder.
    static func derived() throws -> (dir: String, path: String) {
        let dir = FixturePaths.temporaryDirectory("masks-review")
        let path = dir + "/derived.json"
        let r = S.run(["masks", "from-boxes", S.boxesOnly, "-o", path])
        #expect(r.code == 0)
        return (dir, path)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The `data-annotation-id` values of the cards, in page order.
    static func cardIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<article class=\"card\"").dropFirst().compactMap { part in
            guard let r = part.range(of: "data-annotation-id=\"") else { return nil }
            return String(part[r.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test func pageStructure() throws {
        let (dir, path) = try Self.derived()
        let html = dir + "/review.html"
        let r = S.run(["masks", "review", "export", path, "--images", S.images, "-o", html])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("8 masks awaiting review, 3 images embedded, 0 missing"))
        let page = try S.text(html)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.count("<article class=\"card\"", in: page) == 8)
        #expect(Self.cardIDs(page) == (1...8).map(String.init))
        #expect(Self.count("type=\"radio\"", in: page) == 24)
        #expect(Self.count("value=\"approved\"", in: page) == 8 && Self.count("value=\"rejected\"", in: page) == 8 && Self.count("value=\"needs-fix\"", in: page) == 8)
        #expect(page.contains("id=\"download\"") && page.contains("Download decisions") && page.contains("id=\"counter\""))
        #expect(page.contains("new Blob(") && page.contains("version: 1, decisions:"))
        #expect(Self.count("data:image/png;base64,iVBORw0KGgo", in: page) >= 8 + 3, "mask overlays and embedded PNG images")
        #expect(Self.count("url(\"data:image/png;base64,", in: page) == 3, "each image embedded once")
        #expect(page.contains("<rect x=\"20\" y=\"88\" width=\"72\" height=\"50\"/>"), "box outline")
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src=\"//"), "no network")
        #expect(page.contains("Content-Security-Policy"))
        // Deterministic.
        _ = S.run(["masks", "review", "export", path, "--images", S.images, "-o", dir + "/again.html"])
        #expect(try S.text(dir + "/again.html") == page)
    }

    @Test func missingImagesAndEscaping() throws {
        var d = S.dataset(boxes: [(1, [10, 10, 20, 20]), (2, [30, 30, 10, 10])], categories: [
            Category(id: .int(1), name: "<script>alert(1)</script>"), Category(id: .int(2), name: "a \"quoted\" & 'odd' name"),
        ])
        d.images[0].fileName = "nowhere/<img onerror=x>.png"
        d = MaskUpgrade.fromBoxes(d).dataset
        d.annotations[1].provenance?.model = "</dl><script>x()</script>"
        let page = ReviewSheet.html(d, options: .init(imageDirectories: ["/nonexistent"], datasetLabel: "<b>data</b>.json"))
        #expect(page.cards == 2 && page.embeddedImages == 0 && page.missingImages.count == 1)
        #expect(!page.html.contains("<script>alert(1)</script>"))
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.html.contains("a &quot;quoted&quot; &amp; &#39;odd&#39; name"))
        #expect(!page.html.contains("<img onerror") && !page.html.contains("<b>data</b>") && !page.html.contains("</dl><script>x()"))
        #expect(Self.count("<script>", in: page.html) == 1, "only the page's own script")
        #expect(Self.count("class=\"view missing\"", in: page.html) == 2, "mask alone on grey")
        #expect(page.html.contains("image not found: nowhere/&lt;img onerror=x&gt;.png"))
    }

    @Test func onlyPendingMachineMasksGetCards() {
        var d = MaskUpgrade.fromBoxes(S.dataset(boxes: [(1, [1, 1, 5, 5]), (1, [10, 1, 5, 5]), (1, [20, 1, 5, 5]), (1, [30, 1, 5, 5]), (1, [40, 1, 5, 5])])).dataset
        d.annotations[0].review?.status = .approved
        d.annotations[1].review?.status = .rejected
        d.annotations[2].review?.status = .needsFix
        d.annotations[3].provenance = Provenance(source: .human)
        #expect(ReviewItem.pending(in: d).map(\.annotation.id) == [.int(3), .int(5)])
    }

    @Test func csvList() throws {
        var d = MaskUpgrade.fromBoxes(S.dataset(boxes: [(1, [10, 10, 20, 20]), (2, [30, 30, 10, 10])], categories: [
            Category(id: .int(1), name: "dog, small"), Category(id: .int(2), name: "=HYPERLINK(\"x\")"),
        ])).dataset
        d.annotations[0].provenance?.model = "say \"hi\""
        let csv = ReviewSheet.csv(d)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3].isEmpty, "header, two rows, CRLF line ends")
        #expect(lines[0] == ReviewSheet.csvColumns.joined(separator: ","))
        #expect(lines[1].hasPrefix("1,1,a.png,1,\"dog, small\",derived-from-bbox,box,\"say \"\"hi\"\"\","))
        #expect(lines[2].contains(",\"'=HYPERLINK(\"\"x\"\")\","), "formula neutralised, then quoted")
        let dir = FixturePaths.temporaryDirectory("masks-csv")
        let (_, path) = try Self.derived()
        #expect(S.run(["masks", "review", "export", path, "--csv", "-o", dir + "/r.csv"]).code == 0)
        #expect(try S.text(dir + "/r.csv").components(separatedBy: "\r\n").count == 10)
    }

    @Test func decisionsRoundTrip() throws {
        let (dir, path) = try Self.derived()
        _ = S.run(["masks", "review", "export", path, "--images", S.images, "-o", dir + "/review.html"])
        let ids = Self.cardIDs(try S.text(dir + "/review.html"))
        let statuses = ["approved", "rejected", "needs-fix"]
        let entries = ids.enumerated().map { i, id in
            "{\"annotation_id\": \(id), \"status\": \"\(statuses[i % 3])\"\(i == 0 ? ", \"note\": \"tight fit\"" : "")}"
        }
        try "{\"version\": 1, \"decisions\": [\(entries.joined(separator: ",\n"))]}".write(toFile: dir + "/decisions.json", atomically: true, encoding: .utf8)
        let r = S.run(["masks", "review", "apply", path, "--decisions", dir + "/decisions.json", "--reviewer", "bo",
                       "--reviewed-at", "2024-05-01T12:00:00Z", "-o", dir + "/reviewed.json"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("8 decisions recorded (3 approved, 3 rejected, 2 needs-fix)"))
        let d = try S.load(dir + "/reviewed.json")
        for (i, a) in d.annotations.enumerated() {
            #expect(a.review?.status == Review.Status(statuses[i % 3]))
            #expect(a.review?.reviewer == "bo" && a.review?.reviewed == "2024-05-01T12:00:00Z")
        }
        #expect(d.annotations[0].review?.extensions == [JSONMember("note", .string("tight fit"))])
        // needs-fix stays on the sheet; approved and rejected leave it.
        #expect(ReviewItem.pending(in: d).map(\.annotation.id) == [.int(3), .int(6)])
    }

    @Test func badDecisionsWriteNothing() throws {
        let (dir, path) = try Self.derived()
        let out = dir + "/never.json"
        let text = """
        {"version": 1, "decisions": [
          {"annotation_id": 1, "status": "approved"},
          {"annotation_id": 99, "status": "approved"},
          {"annotation_id": 2, "status": "maybe"},
          {"annotation_id": 1, "status": "rejected"},
          {"annotation_id": "3", "status": "approved"},
          {"status": "approved"}
        ]}
        """
        try text.write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let r = S.run(["masks", "review", "apply", path, "--decisions", dir + "/bad.json", "-o", out])
        #expect(r.code == 65)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(r.err.contains("5 problems in the decisions file; nothing was written"))
        #expect(r.err.contains("bad.json:3:3 (/decisions/1): no annotation has id 99"))
        #expect(r.err.contains("bad.json:4:34 (/decisions/2/status): unknown status \"maybe\""))
        #expect(r.err.contains("(/decisions/3): a second decision for annotation 1 (the first is at /decisions/0)"))
        #expect(r.err.contains("(/decisions/4): no annotation has id \"3\"; the dataset's id is the integer 3: write it without quotes"))
        #expect(r.err.contains("(/decisions/5): missing annotation_id"))
        let order = ["/decisions/1)", "/decisions/2/status)", "/decisions/3)", "/decisions/4)", "/decisions/5)"].compactMap { r.err.range(of: $0)?.lowerBound }
        #expect(order.count == 5 && order == order.sorted(), "problems in file order")

        try "{\"version\": 1, \"decisions\": [".write(toFile: dir + "/broken.json", atomically: true, encoding: .utf8)
        let broken = S.run(["masks", "review", "apply", path, "--decisions", dir + "/broken.json", "-o", out])
        #expect(broken.code == 65 && broken.err.contains("not valid JSON"))
        try "{\"version\": 2, \"decisions\": []}".write(toFile: dir + "/v2.json", atomically: true, encoding: .utf8)
        #expect(S.run(["masks", "review", "apply", path, "--decisions", dir + "/v2.json", "-o", out]).code == 65)
        #expect(S.run(["masks", "review", "apply", path, "--decisions", dir + "/nope.json", "-o", out]).code == 66)
        #expect(S.run(["masks", "review", "apply", path, "--decisions", dir + "/bad.json", "-o", out, "--reviewed-at", "noon"]).code == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func decisionIDsMayBeStrings() throws {
        var d = MaskUpgrade.fromBoxes(S.dataset(boxes: [(1, [10, 10, 20, 20])])).dataset
        d.annotations[0].id = .string("ann-7")
        let page = ReviewSheet.html(d, options: .init())
        #expect(page.html.contains("data-annotation-id=\"ann-7\" data-id-type=\"string\""))
        let decisions = try ReviewDecisions(bytes: Array("{\"version\":1,\"decisions\":[{\"annotation_id\":\"ann-7\",\"status\":\"approved\"}]}".utf8), file: "d.json")
        let applied = try decisions.apply(to: d, options: .init(reviewer: "x", reviewed: "2024-01-01"))
        #expect(applied.dataset.annotations[0].review?.status == .approved)
    }
}
