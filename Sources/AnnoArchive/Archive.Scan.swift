import AnnoCore

extension Archive {
    /// One record found by a sequential scan.
    public struct RecordSummary: Hashable, Sendable {
        /// The ordinal written in the record's header.
        public var ordinal: Int
        /// The record's tag as text (`META`, `MASK`, `INDX`, or the four raw characters).
        public var tag: String
        /// Byte offset of the record.
        public var offset: UInt64
        /// Total length (header, payload, padding).
        public var length: UInt64
        /// The inflated payload length.
        public var rawLength: UInt64
        /// For `MASK` records: the image key.
        public var key: ID?
        /// For `MASK` records: the number of masks.
        public var maskCount: Int?
    }

    /// What a sequential scan found: the good records, the problems, and the decoded contents.
    struct ScanResult {
        var header: Header?
        var trailer: Trailer?
        var problems: [ArchiveError] = []
        var records: [RecordSummary] = []
        var metadata: (Dataset, [SegmentationKind])?
        var images: [ImageMasks] = []
        var index: (offset: UInt64, payload: [UInt8], ordinal: Int)?
        /// Per `MASK` record offset: the statistics its masks imply (compared with the index by `verify`).
        var stats: [UInt64: [Index.MaskStat]] = [:]
        /// Annotation index to the source of its stored mask, over all good `MASK` records.
        var stored: [Int: Mask.Source] = [:]
    }

    /// Scans records from byte 64 by their headers (not the index), checking every CRC and decoding every
    /// payload. A record with a bad header is skipped by searching the following 8-byte boundaries for the
    /// next valid record header (known tag and matching header CRC).
    static func scan(_ source: ByteSource, path: String, maxPayloadBytes: Int, keepImages: Bool) -> ScanResult {
        var result = ScanResult()
        let size = source.size
        do {
            let head = try source.read(0, Int(min(size, UInt64(Archive.headerSize))))
            result.header = try Header.parse(head, path: path)
        } catch {
            result.problems.append(error)
            if error.kind == .badMagic || error.kind == .unsupportedVersion || error.kind == .truncated { return result }
        }
        var end = size - size % 8
        if size >= UInt64(Archive.headerSize + Archive.trailerSize) && size % 8 == 0 {
            do {
                let t = try Trailer.parse(try source.read(size - UInt64(Archive.trailerSize), Archive.trailerSize), fileSize: size, path: path)
                result.trailer = t
                end = size - UInt64(Archive.trailerSize)
            } catch {
                result.problems.append(error)
            }
        } else {
            result.problems.append(ArchiveError(.missingTrailer, "the file is \(size) bytes and ends without a trailer (truncated or interrupted); salvage it with `annokit verify --salvage`", path: path, offset: size))
        }
        var offset = UInt64(Archive.headerSize)
        var expected = 0
        var annotationCount = Int(UInt32.max)
        while offset < end {
            let loaded: RecordIO.Loaded
            do {
                loaded = try RecordIO.read(source, at: offset, limit: end, expectedOrdinal: nil, path: path, maxPayloadBytes: maxPayloadBytes)
            } catch {
                var e = error
                if e.record == nil { e.record = expected }
                result.problems.append(e)
                if let h = try? source.read(offset, Archive.recordHeaderSize),
                   let header = try? RecordHeader.parse(h, at: offset, limit: end, path: path, expectedOrdinal: nil) {
                    offset += header.totalLength
                    expected = Int(header.ordinal) + 1
                } else {
                    offset = resync(source, after: offset, end: end, path: path)
                    expected += 1
                }
                continue
            }
            let h = loaded.header
            let ordinal = Int(h.ordinal)
            if ordinal != expected {
                result.problems.append(ArchiveError(.indexMismatch, "expected record \(expected) at byte \(offset), found record \(ordinal) (records lost or reordered)", path: path, offset: offset, record: ordinal))
            }
            expected = ordinal + 1
            var summary = RecordSummary(ordinal: ordinal, tag: tagText(h.tag), offset: offset, length: h.totalLength, rawLength: h.rawLength)
            do {
                switch h.knownTag {
                case .meta:
                    if ordinal != 0 || offset != UInt64(Archive.headerSize) || result.metadata != nil {
                        throw ArchiveError(.malformedRecord, "a META record may only be record 0 at byte 64", path: path, offset: offset, record: ordinal)
                    }
                    if h.isMultiPart && result.header?.hasMultiPartRecords != true {
                        throw ArchiveError(.malformedRecord, "record 0 is multi-part but the file header lacks the multi-part feature bit", path: path, offset: offset, record: ordinal)
                    }
                    let m = try RecordIO.decodeMeta(loaded, path: path)
                    annotationCount = m.0.annotations.count
                    result.metadata = m
                case .mask:
                    if h.isMultiPart && result.header?.hasMultiPartRecords != true {
                        throw ArchiveError(.malformedRecord, "record \(ordinal) is multi-part but the file header lacks the multi-part feature bit", path: path, offset: offset, record: ordinal)
                    }
                    let (image, _) = try RecordIO.decodeMasks(
                        loaded, annotationCount: annotationCount, keepPolygonCounts: true,
                        grouped: result.header?.hasMultiPartRecords ?? false, path: path)
                    summary.key = image.key
                    summary.maskCount = image.masks.count
                    if keepImages { result.images.append(image) }
                    result.stats[offset] = image.masks.map { Index.MaskStat(annotationIndex: $0.annotationIndex, categoryOrdinal: $0.categoryOrdinal, area: $0.area) }
                    for m in image.masks { result.stored[m.annotationIndex] = m.source }
                case .index:
                    result.index = (offset, loaded.payload, ordinal)
                    if let t = result.trailer, t.indexOffset != offset {
                        throw ArchiveError(.indexMismatch, "an INDX record at byte \(offset) is not where the trailer says (\(t.indexOffset))", path: path, offset: offset, record: ordinal)
                    }
                case nil:
                    if h.flags & RecordHeader.ancillary == 0 {
                        throw ArchiveError(.malformedRecord, "record \(ordinal) has the unknown critical tag \(tagText(h.tag))", path: path, offset: offset, record: ordinal)
                    }
                }
                result.records.append(summary)
            } catch let e as ArchiveError {
                result.problems.append(e)
            } catch {
                result.problems.append(ArchiveError(.malformedRecord, "\(error)", path: path, offset: offset, record: ordinal))
            }
            offset += h.totalLength
        }
        if result.metadata == nil && !result.problems.contains(where: { $0.record == 0 }) {
            result.problems.append(ArchiveError(.malformedRecord, "no META record (record 0) was found", path: path, offset: UInt64(Archive.headerSize), record: 0))
        }
        return result
    }

    /// The next 8-byte boundary after `offset` where a record header with a known tag and a matching CRC starts, or `end`.
    static func resync(_ source: ByteSource, after offset: UInt64, end: UInt64, path: String) -> UInt64 {
        var at = offset + 8
        while at + UInt64(Archive.recordHeaderSize) <= end {
            if let h = try? source.read(at, Archive.recordHeaderSize), RecordTag(rawValue: LittleEndian.u32(h, 0)) != nil,
               (try? RecordHeader.parse(h, at: at, limit: end, path: path, expectedOrdinal: nil)) != nil {
                return at
            }
            at += 8
        }
        return end
    }

    static func tagText(_ tag: UInt32) -> String {
        let b = (0..<4).map { UInt8(truncatingIfNeeded: tag >> UInt32(8 * $0)) }
        return b.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? String(decoding: b, as: UTF8.self) : hex(tag)
    }
}
