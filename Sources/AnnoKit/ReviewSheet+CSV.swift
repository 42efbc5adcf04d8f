extension ReviewSheet {
    /// The CSV columns, in order.
    public static let csvColumns = [
        "annotation_id", "image_id", "file_name", "category_id", "category", "source", "shape", "model", "model_version",
        "score", "annotator", "review_status", "bbox_x", "bbox_y", "bbox_width", "bbox_height", "area", "decision", "note",
    ]

    /// The pending masks of `dataset` as CSV (RFC 4180: CRLF line ends, fields quoted when needed), one row per
    /// mask in annotation order, with empty `decision` and `note` columns for the reviewer. Text that a
    /// spreadsheet would run as a formula gets a leading `'`. Deterministic.
    public static func csv(_ dataset: Dataset) -> String {
        var s = csvColumns.joined(separator: ",") + "\r\n"
        for item in ReviewItem.pending(in: dataset) {
            let a = item.annotation
            let shape = a.provenance?.extensions.last(where: { $0.key == "shape" }).flatMap { m -> String? in
                if case .string(let v) = m.value { return v }
                return nil
            }
            let fields: [(String, Bool)] = [
                (a.id.text, a.id.isString), (a.imageID.text, a.imageID.isString), (item.image?.fileName ?? "", true),
                (a.categoryID?.text ?? "", a.categoryID?.isString ?? false), (item.category?.name ?? "", true),
                (a.provenance?.source?.description ?? "", true), (shape ?? "", true),
                (a.provenance?.model ?? "", true), (a.provenance?.modelVersion ?? "", true),
                (a.score?.literal ?? "", false), (a.provenance?.annotator ?? "", true),
                (a.review?.status?.description ?? "", true),
                (a.bbox?.x.literal ?? "", false), (a.bbox?.y.literal ?? "", false),
                (a.bbox?.width.literal ?? "", false), (a.bbox?.height.literal ?? "", false),
                (a.area?.literal ?? "", false), ("", false), ("", false),
            ]
            s += fields.map { ReviewText.csvField($0.0, text: $0.1) }.joined(separator: ",") + "\r\n"
        }
        return s
    }
}

extension ID {
    /// True for string ids.
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
