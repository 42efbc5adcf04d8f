/// Upgrading box-only annotations to masks, honestly: every new mask says where it came from and that no human
/// has reviewed it yet. See Specs/workflows/masks.md.
public enum MaskUpgrade {
    /// The shape `fromBoxes` draws inside each box.
    public enum Shape: String, Hashable, Sendable, CaseIterable {
        /// The box itself, rasterised exactly as pycocotools' `frBbox`.
        case box
        /// The ellipse inscribed in the box: a pixel is set iff its centre lies inside or on the ellipse.
        case ellipse
    }

    /// Options for `fromBoxes`.
    public struct FromBoxesOptions: Hashable, Sendable {
        /// The shape to draw.
        public var shape: Shape
        /// The `provenance.created` timestamp to record; nil omits it, keeping the output deterministic.
        public var created: String?

        /// Creates options.
        public init(shape: Shape = .box, created: String? = nil) {
            self.shape = shape
            self.created = created
        }
    }

    /// Why an annotation got no mask from `fromBoxes`.
    public enum SkipReason: String, Hashable, Sendable {
        /// The annotation has no box.
        case noBox = "no-box"
        /// Its image is not in the dataset or has no width and height, so the mask's size is unknown.
        case noImageSize = "no-image-size"
        /// The box is degenerate (zero or negative width or height, not finite) or lies outside the image,
        /// so the mask would be empty.
        case emptyMask = "empty-mask"
    }

    /// What `fromBoxes` did.
    public struct FromBoxesResult: Hashable, Sendable {
        /// The dataset with the new masks.
        public var dataset: Dataset
        /// The ids of the annotations that got a mask, in dataset order.
        public var converted: [ID]
        /// How many annotations already had a mask (left untouched).
        public var alreadyMasked: Int
        /// The annotations skipped, with the reason, in dataset order.
        public var skipped: [(id: ID, reason: SkipReason)]

        /// Compares everything, including the skipped list.
        public static func == (a: Self, b: Self) -> Bool {
            a.dataset == b.dataset && a.converted == b.converted && a.alreadyMasked == b.alreadyMasked
                && a.skipped.map(\.id) == b.skipped.map(\.id) && a.skipped.map(\.reason) == b.skipped.map(\.reason)
        }

        /// Hashes the counts and ids.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(dataset)
            hasher.combine(converted)
            hasher.combine(alreadyMasked)
            for s in skipped {
                hasher.combine(s.id)
                hasher.combine(s.reason)
            }
        }

        /// How many annotations were skipped for `reason`.
        public func count(_ reason: SkipReason) -> Int { skipped.reduce(0) { $0 + ($1.reason == reason ? 1 : 0) } }
    }

    /// Gives every annotation that has a box and no mask a mask of `options.shape`, stored as compressed RLE of
    /// its image's size, with provenance `derived-from-bbox` (the annotator kept) and review `unreviewed`.
    ///
    /// Existing masks are untouched. The new mask's `area` is its pixel count; the declared box is kept.
    /// Deterministic: the same dataset and options give the same result. O(annotations × box width).
    public static func fromBoxes(_ dataset: Dataset, options: FromBoxesOptions = FromBoxesOptions()) -> FromBoxesResult {
        var out = dataset
        let sizes = imageSizes(dataset)
        var converted: [ID] = []
        var already = 0
        var skipped: [(id: ID, reason: SkipReason)] = []
        for i in out.annotations.indices {
            let a = out.annotations[i]
            if a.hasMask {
                already += 1
                continue
            }
            guard let bbox = a.bbox else {
                skipped.append((a.id, .noBox))
                continue
            }
            guard let size = sizes[a.imageID] else {
                skipped.append((a.id, .noImageSize))
                continue
            }
            let box = BoundingBox(x: bbox.x.double, y: bbox.y.double, width: bbox.width.double, height: bbox.height.double)
            let rle: RLE
            switch options.shape {
            case .box: rle = RLE(box: box, size: size)
            case .ellipse: rle = ellipse(in: box, size: size)
            }
            guard rle.area > 0 else {
                skipped.append((a.id, .emptyMask))
                continue
            }
            var updated = a
            updated.segmentation = .rle(compressed(rle))
            updated.area = JSONNumber(rle.area)
            var provenance = Provenance(
                source: .derivedFromBBox, annotator: a.provenance?.annotator, created: options.created,
                extensions: a.provenance?.extensions.filter { $0.key != "shape" } ?? [])
            provenance.extensions.append(JSONMember("shape", .string(options.shape.rawValue)))
            updated.provenance = provenance
            updated.review = Review(status: .unreviewed)
            out.annotations[i] = updated
            converted.append(a.id)
        }
        return FromBoxesResult(dataset: out, converted: converted, alreadyMasked: already, skipped: skipped)
    }

    /// The mask size of every image that has a valid width and height, by image id (the first image wins when
    /// ids repeat).
    static func imageSizes(_ dataset: Dataset) -> [ID: MaskSize] {
        var sizes: [ID: MaskSize] = [:]
        for image in dataset.images {
            guard let w = image.width, let h = image.height, w > 0, h > 0, sizes[image.id] == nil else { continue }
            let size = MaskSize(height: h, width: w)
            if (try? size.validate()) != nil { sizes[image.id] = size }
        }
        return sizes
    }

    /// The mask as compressed RLE data, canonical runs, exactly as pycocotools would write it.
    static func compressed(_ rle: RLE) -> RLEData {
        let canonical = rle.canonicalized()
        return RLEData(height: canonical.size.height, width: canonical.size.width, counts: .compressed(canonical.compressedCounts))
    }
}
