import AnnoZlib

extension PNG {
    /// Why a PNG could not be decoded, and the byte offset in the file where the problem was found.
    ///
    /// Offsets: chunk-level problems point at the chunk's length field; IHDR field problems at the field;
    /// problems found in the decompressed image data (short or long data, filter bytes, palette indices)
    /// at the first IDAT chunk, and zlib errors at the IDAT chunk being inflated; a missing IEND at the end of the file.
    public struct DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public enum Kind: Hashable, Sendable {
            /// The file does not start with the 8-byte PNG signature (or is shorter than it).
            case invalidSignature
            /// Fewer than the 12 bytes of a chunk's length, type and CRC remain after the last chunk.
            case truncatedChunkHeader(available: Int)
            /// A chunk's declared length is above 2^31 − 1, which PNG forbids.
            case invalidChunkLength(chunk: String, length: UInt32)
            /// A chunk's data and CRC run past the end of the file.
            case chunkPastEndOfFile(chunk: String, length: Int, available: Int)
            /// A chunk type contains bytes other than ASCII letters.
            case invalidChunkType([UInt8])
            /// The CRC stored after a chunk does not match the CRC-32 of its type and data.
            case crcMismatch(chunk: String, stored: UInt32, computed: UInt32)
            /// The first chunk is not IHDR.
            case missingHeader(found: String)
            /// A chunk that may appear once appeared again.
            case duplicateChunk(String)
            /// A chunk appeared where PNG does not allow it (e.g. PLTE after IDAT, tRNS before PLTE).
            case misplacedChunk(String)
            /// A fixed-size chunk (IHDR: 13 bytes, IEND: 0) has another length.
            case invalidChunkSize(chunk: String, length: Int)
            /// Width or height is 0 or above 2^31 − 1.
            case invalidDimensions(width: Int, height: Int)
            /// The colour type is unknown or does not allow the bit depth (e.g. 16-bit palette).
            case invalidColorFormat(bitDepth: Int, colorType: Int)
            /// A legal format AnnoPNG does not decode (16-bit RGB, gray+alpha or RGBA).
            case unsupportedColorFormat(bitDepth: Int, colorType: Int)
            /// The IHDR compression method is not 0.
            case invalidCompressionMethod(Int)
            /// The IHDR filter method is not 0.
            case invalidFilterMethod(Int)
            /// The IHDR interlace method is neither 0 nor 1.
            case invalidInterlaceMethod(Int)
            /// A `Limits` cap was exceeded; `value` is what the input asked for.
            case limitExceeded(Limit, value: Int, maximum: Int)
            /// An indexed image has no PLTE before its image data.
            case missingPalette
            /// PLTE's length is not a positive multiple of 3, or it has more entries than the bit depth can address (or 256).
            case invalidPalette(length: Int)
            /// A grayscale image carries a PLTE chunk, which PNG forbids.
            case unexpectedPalette
            /// tRNS has more entries than the palette.
            case invalidTransparency(length: Int, paletteEntries: Int)
            /// A non-IDAT chunk separates two IDAT chunks.
            case idatNotConsecutive
            /// A critical chunk (uppercase first letter) AnnoPNG does not know.
            case unknownCriticalChunk(String)
            /// A known chunk AnnoPNG refuses on purpose (APNG's acTL, fcTL, fdAT).
            case unsupportedChunk(String)
            /// IEND came before any IDAT chunk.
            case missingImageData
            /// The file ended without an IEND chunk.
            case missingEnd
            /// The IDAT zlib stream is invalid (bad header, bad block, Adler-32 mismatch, preset dictionary, bytes after its end).
            case compressedData(ZlibError)
            /// The image data decompressed to fewer bytes than the IHDR requires (truncated stream, or an IHDR larger than the data).
            case truncatedImageData(expected: Int, actual: Int)
            /// The image data decompresses to more bytes than the IHDR requires (a decompression bomb, or an IHDR smaller than the data); inflation stopped at `expected` + 1.
            case excessImageData(expected: Int)
            /// A scanline's filter byte is not 0…4; `row` counts scanlines in the decompressed stream, across Adam7 passes.
            case invalidFilterType(UInt8, row: Int)
            /// A pixel's palette index has no PLTE entry.
            case paletteIndexOutOfRange(index: UInt8, paletteEntries: Int, x: Int, y: Int)
        }

