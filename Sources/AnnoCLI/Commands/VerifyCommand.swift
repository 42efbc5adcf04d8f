import AnnoKit

/// `annokit verify`: checks every CRC and the index of a `.amsk` archive, and rebuilds a damaged one.
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        path: ["verify"],
        abstract: "check a .amsk archive's checksums and index; rebuild a damaged one with --salvage",
        positionals: [("FILE.amsk", "The archive to check.", false)],
        options: [
            OptionSpec(["--salvage"], help: "Rebuild the archive by scanning its records (for a file whose trailer or index is gone, as after a crash while writing). Needs -o."),
            OptionSpec(["--output", "-o"], value: "OUT.amsk", help: "Where --salvage writes the rebuilt archive (atomically)."),
            OptionSpec(["--format"], value: "FORMAT", choices: ["text", "json"], default: "text", help: "Output format."),
        ],
        discussion: """
        Reads the whole archive and checks the header, the CRC32 of every record, the index against the \
        records, and the trailer. Every problem names its record (ordinal and tag) and byte offset. Exits 0 \
        when the archive is intact and 65 when anything is damaged.

        With --salvage, the records are scanned in order, every record whose checksum holds is kept, and a new \
        archive with a fresh index and trailer is written to -o. The report lists the annotations whose masks \
        could not be recovered.
        """,
        examples: [
            ("annokit verify data.amsk", "Check an archive:"),
            ("annokit verify --salvage broken.amsk -o fixed.amsk", "Rebuild an archive whose writer crashed:"),
        ],
        exitNotes: ["65 when verify finds damage, or when --salvage could recover nothing."])

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let path = args.positionals[0]
        guard FileIO.exists(path) else {
            throw DatasetError(code: "input", message: "\(path) does not exist; check the path", location: SourceLocation(file: path), category: .inputUnavailable)
        }
        let json = args.value("--format") == "json"
        if args.flag("--salvage") {
            let output = try args.required("--output")
            let report = try Archive.salvage(path: path, to: output)
            if json {
                console.outBytes(JSONValue.object([
                    JSONMember("source", .string(report.source)), JSONMember("output", .string(report.output)),
                    JSONMember("recoveredRecords", .number(JSONNumber(report.recoveredRecords))),
                    JSONMember("recoveredImages", .number(JSONNumber(report.recoveredImages))),
                    JSONMember("lostAnnotations", .array(report.lostAnnotations.map { .number(JSONNumber($0)) })),
                    JSONMember("problems", .array(report.problems.map { .string($0.description) })),
                ]).serialized(pretty: true) + [0x0A])
            } else {
                console.out("salvaged \(report.recoveredRecords) records (\(report.recoveredImages) images) from \(path) into \(output)\n")
                for p in report.problems { console.out("  skipped: \(p.description)\n") }
                if !report.lostAnnotations.isEmpty {
                    console.out("  masks lost for \(report.lostAnnotations.count) annotation(s): indices \(report.lostAnnotations.prefix(20).map(String.init).joined(separator: ", "))\(report.lostAnnotations.count > 20 ? ", ..." : "")\n")
                }
            }
            return report.recoveredRecords > 0 ? ExitCode.success : ExitCode.dataError
        }
        let report = try Archive.verify(path: path)
        if json {
            console.outBytes(JSONValue.object([
                JSONMember("path", .string(report.path)),
                JSONMember("bytes", .number(JSONNumber(Int(report.fileSize)))),
                JSONMember("records", .number(JSONNumber(report.records.count))),
                JSONMember("valid", .bool(report.isValid)),
                JSONMember("salvageable", .bool(report.isSalvageable)),
                JSONMember("badRecords", .array(report.badRecords.map { .number(JSONNumber($0)) })),
                JSONMember("problems", .array(report.problems.map { p in
                    .object([JSONMember("code", .string(p.code)), JSONMember("message", .string(p.description))])
                })),
            ]).serialized(pretty: true) + [0x0A])
        } else if report.isValid {
            let masks = report.records.reduce(0) { $0 + ($1.maskCount ?? 0) }
            console.out("\(path): OK, \(report.records.count) records, \(masks) masks, \(report.fileSize) bytes, every checksum and the index verified\n")
        } else {
            console.out("\(path): DAMAGED, \(report.problems.count) problem(s)\n")
            for p in report.problems { console.out("  \(p.description)\n") }
            if report.isSalvageable {
                console.out("Recover what is intact with: annokit verify --salvage \(path) -o FIXED.amsk\n")
            }
        }
        return report.isValid ? ExitCode.success : ExitCode.dataError
    }
}
