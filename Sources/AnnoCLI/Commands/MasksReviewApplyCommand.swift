#if canImport(Glibc)
import Glibc
#endif
import AnnoKit

/// `annokit masks review apply`: records a decisions file's approve / reject / needs-fix on the annotations.
enum MasksReviewApplyCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            path: ["masks", "review", "apply"],
            abstract: "record review decisions (approved, rejected, needs-fix) on a dataset's annotations",
            positionals: [("DATASET", "The input: a COCO JSON file, a Pascal VOC folder or a .amsk archive.", false)],
            options: [
                OptionSpec(["--decisions"], value: "FILE",
                           help: "The decisions (required): {\"version\":1,\"decisions\":[{\"annotation_id\":17,\"status\":\"approved\",\"note\":\"...\"}]}, as the review page downloads them."),
                MasksCommon.output,
                OptionSpec(["--reviewer"], value: "NAME", default: "$USER", help: "Recorded as review.reviewer."),
                OptionSpec(["--reviewed-at"], value: "TIMESTAMP", default: "the current UTC time",
                           help: "Recorded as review.reviewed (ISO 8601, such as 2024-05-01T12:00:00Z). Give it for reproducible output."),
                OptionSpec(["--drop-rejected"], help: "Remove every annotation whose review is rejected (box and mask) after recording, and report how many."),
                MasksCommon.to, CommonOptions.from, MasksCommon.pretty,
                CommonOptions.strict, CommonOptions.maxFileBytes, CommonOptions.vocOrigin, CommonOptions.quiet,
            ],
            discussion: """
            Each decision sets review.status (approved, rejected or needs-fix), review.reviewer and \
            review.reviewed on the annotation it names, and the note, if any, as review.note. Annotations without \
            a decision are not changed.

            The decisions file is checked in full before anything is written: a decision naming an id no \
            annotation has, an unknown status, a malformed entry or a second decision for the same annotation is \
            an error. Every problem is listed with its line, column and JSON Pointer in the decisions file, and \
            the command exits 65 without writing the output.
            """,
            examples: [
                ("annokit masks review apply masks.json --decisions decisions.json --reviewer ana -o reviewed.json", "Record a reviewer's decisions:"),
                ("annokit masks review apply masks.json --decisions decisions.json --reviewer ana --reviewed-at 2024-05-01T12:00:00Z --drop-rejected -o reviewed.json", "Reproducibly, dropping what was rejected:"),
            ],
            exitNotes: ["Exit 65 when the decisions file has any problem; nothing is written then."])
    }

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let decisionsPath = try args.required("--decisions")
        _ = try args.required("--output")
        var reviewed = ReviewDecisions.currentTimestamp()
        if let at = args.value("--reviewed-at") {
            guard ReviewDecisions.looksLikeTimestamp(at) else {
                throw UsageError("--reviewed-at takes an ISO 8601 time such as 2024-05-01T12:00:00Z; got '\(at)'", command: spec.fullName)
            }
            reviewed = at
        }
        var reviewer = args.value("--reviewer")
        if reviewer == nil, let user = getenv("USER") {
            let name = String(cString: user)
            if !name.isEmpty { reviewer = name }
        }
        let loaded = try MasksCommon.load(args, console: console)
        let bytes = try FileIO.read(decisionsPath, limit: 1 << 30)
        let decisions = try ReviewDecisions(bytes: bytes, file: decisionsPath)
        let result = try decisions.apply(to: loaded.dataset, options: .init(reviewer: reviewer, reviewed: reviewed, dropRejected: args.flag("--drop-rejected")))
        try MasksCommon.write(result.dataset, loaded: loaded, args: args, console: console)
        let parts = ["approved", "rejected", "needs-fix"].map { "\(result.recorded[$0] ?? 0) \($0)" }
        var s = "review apply: \(MasksCommon.plural(decisions.decisions.count, "decision")) recorded (\(parts.joined(separator: ", ")))"
        if args.flag("--drop-rejected") { s += "; \(MasksCommon.plural(result.dropped, "rejected annotation")) dropped" }
        let coverage = Coverage(of: result.dataset)
        s += "\n  coverage: \(coverage.withApprovedMachineMask)/\(coverage.objects) approved machine masks, \(coverage.withUnreviewedMachineMask) still unreviewed\n"
        console.err(s)
        return ExitCode.success
    }
}
