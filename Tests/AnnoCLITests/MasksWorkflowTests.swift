import AnnoCLI
import AnnoKit
import AnnoTestSupport
import Foundation
import Testing

/// The walk from issue 7: a box-only COCO file → from-boxes → decisions approving half, rejecting half →
/// review apply --drop-rejected → coverage shows the new numbers.
@Suite struct MasksWorkflowTests {
    typealias S = MasksSupport

    /// `annokit info --format json` coverage of a file.
    static func coverage(_ path: String) throws -> JSONValue? {
        let r = S.run(["info", path, "--format", "json"])
        #expect(r.code == 0)
        return try JSONReader.parse(bytes: Array(r.out.utf8))["coverage"]
    }

    static func n(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }

    @Test func boxesToReviewedMasks() throws {
        let dir = FixturePaths.temporaryDirectory("masks-workflow")
        let start = try S.load(S.boxesOnly)
        #expect(start.annotations.count == 8 && start.images.count == 3)
        #expect(start.annotations.allSatisfy { !$0.hasMask && $0.bbox != nil })
        #expect(start.images.allSatisfy { $0.width != nil && $0.height != nil })
        #expect(try Self.coverage(S.boxesOnly)?["withMask"] == Self.n(0))

        // 1. Derive masks.
        let derived = dir + "/derived.json"
        #expect(S.run(["masks", "from-boxes", S.boxesOnly, "-o", derived]).code == 0)
        let d = try S.load(derived)
        #expect(d.annotations.allSatisfy { $0.provenance?.source == .derivedFromBBox && $0.review?.status == .unreviewed })
        let before = try Self.coverage(derived)
        #expect(before?["objects"] == Self.n(8))
        #expect(before?["withMask"] == Self.n(8))
        #expect(before?["withHumanMask"] == Self.n(0))
        #expect(before?["withUnreviewedMachineMask"] == Self.n(8), "every object has an unreviewed machine mask")
        #expect(before?["withApprovedMachineMask"] == Self.n(0))
        let info = S.run(["info", derived])
        #expect(info.out.contains("unreviewed machine mask   8/8 objects  100%"))

        // 2. Decisions: approve the first half, reject the second.
        let ids = d.annotations.map(\.id)
        let entries = ids.enumerated().map { i, id in "{\"annotation_id\": \(id.text), \"status\": \"\(i < 4 ? "approved" : "rejected")\"}" }
        try "{\"version\": 1, \"decisions\": [\(entries.joined(separator: ", "))]}".write(toFile: dir + "/decisions.json", atomically: true, encoding: .utf8)

        // 3. Apply, dropping what was rejected.
        let reviewed = dir + "/reviewed.json"
        let apply = S.run(["masks", "review", "apply", derived, "--decisions", dir + "/decisions.json", "--reviewer", "ana",
                           "--reviewed-at", "2024-05-01T12:00:00Z", "--drop-rejected", "-o", reviewed])
        #expect(apply.code == 0, "\(apply.err)")
        #expect(apply.err.contains("4 rejected annotations dropped"))
        let after = try Self.coverage(reviewed)
        #expect(after?["objects"] == Self.n(4))
        #expect(after?["withMask"] == Self.n(4))
        #expect(after?["withApprovedMachineMask"] == Self.n(4), "half of the original objects")
        #expect(after?["withUnreviewedMachineMask"] == Self.n(0))
        let final = try S.load(reviewed)
        #expect(final.annotations.map(\.id) == Array(ids.prefix(4)))
        #expect(final.annotations.allSatisfy { $0.review == Review(status: .approved, reviewer: "ana", reviewed: "2024-05-01T12:00:00Z") })
        #expect(ReviewItem.pending(in: final).isEmpty)

        // Deterministic end to end.
        let again = dir + "/again.json"
        _ = S.run(["masks", "review", "apply", derived, "--decisions", dir + "/decisions.json", "--reviewer", "ana",
                   "--reviewed-at", "2024-05-01T12:00:00Z", "--drop-rejected", "-o", again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: reviewed)))
    }

    /// The lint half of the walk: after from-boxes, `annokit lint` fires AK302 unreviewed-machine-mask once per
    /// object (a warning, so `--fail-on warning` fails); after review apply --drop-rejected it passes, with no
    /// AK303 rejected-annotation either.
    @Test func lintFiresUnreviewedMachineMaskThenPasses() throws {
        let dir = FixturePaths.temporaryDirectory("masks-lint")
        let derived = dir + "/derived.json"
        #expect(S.run(["masks", "from-boxes", S.boxesOnly, "-o", derived]).code == 0)
        let lint = S.run(["lint", derived, "--select", "AK302", "--fail-on", "warning"])
        #expect(lint.code == 1)
        #expect(lint.out.components(separatedBy: "[AK302 unreviewed-machine-mask]").count - 1 == 8, "\(lint.out)")
        for id in 1...8 { #expect(lint.out.contains("annotation \(id) was derived from its bbox")) }
        let decisions = (1...8).map { "{\"annotation_id\": \($0), \"status\": \"\($0 <= 4 ? "approved" : "rejected")\"}" }
        try "{\"version\": 1, \"decisions\": [\(decisions.joined(separator: ", "))]}".write(toFile: dir + "/d.json", atomically: true, encoding: .utf8)
        #expect(S.run(["masks", "review", "apply", derived, "--decisions", dir + "/d.json", "--reviewer", "ana",
                       "--reviewed-at", "2024-05-01T12:00:00Z", "--drop-rejected", "-o", dir + "/reviewed.json"]).code == 0)
        let after = S.run(["lint", dir + "/reviewed.json", "--select", "AK302,AK303", "--fail-on", "warning"])
        #expect(after.code == 0, "\(after.out)")
        #expect(!after.out.contains("AK302") && !after.out.contains("AK303"))
    }

    @Test func everyMasksCommandHasAManPage() {
        for path in [["masks", "from-boxes"], ["masks", "import"], ["masks", "review", "export"], ["masks", "review", "apply"]] {
            let r = S.run(path + ["--help"])
            #expect(r.code == 0)
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"] {
                #expect(r.out.contains(section), "\(path) --help lacks \(section)")
            }
        }
        let group = S.run(["masks"])
        #expect(group.code == 2 && group.err.contains("annokit masks review export"))
        #expect(S.run(["--help"]).out.contains("masks from-boxes"))
    }
}
