import AnnoZlib

/// Reading one framed record from a source: header, CRCs, bounds, decompression with the declared size as the cap.
enum RecordIO {
    /// A record read and checked: its header and its inflated payload (empty when `inflate` is false).
    struct Loaded {
        var header: Archive.RecordHeader
        var offset: UInt64
        var payload: [UInt8]
        /// For a multi-part record: its parts (their raw bytes are consecutive ranges of `payload`).
        var parts: [Part]? = nil
    }

    /// A record's header and stored bytes (payload then padding), read but not yet CRC-checked.
    struct Framed {
        var header: Archive.RecordHeader
        var offset: UInt64
        var headerBytes: [UInt8]
        var body: [UInt8]
        var storedLength: Int { Int(header.storedLength) }
    }

    /// One part of a multi-part payload: where its stored bytes are and how its raw bytes are rebuilt.
    struct Part: Equatable {
        /// Method 0: stored as is; method 1: one zlib stream.
        var compressed: Bool
        /// The number of items in this part: annotations that start in it (`META`) or masks (`MASK`).
        var annotationCount: Int
        /// The part's bytes within the stored payload.
        var stored: Range<Int>
        /// The part's raw length and its position in the joined raw payload.
        var rawLength: Int
        var rawOffset: Int
    }

    /// Size of the part table's fixed head (`u32` part count) and of each entry.
    static let partTableHead = 4
    static let partEntrySize = 24

    /// Reads the record at `offset` that must end by `limit`, checks both CRCs, and inflates its payload if asked.
    static func read(
        _ source: ByteSource, at offset: UInt64, limit: UInt64, expectedOrdinal: Int?, path: String,
        maxPayloadBytes: Int, inflate: Bool = true
    ) throws(ArchiveError) -> Loaded {
        let f = try frame(source, at: offset, limit: limit, expectedOrdinal: expectedOrdinal, path: path)
        try checkCRC(f, path: path)
        guard inflate else { return Loaded(header: f.header, offset: offset, payload: []) }
        return try RecordIO.inflate(f, path: path, maxPayloadBytes: maxPayloadBytes)
    }

    /// Reads and checks a record header, then reads its stored payload and padding (no CRC check yet).
    static func frame(_ source: ByteSource, at offset: UInt64, limit: UInt64, expectedOrdinal: Int?, path: String) throws(ArchiveError) -> Framed {
        guard offset <= limit, limit - offset >= UInt64(Archive.recordHeaderSize) else {
            throw ArchiveError(.truncated, "the file ends inside a record header at byte \(offset)", path: path, offset: offset, record: expectedOrdinal)
        }
        let headerBytes = try source.read(offset, Archive.recordHeaderSize)
        let h = try Archive.RecordHeader.parse(headerBytes, at: offset, limit: limit, path: path, expectedOrdinal: expectedOrdinal)
        let body = try source.read(offset + UInt64(Archive.recordHeaderSize), Int(h.storedLength) + h.paddingLength)
        return Framed(header: h, offset: offset, headerBytes: headerBytes, body: body)
    }

    /// Checks the payload CRC (header prefix, stored payload, padding) and that the padding is zero.
    static func checkCRC(_ f: Framed, path: String) throws(ArchiveError) {
        let h = f.header, ordinal = Int(h.ordinal)
        var crc = Zlib.crc32(Array(f.headerBytes[0..<32]))
        crc = Zlib.crc32(f.body, seed: crc)
        guard crc == h.payloadCRC || !Archive.verifiesChecksums else {
            throw ArchiveError(.recordChecksum, "CRC mismatch in record \(ordinal) (\(h.knownTag?.description ?? "unknown tag")) at byte \(f.offset): stored \(hex(h.payloadCRC)), computed \(hex(crc))", path: path, offset: f.offset, record: ordinal)
        }
        for i in f.storedLength..<f.body.count where f.body[i] != 0 {
            throw ArchiveError(.malformedRecord, "record \(ordinal) has non-zero padding", path: path, offset: f.offset + UInt64(Archive.recordHeaderSize + i), record: ordinal)
        }
    }

