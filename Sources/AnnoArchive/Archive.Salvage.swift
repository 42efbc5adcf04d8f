import AnnoCore
import AnnoMask

extension Archive {
    /// The result of `Archive.salvage`: what was recovered and what was lost.
    public struct SalvageReport: Sendable {
        /// The damaged archive.
        public var source: String
        /// The rebuilt archive.
        public var output: String
        /// The good records found by the scan.
        public var recoveredRecords: Int
        /// Images whose `MASK` record was recovered.
        public var recoveredImages: Int
        /// The problems the scan found (damaged records, the missing trailer, ...).
        public var problems: [ArchiveError]
        /// Annotations whose RLE mask was in a lost record; they are written without a segmentation.
        public var lostAnnotations: [Int]
    }

    /// Rebuilds an archive whose trailer or index is missing (an interrupted writer) or that has damaged
    /// records: scans the records by tag and CRC, restores the dataset from `META` and the good `MASK`
    /// records, and writes a complete archive to `output` atomically. Annotations whose RLE mask is lost
    /// keep all their metadata and lose only the segmentation; they are listed in the report.
    ///
    /// - Throws: `ArchiveError` when the dataset block (record 0) cannot be recovered.
    public static func salvage(path: String, to output: String, maxPayloadBytes: Int = defaultMaxPayloadBytes) throws -> SalvageReport {
        let source = try FileSource(path: path)
        let scan = Archive.scan(source, path: path, maxPayloadBytes: maxPayloadBytes, keepImages: true)
        guard let (recovered, kinds) = scan.metadata else {
            throw scan.problems.first(where: { $0.record == 0 || $0.kind == .badMagic || $0.kind == .unsupportedVersion })
                ?? ArchiveError(.malformedRecord, "the dataset block (record 0) is missing; nothing can be salvaged", path: path, offset: 64, record: 0)
        }
        var dataset = recovered
        var pending = kinds
        for image in scan.images {
            for m in image.masks where m.annotationIndex < pending.count {
                let kind = pending[m.annotationIndex]
                if kind == .rleList && m.source == .rle {
                    dataset.annotations[m.annotationIndex].segmentation = .rle(RLEData(height: m.height, width: m.width, counts: .uncompressed(m.counts)))
                } else if kind == .rleCompressedCanonical && m.source == .compressedRLE, let rle = try? m.rle() {
                    dataset.annotations[m.annotationIndex].segmentation = .rle(RLEData(height: m.height, width: m.width, counts: .compressed(rle.compressedCounts)))
                } else {
                    continue
                }
                pending[m.annotationIndex] = .none
            }
        }
        var lost: [Int] = []
        for (i, kind) in pending.enumerated() where kind != .none {
            dataset.annotations[i].segmentation = .none
            lost.append(i)
        }
        try Archive.write(dataset, to: output)
        return SalvageReport(
            source: path, output: output, recoveredRecords: scan.records.count, recoveredImages: scan.images.count,
            problems: scan.problems, lostAnnotations: lost)
    }
}
