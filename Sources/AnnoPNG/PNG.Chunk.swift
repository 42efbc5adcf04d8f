import AnnoZlib

extension PNG {
    /// One chunk located in a file: its type, where it starts, and where its data lies.
    struct Chunk: Sendable {
        /// The four type bytes as a string, e.g. `IDAT`.
        var type: String
        /// The raw type bytes.
        var typeBytes: (UInt8, UInt8, UInt8, UInt8)
        /// The offset of the chunk's length field.
        var offset: Int
        /// The range of the chunk's data within the file.
        var data: Range<Int>

        /// Whether the chunk is critical (uppercase first letter).
        var isCritical: Bool { typeBytes.0 & 0x20 == 0 }

        /// The offset just past the chunk's CRC.
        var end: Int { data.upperBound + 4 }
    }

    /// Walks a file's chunks, checking lengths against the bytes present and every CRC.
    struct ChunkReader {
        let bytes: [UInt8]
        private(set) var position: Int

        init(bytes: [UInt8], position: Int) {
            self.bytes = bytes
            self.position = position
        }

        /// The next chunk, or `nil` when the file ends exactly at a chunk boundary.
        mutating func next() throws(DecodingError) -> Chunk? {
            let available = bytes.count - position
            if available <= 0 { return nil }
            if available < 12 {
                throw DecodingError(.truncatedChunkHeader(available: available), offset: position)
            }
            let length = readUInt32(bytes, position)
            let t = (bytes[position + 4], bytes[position + 5], bytes[position + 6], bytes[position + 7])
            guard isLetter(t.0), isLetter(t.1), isLetter(t.2), isLetter(t.3) else {
                throw DecodingError(.invalidChunkType([t.0, t.1, t.2, t.3]), offset: position)
            }
            let name = String(decoding: [t.0, t.1, t.2, t.3], as: UTF8.self)
            if length > 0x7FFF_FFFF {
                throw DecodingError(.invalidChunkLength(chunk: name, length: length), offset: position)
            }
            let dataLength = Int(length)
            // available >= 12 here, so the subtraction cannot go negative.
            if dataLength > available - 12 {
                throw DecodingError(
                    .chunkPastEndOfFile(chunk: name, length: dataLength, available: available - 12), offset: position)
            }
            let dataStart = position + 8
            let dataEnd = dataStart + dataLength
            let stored = readUInt32(bytes, dataEnd)
            let computed = bytes.withUnsafeBytes { buffer in
                Zlib.crc32(UnsafeRawBufferPointer(rebasing: buffer[(position + 4)..<dataEnd]))
            }
            if stored != computed {
                throw DecodingError(.crcMismatch(chunk: name, stored: stored, computed: computed), offset: position)
            }
            let chunk = Chunk(type: name, typeBytes: t, offset: position, data: dataStart..<dataEnd)
            position = dataEnd + 4
            return chunk
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
    }

    /// Reads a big-endian UInt32 at `offset`; the caller guarantees four bytes are there.
    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }
}