    /// The stored payload inflated: one zlib stream, the bytes as stored, or a multi-part payload's parts joined.
    static func inflate(_ f: Framed, path: String, maxPayloadBytes: Int) throws(ArchiveError) -> Loaded {
        let h = f.header
        if h.isMultiPart {
            let parts = try partTable(f, path: path, maxPayloadBytes: maxPayloadBytes)
            var raw: [UInt8] = []
            raw.reserveCapacity(Int(h.rawLength))
            for (i, p) in parts.enumerated() { raw.append(contentsOf: try partBytes(f, p, number: i, path: path)) }
            return Loaded(header: h, offset: f.offset, payload: raw, parts: parts)
        }
        let stored = f.body[0..<f.storedLength]
        guard h.flags & Archive.RecordHeader.compressed != 0 else { return Loaded(header: h, offset: f.offset, payload: Array(stored)) }
        try checkLimit(h, at: f.offset, path: path, maxPayloadBytes: maxPayloadBytes)
        let raw = try inflateStream(stored, rawLength: Int(h.rawLength), ordinal: Int(h.ordinal), at: f.offset, payloadOffset: 0, what: "", path: path)
        return Loaded(header: h, offset: f.offset, payload: raw)
    }

    static func checkLimit(_ h: Archive.RecordHeader, at offset: UInt64, path: String, maxPayloadBytes: Int) throws(ArchiveError) {
        guard h.rawLength <= UInt64(maxPayloadBytes) else {
            throw ArchiveError(.limit, "record \(h.ordinal) declares \(h.rawLength) inflated bytes, over the limit of \(maxPayloadBytes)", path: path, offset: offset + 24, record: Int(h.ordinal))
        }
    }

    /// Inflates one zlib stream with `rawLength` as the hard output cap; the output must be exactly `rawLength` bytes.
    static func inflateStream(
        _ stored: ArraySlice<UInt8>, rawLength: Int, ordinal: Int, at offset: UInt64, payloadOffset: Int, what: String, path: String
    ) throws(ArchiveError) -> [UInt8] {
        let at = offset + UInt64(Archive.recordHeaderSize + payloadOffset)
        let inflated: Result<[UInt8], ZlibError> = stored.withUnsafeBytes { buffer in
            Result { () throws(ZlibError) -> [UInt8] in
                let inflater = try Inflater(limit: rawLength)
                let out = try inflater.process(buffer)
                try inflater.finish()
                return out
            }
        }
        let raw: [UInt8]
        do {
            raw = try inflated.get()
        } catch {
            let why: String
            switch error.kind {
            case .outputLimitExceeded: why = "inflates to more than its declared \(rawLength) bytes (a zlib bomb?); stopped at the declared size"
            case .truncatedInput: why = "has a zlib stream that ends early"
            case .trailingData(let n): why = "has \(n) bytes after its zlib stream"
            case .needDictionary: why = "has a zlib stream that needs a preset dictionary"
            default: why = "does not inflate (\(error))"
            }
            throw ArchiveError(.compression, "record \(ordinal)\(what) at byte \(at) \(why)", path: path, offset: at, record: ordinal)
        }
        guard raw.count == rawLength else {
            throw ArchiveError(.compression, "record \(ordinal)\(what) at byte \(at) inflates to \(raw.count) bytes, not the declared \(rawLength)", path: path, offset: at, record: ordinal)
        }
        return raw
    }

