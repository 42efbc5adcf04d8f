import AnnoKit

/// `annokit show`: one image of a `.amsk` archive, read with O(1) seeks.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        path: ["show"],
        abstract: "print one image's annotations from a .amsk archive and write its instance masks as a PNG",
        positionals: [("FILE.amsk", "The archive.", false)],
        options: [
            OptionSpec(["--image"], value: "ID", help: "The image id (required). Integer ids are matched as integers, anything else as a string."),
            OptionSpec(["--png"], value: "OUT.png", help: "Write the image's instance masks as an 8-bit palette PNG: pixel value k is the image's k-th annotation (VOC colours), 0 is background."),
        ],
        discussion: """
        Looks the image up in the archive's index and reads only its record, so the cost does not grow with \
        the archive. Prints the image (file name, size, title) and one line per annotation: its index k (the \
        value in the PNG), id, category, area, box, provenance and review.
        """,
        examples: [("annokit show data.amsk --image 42 --png masks-42.png", "Inspect image 42:")])

    static func run(_ args: ParsedArguments, console: Console) throws -> Int32 {
        let path = args.positionals[0]
        let raw = try args.required("--image")
        let id: ID = Int(raw).map { .int($0) } ?? .string(raw)
        let result = try Archive.show(path: path, imageID: id)
        var s = "image \(id.text)"
        if let image = result.image {
            if let f = image.fileName { s += "  \(f)" }
            s += "  \(result.width)x\(result.height)"
            if let t = image.title { s += "  \"\(t)\"" }
        }
        s += "\n"
        for (k, entry) in result.annotations.enumerated() {
            let a = entry.annotation
            var line = "  [\(k + 1)] annotation \(a.id.text)"
            if let c = a.categoryID { line += "  category \(c.text)" }
            if let area = a.area { line += "  area \(area.literal)" }
            if let b = a.bbox { line += "  bbox [\(b.x.literal), \(b.y.literal), \(b.width.literal), \(b.height.literal)]" }
            line += "  \(a.segmentation.kindName)"
            if let p = a.provenance?.source { line += "  source \(p)" }
            if let st = a.review?.status { line += "  review \(st)" }
            s += line + "\n"
        }
        console.out(s)
        if let png = args.value("--png") {
            let palette = (0..<256).map { PNG.vocColor(index: UInt8($0)) }
            let bytes: [UInt8]
            do {
                bytes = try PNG.encodeIndexed(width: result.width, height: result.height, indices: result.indexMap, palette: palette)
            } catch {
                throw DatasetError(code: "output", message: "cannot encode the mask PNG: \(error)", category: .outputFailed)
            }
            try FileIO.writeAtomically(bytes, to: png)
            console.err("wrote \(png) (\(result.width)x\(result.height), \(result.annotations.count) instance(s))\n")
        }
        return ExitCode.success
    }
}
