import AnnoZlib

/// Reading one framed record from a source: header, CRCs, bounds, decompression with the declared size as the cap.
enum RecordIO {
    /// A record read and checked: its header and its inflated payload (empty when `inflate` is false).
    struct Loaded {
        var header: Archive.RecordHeader
        var offset: UInt64
        var payload: [UInt8]
    }

    /// Reads the record at `offset` that must end by `limit`, checks both CRCs, and inflates its payload if asked.
    static func read(
        _ source: ByteSource, at offset: UInt64, limit: UInt64, expectedOrdinal: Int?, path: String,
        maxPayloadBytes: Int, inflate: Bool = true
    ) throws(ArchiveError) -> Loaded {
        guard offset <= limit, limit - offset >= UInt64(Archive.recordHeaderSize) else {
            throw ArchiveError(.truncated, "the file ends inside a record header at byte \(offset)", path: path, offset: offset, record: expectedOrdinal)
        }
        let headerBytes = try source.read(offset, Archive.recordHeaderSize)
        let h = try Archive.RecordHeader.parse(headerBytes, at: offset, limit: limit, path: path, expectedOrdinal: expectedOrdinal)
        let ordinal = Int(h.ordinal)
        let body = try source.read(offset + UInt64(Archive.recordHeaderSize), Int(h.storedLength) + h.paddingLength)
        var crc = Zlib.crc32(Array(headerBytes[0..<32]))
        crc = Zlib.crc32(body, seed: crc)
        guard crc == h.payloadCRC else {
            throw ArchiveError(.recordChecksum, "CRC mismatch in record \(ordinal) (\(h.knownTag?.description ?? "unknown tag")) at byte \(offset): stored \(hex(h.payloadCRC)), computed \(hex(crc))", path: path, offset: offset, record: ordinal)
        }
        for i in Int(h.storedLength)..<body.count where body[i] != 0 {
            throw ArchiveError(.malformedRecord, "record \(ordinal) has non-zero padding", path: path, offset: offset + UInt64(Archive.recordHeaderSize + i), record: ordinal)
        }
        guard inflate else { return Loaded(header: h, offset: offset, payload: []) }
        let stored = Array(body[0..<Int(h.storedLength)])
        guard h.flags & Archive.RecordHeader.compressed != 0 else { return Loaded(header: h, offset: offset, payload: stored) }
        guard h.rawLength <= UInt64(maxPayloadBytes) else {
            throw ArchiveError(.limit, "record \(ordinal) declares \(h.rawLength) inflated bytes, over the limit of \(maxPayloadBytes)", path: path, offset: offset + 24, record: ordinal)
        }
        let raw: [UInt8]
        do {
            raw = try Zlib.inflate(stored, limit: Int(h.rawLength))
        } catch {
            let why: String
            switch error.kind {
            case .outputLimitExceeded: why = "inflates to more than its declared \(h.rawLength) bytes (a zlib bomb?); stopped at the declared size"
            case .truncatedInput: why = "has a zlib stream that ends early"
            case .trailingData(let n): why = "has \(n) bytes after its zlib stream"
            case .needDictionary: why = "has a zlib stream that needs a preset dictionary"
            default: why = "does not inflate (\(error))"
            }
            throw ArchiveError(.compression, "record \(ordinal) at byte \(offset) \(why)", path: path, offset: offset + UInt64(Archive.recordHeaderSize), record: ordinal)
        }
        guard raw.count == Int(h.rawLength) else {
            throw ArchiveError(.compression, "record \(ordinal) at byte \(offset) inflates to \(raw.count) bytes, not the declared \(h.rawLength)", path: path, offset: offset + 24, record: ordinal)
        }
        return Loaded(header: h, offset: offset, payload: raw)
    }

    /// Runs a payload decoder, turning a `PayloadError` into an `ArchiveError` that names the record.
    static func decode<T>(_ loaded: Loaded, path: String, _ body: (inout ByteReader) throws(PayloadError) -> T) throws(ArchiveError) -> T {
        let ordinal = Int(loaded.header.ordinal)
        let result: Result<T, PayloadError> = loaded.payload.withUnsafeBytes { buf in
            var r = ByteReader(buf)
            do throws(PayloadError) {
                return .success(try body(&r))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let v): return v
        case .failure(let e):
            throw ArchiveError(.malformedRecord, "record \(ordinal) (\(loaded.header.knownTag?.description ?? "?")): \(e.message) at payload byte \(e.position)", path: path, offset: loaded.offset, record: ordinal)
        }
    }
}