    /// Parses and checks a multi-part payload's part table: `u32` count P ≥ 1, then P entries of
    /// `u8 method, 3 × u8 0, u32 itemCount, u64 storedLength, u64 rawLength`, then the parts back to back.
    /// The stored lengths must add up to the rest of the payload and the raw lengths to the record's raw length.
    static func partTable(_ f: Framed, path: String, maxPayloadBytes: Int) throws(ArchiveError) -> [Part] {
        let h = f.header, ordinal = Int(h.ordinal)
        let base = f.offset + UInt64(Archive.recordHeaderSize)
        func bad(_ message: String, _ at: Int) -> ArchiveError {
            ArchiveError(.malformedRecord, "record \(ordinal) (\(h.knownTag?.description ?? "?")): \(message)", path: path, offset: base + UInt64(at), record: ordinal)
        }
        try checkLimit(h, at: f.offset, path: path, maxPayloadBytes: maxPayloadBytes)
        let b = f.body, stored = f.storedLength
        guard stored >= partTableHead else { throw bad("the part table is cut off", 0) }
        let count = Int(LittleEndian.u32(b, 0))
        guard count >= 1, count <= (stored - partTableHead) / partEntrySize else {
            throw bad("\(count) parts do not fit in \(stored) stored bytes", 0)
        }
        var parts: [Part] = []
        parts.reserveCapacity(count)
        var storedAt = partTableHead + count * partEntrySize
        var rawAt = 0
        for i in 0..<count {
            let e = partTableHead + i * partEntrySize
            let method = b[e]
            guard method <= 1, b[e + 1] == 0, b[e + 2] == 0, b[e + 3] == 0 else { throw bad("part \(i) has an unknown method or non-zero reserved bytes", e) }
            let annotations = Int(LittleEndian.u32(b, e + 4))
            let s = LittleEndian.u64(b, e + 8), r = LittleEndian.u64(b, e + 16)
            guard s <= UInt64(stored - storedAt) else { throw bad("part \(i)'s \(s) stored bytes run past the payload", e + 8) }
            guard r <= h.rawLength - UInt64(rawAt) else { throw bad("part \(i)'s \(r) raw bytes exceed the record's declared \(h.rawLength)", e + 16) }
            guard method == 1 || r == s else { throw bad("stored part \(i) declares \(r) raw bytes for \(s) stored", e + 16) }
            parts.append(Part(compressed: method == 1, annotationCount: annotations, stored: storedAt..<(storedAt + Int(s)), rawLength: Int(r), rawOffset: rawAt))
            storedAt += Int(s)
            rawAt += Int(r)
        }
        guard storedAt == stored else { throw bad("\(stored - storedAt) stored bytes after the last part", storedAt) }
        guard UInt64(rawAt) == h.rawLength else { throw bad("the parts hold \(rawAt) raw bytes; the record declares \(h.rawLength)", 0) }
        return parts
    }

    /// One part's raw bytes (inflated, or the stored bytes themselves, not copied).
    static func partBytes(_ f: Framed, _ p: Part, number: Int, path: String) throws(ArchiveError) -> ArraySlice<UInt8> {
        let slice = f.body[p.stored]
        guard p.compressed else { return slice }
        return try inflateStream(slice, rawLength: p.rawLength, ordinal: Int(f.header.ordinal), at: f.offset, payloadOffset: p.stored.lowerBound, what: " part \(number)", path: path)[...]
    }

    /// Runs a payload decoder, turning a `PayloadError` into an `ArchiveError` that names the record.
    static func decode<T>(_ loaded: Loaded, path: String, _ body: (inout ByteReader) throws(PayloadError) -> T) throws(ArchiveError) -> T {
        try decode(loaded.payload, header: loaded.header, offset: loaded.offset, rawOffset: 0, path: path, body)
    }

    /// Runs a payload decoder over `bytes`, the raw payload (or one part of it, starting at `rawOffset`) of the
    /// record at `offset`; error positions are in the whole raw payload.
    static func decode<T>(
        _ bytes: [UInt8], header: Archive.RecordHeader, offset: UInt64, rawOffset: Int, path: String,
        _ body: (inout ByteReader) throws(PayloadError) -> T
    ) throws(ArchiveError) -> T {
        let ordinal = Int(header.ordinal)
        let result: Result<T, PayloadError> = bytes.withUnsafeBytes { buf in
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
            throw ArchiveError(.malformedRecord, "record \(ordinal) (\(header.knownTag?.description ?? "?")): \(e.message) at payload byte \(rawOffset + e.position)", path: path, offset: offset, record: ordinal)
        }
    }
}
