import AnnoCore

extension Archive {
    /// The result of `Archive.verify`: every record found, and every problem with its record and offset.
    public struct VerifyReport: Sendable {
        /// The archive path.
        public var path: String
        /// The file size in bytes.
        public var fileSize: UInt64
        /// The records that passed their CRC and decode checks, in file order.
        public var records: [RecordSummary]
        /// Every problem found, in file order (empty for a sound archive).
        public var problems: [ArchiveError]

        /// True when no problem was found.
        public var isValid: Bool { problems.isEmpty }
        /// The ordinals of the records named by a problem.
        public var badRecords: [Int] { Array(Set(problems.compactMap(\.record))).sorted() }
        /// True when the problems are confined to the trailer/index, so `salvage` recovers every record.
        public var isSalvageable: Bool {
            !problems.isEmpty && records.contains { $0.tag == "META" }
                && problems.allSatisfy { $0.kind == .missingTrailer || $0.kind == .indexMismatch || $0.kind == .truncated || $0.record != 0 }
        }
    }

    /// Checks the whole archive at `path`: the header, every record's CRCs and payload, the trailer, and that
    /// the index lists exactly the records found with the right offsets, keys, counts and statistics.
    public static func verify(path: String, maxPayloadBytes: Int = defaultMaxPayloadBytes) throws -> VerifyReport {
        let source = try FileSource(path: path)
        return verify(source, path: path, maxPayloadBytes: maxPayloadBytes)
    }

    /// Checks an archive held in memory (see `verify(path:)`).
    public static func verify(bytes: [UInt8], name: String = "<memory>", maxPayloadBytes: Int = defaultMaxPayloadBytes) -> VerifyReport {
        verify(MemorySource(bytes, path: name), path: name, maxPayloadBytes: maxPayloadBytes)
    }

    static func verify(_ source: ByteSource, path: String, maxPayloadBytes: Int) -> VerifyReport {
        var scan = Archive.scan(source, path: path, maxPayloadBytes: maxPayloadBytes, keepImages: false)
        if let (dataset, kinds) = scan.metadata {
            for (i, kind) in kinds.enumerated() where kind != .none {
                let want: Mask.Source = kind == .rleList ? .rle : .compressedRLE
                if scan.stored[i] != want {
                    scan.problems.append(ArchiveError(.indexMismatch, "annotation \(i) (id \(dataset.annotations[i].id)) has no stored RLE mask in any good record", path: path))
                }
            }
        }
        if let trailer = scan.trailer {
            if let found = scan.index {
                do {
                    let index = try Index.parse(found.payload, indexOffset: found.offset, recordCount: trailer.recordCount, path: path, record: found.ordinal)
                    compare(index, trailer: trailer, scan: &scan, path: path)
                } catch {
                    scan.problems.append(error)
                }
            } else if !scan.problems.contains(where: { $0.offset.map { $0 >= trailer.indexOffset } ?? false }) {
                scan.problems.append(ArchiveError(.indexMismatch, "no INDX record at the trailer's index offset \(trailer.indexOffset)", path: path, offset: trailer.indexOffset))
            }
        }
        return VerifyReport(path: path, fileSize: source.size, records: scan.records, problems: scan.problems)
    }

    static func compare(_ index: Index, trailer: Trailer, scan: inout ScanResult, path: String) {
        let data = scan.records.filter { $0.tag != "INDX" }
        if UInt64(data.count) != trailer.recordCount {
            scan.problems.append(ArchiveError(.indexMismatch, "the trailer counts \(trailer.recordCount) records before the index; \(data.count) good ones were found", path: path, offset: trailer.fileLength - UInt64(Archive.trailerSize) + 16))
        }
        var byOffset: [UInt64: RecordSummary] = [:]
        for r in data { byOffset[r.offset] = r }
        var listed = Set<UInt64>()
        for (i, e) in index.entries.enumerated() {
            listed.insert(e.recordOffset)
            guard let r = byOffset[e.recordOffset] else {
                if !scan.problems.contains(where: { $0.record == e.recordOrdinal }) {
                    scan.problems.append(ArchiveError(.indexMismatch, "index entry \(i) (image \(e.key)) points at byte \(e.recordOffset), where no good record starts", path: path, offset: e.recordOffset, record: e.recordOrdinal))
                }
                continue
            }
            let stats = Array(index.masks[e.firstMask..<(e.firstMask + e.maskCount)])
            if r.tag != "MASK" || r.ordinal != e.recordOrdinal || r.length != e.recordLength || r.key != e.key || r.maskCount != e.maskCount || scan.stats[r.offset] != stats {
                scan.problems.append(ArchiveError(.indexMismatch, "index entry \(i) (image \(e.key)) disagrees with record \(r.ordinal) at byte \(r.offset)", path: path, offset: r.offset, record: r.ordinal))
            }
        }
        for r in data where r.tag == "MASK" && !listed.contains(r.offset) {
            scan.problems.append(ArchiveError(.indexMismatch, "record \(r.ordinal) (image \(r.key.map { "\($0)" } ?? "?")) is not in the index", path: path, offset: r.offset, record: r.ordinal))
        }
    }
}