        /// What is wrong.
        public var kind: Kind
        /// The byte offset in the file where the problem was found (see the type's documentation).
        public var offset: Int

        /// Creates an error of `kind` at `offset`.
        public init(_ kind: Kind, offset: Int) {
            self.kind = kind
            self.offset = offset
        }

        /// A one-line description for people, such as `PNG: CRC mismatch in IDAT … at byte 33`.
        public var description: String {
            "PNG: \(message) at byte \(offset)"
        }

        private var message: String {
            switch kind {
            case .invalidSignature: return "not a PNG file (bad signature)"
            case .truncatedChunkHeader(let available): return "truncated chunk header (\(available) bytes left)"
            case .invalidChunkLength(let chunk, let length): return "chunk \(chunk) declares length \(length), above 2^31-1"
            case .chunkPastEndOfFile(let chunk, let length, let available):
                return "chunk \(chunk) of \(length) bytes runs past the end of the file (\(available) bytes left)"
            case .invalidChunkType(let bytes): return "invalid chunk type \(bytes)"
            case .crcMismatch(let chunk, let stored, let computed):
                return "CRC mismatch in \(chunk) (stored \(hex(stored)), computed \(hex(computed)))"
            case .missingHeader(let found): return "first chunk is \(found), not IHDR"
            case .duplicateChunk(let chunk): return "duplicate \(chunk) chunk"
            case .misplacedChunk(let chunk): return "\(chunk) chunk out of order"
            case .invalidChunkSize(let chunk, let length): return "\(chunk) chunk has invalid length \(length)"
            case .invalidDimensions(let w, let h): return "invalid dimensions \(w)x\(h)"
            case .invalidColorFormat(let depth, let type): return "invalid bit depth \(depth) for colour type \(type)"
            case .unsupportedColorFormat(let depth, let type): return "unsupported bit depth \(depth) for colour type \(type)"
            case .invalidCompressionMethod(let m): return "invalid compression method \(m)"
            case .invalidFilterMethod(let m): return "invalid filter method \(m)"
            case .invalidInterlaceMethod(let m): return "invalid interlace method \(m)"
            case .limitExceeded(let limit, let value, let maximum):
                return "\(limit.rawValue) \(value) exceeds the limit of \(maximum)"
            case .missingPalette: return "indexed image without PLTE"
            case .invalidPalette(let length): return "invalid PLTE length \(length)"
            case .unexpectedPalette: return "PLTE in a grayscale image"
            case .invalidTransparency(let length, let entries):
                return "tRNS has \(length) entries but the palette has \(entries)"
            case .idatNotConsecutive: return "IDAT chunks are not consecutive"
            case .unknownCriticalChunk(let chunk): return "unknown critical chunk \(chunk)"
            case .unsupportedChunk(let chunk): return "unsupported chunk \(chunk)"
            case .missingImageData: return "no IDAT chunk"
            case .missingEnd: return "no IEND chunk"
            case .compressedData(let error): return "bad image data stream: \(error)"
            case .truncatedImageData(let expected, let actual):
                return "image data too short (\(actual) of \(expected) bytes)"
            case .excessImageData(let expected): return "image data longer than the \(expected) bytes the header implies"
            case .invalidFilterType(let filter, let row): return "invalid filter type \(filter) on scanline \(row)"
            case .paletteIndexOutOfRange(let index, let entries, let x, let y):
                return "palette index \(index) at (\(x),\(y)) beyond the \(entries)-entry palette"
            }
        }

        private func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }
    }
}
