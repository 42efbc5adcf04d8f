extension MaskUpgrade {
    /// Options for `importPredictions`.
    public struct ImportOptions: Hashable, Sendable {
        /// The model's name, recorded as `provenance.model`.
        public var model: String?
        /// The model's version, recorded as `provenance.model_version`.
        public var modelVersion: String?
        /// The smallest box IoU (prediction mask's tight box against the annotation's box) that makes a match.
        public var minIoU: Double
        /// Predictions scoring below this are not used; nil uses every prediction.
        public var minScore: Double?
        /// The `provenance.created` timestamp to record; nil omits it.
        public var created: String?

        /// Creates options.
        public init(model: String? = nil, modelVersion: String? = nil, minIoU: Double = 0.5, minScore: Double? = nil, created: String? = nil) {
            self.model = model
            self.modelVersion = modelVersion
            self.minIoU = minIoU
            self.minScore = minScore
            self.created = created
        }
    }

    /// One prediction taken as an annotation's mask.
    public struct Match: Hashable, Sendable {
        /// The annotation that took the mask.
        public var annotationID: ID
        /// Its image.
        public var imageID: ID
        /// Its category.
        public var categoryID: ID?
        /// The prediction's position in the predictions file (0-based).
        public var prediction: Int
        /// The box IoU of the match.
        public var iou: Double
        /// The prediction's score, as written.
        public var score: JSONNumber?
    }

    /// Why a box-only annotation took no prediction.
    public enum UnmatchedReason: String, Hashable, Sendable {
        /// No usable prediction names the annotation's image.
        case noPredictionOnImage = "no-prediction-on-image"
        /// There are predictions on the image, none of the annotation's category.
        case categoryMismatch = "category-mismatch"
        /// The best same-category prediction overlaps less than `--min-iou`.
        case iouBelowThreshold = "iou-below-threshold"
        /// Every same-category prediction that overlapped enough was taken by a better-matching annotation.
        case predictionsTaken = "predictions-taken"
    }

    /// A box-only annotation left without a mask.
    public struct UnmatchedAnnotation: Hashable, Sendable {
        /// The annotation.
        public var annotationID: ID
        /// Its image.
        public var imageID: ID
        /// Its category.
        public var categoryID: ID?
        /// Why.
        public var reason: UnmatchedReason
        /// The best box IoU with a same-category prediction, when there was one.
        public var bestIoU: Double?
        /// That prediction's position in the predictions file.
        public var bestPrediction: Int?
    }

    /// Why a prediction was not used.
    public enum UnusedReason: String, Hashable, Sendable {
        /// Its `image_id` is not an image of the dataset.
        case unknownImage = "unknown-image"
        /// It has no segmentation.
        case noMask = "no-mask"
        /// Its segmentation cannot be decoded or rasterised.
        case invalidMask = "invalid-mask"
        /// Its polygon needs the image's size, which the dataset does not give.
        case noImageSize = "no-image-size"
        /// Its RLE size differs from the image's size.
        case sizeMismatch = "size-mismatch"
        /// Its mask has no pixels.
        case emptyMask = "empty-mask"
        /// Its score is below `--min-score` (or it has no score while `--min-score` is set).
        case belowMinScore = "below-min-score"
        /// Its image has no box-only annotation left to upgrade.
        case noBoxOnImage = "no-box-on-image"
        /// Its image has box-only annotations, none of its category.
        case categoryMismatch = "category-mismatch"
        /// The best same-category box overlaps less than `--min-iou`.
        case iouBelowThreshold = "iou-below-threshold"
        /// Every same-category box that overlapped enough took a better-matching prediction.
        case annotationsTaken = "annotations-taken"
    }

    /// A prediction left unused.
    public struct UnusedPrediction: Hashable, Sendable {
        /// Its position in the predictions file (0-based); its JSON Pointer is `/<prediction>`.
        public var prediction: Int
        /// The image it names.
        public var imageID: ID
        /// The category it names.
        public var categoryID: ID?
        /// Its score, as written.
        public var score: JSONNumber?
        /// Why.
        public var reason: UnusedReason
        /// The best box IoU with a same-category box-only annotation, when there was one.
        public var bestIoU: Double?
        /// That annotation.
        public var bestAnnotation: ID?
        /// Detail for `invalid-mask` and `size-mismatch`.
        public var detail: String?
    }

    /// What `importPredictions` did.
    public struct ImportResult: Hashable, Sendable {
        /// The dataset with the taken masks.
        public var dataset: Dataset
        /// How many annotations were box-only before the import.
        public var boxOnly: Int
        /// How many predictions the file holds.
        public var predictions: Int
        /// The matches, in dataset order of their annotations.
        public var matches: [Match]
        /// Box-only annotations that took nothing, in dataset order.
        public var unmatched: [UnmatchedAnnotation]
        /// Predictions not used, in file order.
        public var unused: [UnusedPrediction]

        /// The `--report` document: deterministic JSON (see Specs/workflows/masks.md).
        public func report(dataset path: String, predictions predictionsPath: String, options: ImportOptions) -> JSONValue {
            func n(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
            func ratio(_ d: Double) -> JSONValue { .number(JSONNumber((d * 1_000_000).rounded() / 1_000_000)) }
            func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
            func category(_ c: ID?) -> JSONValue { c?.json ?? .null }
            let matchItems: [JSONValue] = matches.map { m in
                .object([
                    JSONMember("annotation_id", m.annotationID.json), JSONMember("image_id", m.imageID.json),
                    JSONMember("category_id", category(m.categoryID)), JSONMember("prediction", n(m.prediction)),
                    JSONMember("pointer", .string("/\(m.prediction)")), JSONMember("iou", ratio(m.iou)),
                    JSONMember("score", m.score.map { .number($0) } ?? .null),
                ])
            }
            let unmatchedItems: [JSONValue] = unmatched.map { u in
                var m = [
                    JSONMember("annotation_id", u.annotationID.json), JSONMember("image_id", u.imageID.json),
                    JSONMember("category_id", category(u.categoryID)), JSONMember("reason", .string(u.reason.rawValue)),
                ]
                if let b = u.bestIoU { m.append(JSONMember("best_iou", ratio(b))) }
                if let p = u.bestPrediction { m.append(JSONMember("best_prediction", n(p))) }
                return .object(m)
            }
            let unusedItems: [JSONValue] = unused.map { u in
                var m = [
                    JSONMember("prediction", n(u.prediction)), JSONMember("pointer", .string("/\(u.prediction)")),
                    JSONMember("image_id", u.imageID.json), JSONMember("category_id", category(u.categoryID)),
                    JSONMember("score", u.score.map { .number($0) } ?? .null), JSONMember("reason", .string(u.reason.rawValue)),
                ]
                if let b = u.bestIoU { m.append(JSONMember("best_iou", ratio(b))) }
                if let a = u.bestAnnotation { m.append(JSONMember("best_annotation_id", a.json)) }
                if let d = u.detail { m.append(JSONMember("detail", .string(d))) }
                return .object(m)
            }
            return .object([
                JSONMember("version", n(1)),
                JSONMember("dataset", .string(path)),
                JSONMember("predictions", .string(predictionsPath)),
                JSONMember("model", optional(options.model)),
                JSONMember("model_version", optional(options.modelVersion)),
                JSONMember("min_iou", .number(JSONNumber(options.minIoU))),
                JSONMember("min_score", options.minScore.map { .number(JSONNumber($0)) } ?? .null),
                JSONMember("counts", .object([
                    JSONMember("box_only_annotations", n(boxOnly)),
                    JSONMember("predictions", n(predictions)),
                    JSONMember("matched", n(matches.count)),
                    JSONMember("unmatched_annotations", n(unmatched.count)),
                    JSONMember("unused_predictions", n(unused.count)),
                ])),
                JSONMember("matches", .array(matchItems)),
                JSONMember("unmatched_annotations", .array(unmatchedItems)),
                JSONMember("unused_predictions", .array(unusedItems)),
            ])
        }
    }
}
