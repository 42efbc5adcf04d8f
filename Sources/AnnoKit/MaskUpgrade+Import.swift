extension MaskUpgrade {
    /// A prediction whose mask can be used, with what matching needs.
    struct UsablePrediction {
        var index: Int
        var rle: RLE
        var box: BoundingBox
        var score: Double
    }

    /// One candidate pairing of a box-only annotation (by index in the dataset) and a usable prediction.
    struct Candidate {
        var annotation: Int
        var annotationID: ID
        var prediction: Int
        var iou: Double
        var score: Double
    }

    /// Gives box-only annotations the masks of model predictions, one to one.
    ///
    /// For each image, every box-only annotation is paired with every usable prediction of the same category;
    /// a pair's IoU is `BoundingBox.iou` (crowd false) between the prediction mask's tight box and the
    /// annotation's box. Pairs with IoU ≥ `options.minIoU` (and above 0) are taken greedily by descending IoU,
    /// then descending score, then ascending annotation id, then prediction position, each annotation and each
    /// prediction at most once. A taken mask is stored as compressed RLE, `area` becomes its pixel count, the
    /// prediction's score goes to `score`, provenance becomes `model` with the model's name and version (the
    /// annotator kept), and review `unreviewed`. Deterministic. O(predictions × box-only annotations per image).
    ///
    /// - Parameter predictions: the annotations of a COCO results list, in file order.
    public static func importPredictions(_ predictions: [Annotation], into dataset: Dataset, options: ImportOptions = ImportOptions()) -> ImportResult {
        let sizes = imageSizes(dataset)
        let imageIDs = Set(dataset.images.map(\.id))
        var unused: [UnusedPrediction] = []
        var usableByImage: [ID: [UsablePrediction]] = [:]
        for (index, p) in predictions.enumerated() {
            func drop(_ reason: UnusedReason, _ detail: String? = nil) {
                unused.append(UnusedPrediction(prediction: index, imageID: p.imageID, categoryID: p.categoryID, score: p.score, reason: reason, detail: detail))
            }
            guard imageIDs.contains(p.imageID) else { drop(.unknownImage); continue }
            if let minimum = options.minScore, (p.score?.double ?? -Double.infinity) < minimum { drop(.belowMinScore); continue }
            let size = sizes[p.imageID]
            let rle: RLE
            switch p.segmentation {
            case .none:
                drop(.noMask)
                continue
            case .polygons(let set):
                guard let size else { drop(.noImageSize); continue }
                guard !set.polygons.isEmpty else { drop(.noMask); continue }
                do { rle = try RLE(polygons: set.polygons, size: size) } catch { drop(.invalidMask, "\(error)"); continue }
            case .rle(let data):
                do { rle = try data.rle() } catch { drop(.invalidMask, "\(error)"); continue }
                if let size, rle.size != size {
                    drop(.sizeMismatch, "the mask is \(rle.size) ([height, width]), the image \(size)")
                    continue
                }
            }
            guard rle.area > 0 else { drop(.emptyMask); continue }
            usableByImage[p.imageID, default: []].append(
                UsablePrediction(index: index, rle: rle, box: rle.boundingBox, score: p.score?.double ?? -Double.infinity))
        }

        var boxOnlyByImage: [ID: [Int]] = [:]
        var boxOnly = 0
        for (i, a) in dataset.annotations.enumerated() where !a.hasMask && a.bbox != nil && a.caption == nil {
            boxOnlyByImage[a.imageID, default: []].append(i)
            boxOnly += 1
        }

        var bestForAnnotation: [Int: (iou: Double, prediction: Int)] = [:]
        var bestForPrediction: [Int: (iou: Double, annotation: ID)] = [:]
        var candidates: [Candidate] = []
        for (image, annotationIndices) in boxOnlyByImage {
            for ai in annotationIndices {
                let a = dataset.annotations[ai]
                guard let b = a.bbox else { continue }
                let box = BoundingBox(x: b.x.double, y: b.y.double, width: b.width.double, height: b.height.double)
                for p in usableByImage[image] ?? [] where predictions[p.index].categoryID == a.categoryID {
                    let iou = BoundingBox.iou(p.box, box, crowd: false)
                    let value = iou.isFinite ? iou : 0
                    if bestForAnnotation[ai].map({ value > $0.iou || (value == $0.iou && p.index < $0.prediction) }) ?? true {
                        bestForAnnotation[ai] = (value, p.index)
                    }
                    if bestForPrediction[p.index].map({ value > $0.iou || (value == $0.iou && a.id < $0.annotation) }) ?? true {
                        bestForPrediction[p.index] = (value, a.id)
                    }
                    if value > 0 && value >= options.minIoU {
                        candidates.append(Candidate(annotation: ai, annotationID: a.id, prediction: p.index, iou: value, score: p.score))
                    }
                }
            }
        }
        candidates.sort { x, y in
            if x.iou != y.iou { return x.iou > y.iou }
            if x.score != y.score { return x.score > y.score }
            if x.annotationID != y.annotationID { return x.annotationID < y.annotationID }
            if x.annotation != y.annotation { return x.annotation < y.annotation }
            return x.prediction < y.prediction
        }
        var takenAnnotations: [Int: Candidate] = [:]
        var takenPredictions = Set<Int>()
        for c in candidates where takenAnnotations[c.annotation] == nil && !takenPredictions.contains(c.prediction) {
            takenAnnotations[c.annotation] = c
            takenPredictions.insert(c.prediction)
        }

        var out = dataset
        var matches: [Match] = []
        var unmatched: [UnmatchedAnnotation] = []
        let usableRLE: [Int: RLE] = Dictionary(uniqueKeysWithValues: usableByImage.values.joined().map { ($0.index, $0.rle) })
        for i in dataset.annotations.indices {
            let a = dataset.annotations[i]
            guard !a.hasMask, a.bbox != nil, a.caption == nil else { continue }
            if let c = takenAnnotations[i], let rle = usableRLE[c.prediction] {
                let p = predictions[c.prediction]
                var updated = a
                updated.segmentation = .rle(compressed(rle))
                updated.area = JSONNumber(rle.area)
                updated.score = p.score
                updated.provenance = Provenance(
                    source: .model, annotator: a.provenance?.annotator, model: options.model, modelVersion: options.modelVersion,
                    created: options.created, extensions: a.provenance?.extensions.filter { $0.key != "shape" } ?? [])
                updated.review = Review(status: .unreviewed)
                out.annotations[i] = updated
                matches.append(Match(annotationID: a.id, imageID: a.imageID, categoryID: a.categoryID, prediction: c.prediction, iou: c.iou, score: p.score))
                continue
            }
            let onImage = usableByImage[a.imageID] ?? []
            let best = bestForAnnotation[i]
            let reason: UnmatchedReason
            if onImage.isEmpty {
                reason = .noPredictionOnImage
            } else if best == nil {
                reason = .categoryMismatch
            } else if let best, best.iou < options.minIoU || best.iou <= 0 {
                reason = .iouBelowThreshold
            } else {
                reason = .predictionsTaken
            }
            unmatched.append(UnmatchedAnnotation(
                annotationID: a.id, imageID: a.imageID, categoryID: a.categoryID, reason: reason, bestIoU: best?.iou, bestPrediction: best?.prediction))
        }

        for list in usableByImage.values {
            for p in list where !takenPredictions.contains(p.index) {
                let prediction = predictions[p.index]
                let best = bestForPrediction[p.index]
                let reason: UnusedReason
                if (boxOnlyByImage[prediction.imageID] ?? []).isEmpty {
                    reason = .noBoxOnImage
                } else if best == nil {
                    reason = .categoryMismatch
                } else if let best, best.iou < options.minIoU || best.iou <= 0 {
                    reason = .iouBelowThreshold
                } else {
                    reason = .annotationsTaken
                }
                unused.append(UnusedPrediction(
                    prediction: p.index, imageID: prediction.imageID, categoryID: prediction.categoryID, score: prediction.score,
                    reason: reason, bestIoU: best?.iou, bestAnnotation: best?.annotation))
            }
        }
        unused.sort { $0.prediction < $1.prediction }
        return ImportResult(dataset: out, boxOnly: boxOnly, predictions: predictions.count, matches: matches, unmatched: unmatched, unused: unused)
    }
}
