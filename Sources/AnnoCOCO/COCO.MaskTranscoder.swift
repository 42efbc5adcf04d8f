import AnnoCore
import AnnoMask

extension COCO {
    /// Re-encodes segmentations for `--masks rle` (compressed RLE exactly as pycocotools' `annToRLE` makes it)
    /// and `--masks polygon` (polygons traced along pixel edges; masks with holes stay RLE).
    public enum MaskTranscoder {
        /// Returns the dataset with every segmentation in the requested encoding, reporting each one that
        /// could not be converted. Work is spread over all cores; the result does not depend on scheduling.
        /// - Complexity: O(total mask runs + polygon perimeter) plus O(pixels) for traced masks.
        public static func transcode(_ dataset: Dataset, to encoding: MaskEncoding, diagnostics: inout Diagnostics) -> Dataset {
            guard encoding != .keep, !dataset.annotations.isEmpty else { return dataset }
            var sizes: [ID: MaskSize] = [:]
            for image in dataset.images {
                if let w = image.width, let h = image.height, sizes[image.id] == nil { sizes[image.id] = MaskSize(height: h, width: w) }
            }
            let annotations = dataset.annotations
            let parts = Parallel.mapChunks(count: annotations.count, minimumChunk: 64) { range -> ([Annotation], [Diagnostic]) in
                var out: [Annotation] = []
                out.reserveCapacity(range.count)
                var notes: [Diagnostic] = []
                for i in range {
                    var a = annotations[i]
                    a.segmentation = convert(a, size: sizes[a.imageID], to: encoding, notes: &notes)
                    out.append(a)
                }
                return (out, notes)
            }
            var copy = dataset
            copy.annotations.removeAll(keepingCapacity: true)
            for (out, notes) in parts {
                copy.annotations.append(contentsOf: out)
                diagnostics.report(contentsOf: notes)
            }
            return copy
        }

        static func subject(_ a: Annotation) -> String { "annotation \(a.id.text)" }

        static func convert(_ a: Annotation, size: MaskSize?, to encoding: MaskEncoding, notes: inout [Diagnostic]) -> Segmentation {
            switch (encoding, a.segmentation) {
            case (.keep, _), (_, .none):
                return a.segmentation
            case (.rle, .rle(let r)):
                guard case .uncompressed(let counts) = r.counts else { return a.segmentation }
                do throws(MaskError) {
                    let rle = try RLE(size: MaskSize(height: r.height, width: r.width), counts: counts)
                    return .rle(RLEData(height: r.height, width: r.width, counts: .compressed(rle.compressedCounts)))
                } catch {
                    notes.append(Diagnostic(Checks.maskNotConverted, "RLE kept as written: \(error)", at: a.origin.location, subject: subject(a)))
                    return a.segmentation
                }
            case (.rle, .polygons(let set)):
                if set.polygons.isEmpty { return a.segmentation }
                guard let size else {
                    notes.append(Diagnostic(
                        Checks.maskNotConverted, "polygon kept: its image has no width/height, so the RLE size is unknown",
                        at: a.origin.location, subject: subject(a)))
                    return a.segmentation
                }
                do throws(MaskError) {
                    let rle = try RLE(polygons: set.polygons, size: size)
                    return .rle(RLEData(height: size.height, width: size.width, counts: .compressed(rle.compressedCounts)))
                } catch {
                    notes.append(Diagnostic(Checks.maskNotConverted, "polygon kept: \(error)", at: a.origin.location, subject: subject(a)))
                    return a.segmentation
                }
            case (.polygon, .polygons):
                return a.segmentation
            case (.polygon, .rle(let r)):
                do throws(MaskError) {
                    let rle = try r.rle()
                    guard let polygons = rle.polygons() else {
                        notes.append(Diagnostic(
                            Checks.maskNotConverted, "mask kept as RLE: it has holes, which COCO polygons cannot carry without changing pixels",
                            at: a.origin.location, subject: subject(a)))
                        return a.segmentation
                    }
                    return .polygons(PolygonSet(polygons))
                } catch {
                    notes.append(Diagnostic(Checks.maskNotConverted, "RLE kept as written: \(error)", at: a.origin.location, subject: subject(a)))
                    return a.segmentation
                }
            default:
                return a.segmentation
            }
        }
    }
}


