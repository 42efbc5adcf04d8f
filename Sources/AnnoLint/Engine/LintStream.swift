import AnnoCore
import AnnoMask

/// Lint's side of a streaming read: takes each annotation's mask facts (and AK108 findings) as the reader hands it
/// over, then keeps the annotation without its polygon and run-length values, so a large dataset is never held
/// whole. Feed it from a reader's annotation sink, then pass it to ``Linter/run(on:stream:path:format:extraChecks:readerDiagnostics:)``.
///
/// Annotations that arrive before their images are known are kept whole until ``finish(images:)``. Not thread-safe:
/// use one stream per reading thread (``makeSecondHalf()``) and join them with ``append(_:renumbering:)``.
public final class LintStream: @unchecked Sendable {
    /// The annotations received so far, in order, with their bulky values dropped once their facts were taken;
    /// kept in chunks so joining two halves and handing the list over never holds two copies of it.
    private var chunks: [[Annotation]] = []
    /// Annotations per chunk.
    private static let chunkSize = 4096
    /// The number of annotations received.
    public private(set) var count = 0
    /// True when some selected rule needs rasterised masks.
    let computesMasks: Bool
    /// Reads an annotation's dropped values again from its `origin.span`.
    let reload: @Sendable (Annotation) -> Annotation?
    /// One entry per annotation when `computesMasks`; placeholders at the `pending` indexes.
    private var entries: [MaskEntry] = []
    /// AK108 messages by annotation index (rare, so sparse).
    private var problems: [Int: [String]] = [:]
    /// Indexes of annotations kept whole because their images were not known yet.
    private var pending: [Int] = []
    /// The image list facts were taken against, and its size lookup (first image with each id wins).
    private var images: [Image]?
    private var sizes: [ID: (height: Int, width: Int)] = [:]
    /// Stripped polygon sets by polygon count, shared so dropping values allocates nothing per annotation.
    private var emptyPolygonSets: [Int: PolygonSet] = [:]

    /// Creates a stream for `linter`'s selected rules; `reload` reads an annotation again from its source
    /// (it is only asked for annotations whose `origin.span` is set).
    public init(for linter: Linter, reload: @escaping @Sendable (Annotation) -> Annotation?) {
        self.computesMasks = linter.needsMasks
        self.reload = reload
    }

    private init(computesMasks: Bool, reload: @escaping @Sendable (Annotation) -> Annotation?) {
        self.computesMasks = computesMasks
        self.reload = reload
    }

    /// A stream for the other half of a two-core read: same rules, same images, nothing received yet.
    public func makeSecondHalf() -> LintStream {
        let other = LintStream(computesMasks: computesMasks, reload: reload)
        other.images = images
        other.sizes = sizes
        return other
    }

    /// Sets the images that annotations refer to; annotations received from now on get their facts at once.
    public func setImages(_ list: [Image]) {
        images = list
        var map: [ID: (height: Int, width: Int)] = [:]
        map.reserveCapacity(list.count)
        for image in list where map[image.id] == nil { map[image.id] = (image.height ?? 0, image.width ?? 0) }
        sizes = map
    }

    /// Takes one annotation: O(its mask work) when its image sizes are known, else O(1) (kept for `finish`).
    public func add(_ annotation: Annotation) {
        let index = count
        if images == nil {
            pending.append(index)
            if computesMasks { entries.append(.none) }
            store(annotation)
        } else {
            store(digest(annotation, at: index))
        }
    }

    /// Appends one annotation to the chunk list.
    private func store(_ a: Annotation) {
        if count % Self.chunkSize == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(a)
        count += 1
    }

    /// Appends `other`'s annotations after this stream's, renumbering each one with `renumbering` first.
    /// O(other's annotations); `other` is left empty.
    public func append(_ other: LintStream, renumbering: (inout Annotation) -> Void) {
        let base = count
        for k in other.chunks.indices {
            for var a in other.chunks[k] {
                renumbering(&a)
                store(a)
            }
            other.chunks[k] = []
        }
        other.chunks = []
        other.count = 0
        entries += other.entries
        other.entries = []
        for (i, p) in other.problems { problems[base + i] = p }
        pending += other.pending.map { base + $0 }
    }

    /// Takes the facts of annotations that waited for their images, against the dataset's final `images`.
    /// Returns false when facts were already taken against a different image list (a file with two `images`
    /// keys around its annotations); the stream's results are then unusable and the caller must lint the
    /// dataset read whole.
    public func finish(images final: [Image]) -> Bool {
        if let images, images != final { return false }
        if images == nil { setImages(final) }
        for i in pending {
            let (k, j) = i.quotientAndRemainder(dividingBy: Self.chunkSize)
            chunks[k][j] = digest(chunks[k][j], at: i)
        }
        pending = []
        return true
    }

    /// Hands over the annotations as one list, releasing each chunk once it is copied. The stream is then empty.
    func takeAnnotations() -> [Annotation] {
        var all: [Annotation] = []
        all.reserveCapacity(count)
        for k in chunks.indices {
            all.append(contentsOf: chunks[k])
            chunks[k] = []
            // Freed chunks sit in the middle of the heap, where the allocator keeps them: hand them back as we go.
            if k % 8 == 7 { Memory.returnFreedPages() }
        }
        chunks = []
        count = 0
        Memory.returnFreedPages()
        return all
    }

    /// The mask table for the annotations received.
    var table: MaskTable { MaskTable(entries: entries, polygonProblems: problems, reload: reload) }

    /// Takes the facts of the annotation at `index` and returns it without its values (when they can be read again).
    private func digest(_ a: Annotation, at index: Int) -> Annotation {
        let found = PolygonCheck.problems(a)
        if !found.isEmpty { problems[index] = found }
        if computesMasks {
            let size = sizes[a.imageID] ?? (0, 0)
            let entry = MaskTable.entry(for: a, height: size.height, width: size.width)
            if index < entries.count { entries[index] = entry } else { entries.append(entry) }
        }
        guard a.origin.span != nil else { return a }
        var slim = a
        switch a.segmentation {
        case .polygons(let set):
            let n = set.polygons.count
            if let shared = emptyPolygonSets[n] {
                slim.segmentation = .polygons(shared)
            } else {
                let shared = PolygonSet(Array(repeating: [], count: n))
                emptyPolygonSets[n] = shared
                slim.segmentation = .polygons(shared)
            }
        case .rle(var r):
            guard case .uncompressed = r.counts else { return a }
            r.counts = .uncompressed([])
            slim.segmentation = .rle(r)
        case .none:
            return a
        }
        return slim
    }
}
