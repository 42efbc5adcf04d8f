import AnnoCore
import AnnoZlib

/// The native `.amsk` mask archive: a whole dataset, every mask compressed and checksummed, one image's masks
/// readable in O(1) seeks. The byte layout is in `Specs/formats/amsk.md`.
public enum Archive {
    /// The 8-byte magic that starts every archive: a high-bit byte, `AMSK`, CR LF and Ctrl-Z (as PNG does).
    public static let magic: [UInt8] = [0x8B, 0x41, 0x4D, 0x53, 0x4B, 0x0D, 0x0A, 0x1A]
    /// The 8-byte magic that ends every complete archive (the last 8 bytes of the trailer).
    public static let trailerMagic: [UInt8] = [0x1A, 0x0A, 0x0D, 0x4B, 0x53, 0x4D, 0x41, 0x8B]
    /// The major version this library writes and reads; a file with a larger major is refused.
    public static let majorVersion: UInt16 = 1
    /// The newest minor version this library reads and writes (1.1 adds the multi-part `META` record; a file
    /// without one is still written as 1.0, byte for byte as before).
    public static let minorVersion: UInt16 = 1
    /// The zlib level used for every compressed payload (fixed, so output is deterministic).
    public static let zlibLevel = 6
    /// Size of the file header in bytes.
    public static let headerSize = 64
    /// Size of the trailer in bytes.
    public static let trailerSize = 48
    /// Size of a record header in bytes.
    public static let recordHeaderSize = 40
    /// The raw size at which a writer starts a new `META` part (1 MiB); cuts fall between annotations, so parts
    /// depend only on the dataset, never on the machine.
    public static let metaPartBytes = 1 << 20
    /// The largest inflated payload a reader accepts by default (1 GiB); larger declared sizes are a limit error.
    public static let defaultMaxPayloadBytes = 1 << 30

    /// Feature bits of the header. Unknown required bits make a reader refuse the file; unknown optional bits are ignored.
    public enum Feature {
        /// Required: payloads flagged as compressed are zlib streams (RFC 1950). Set in every version-1 file.
        public static let zlibPayloads: UInt32 = 1 << 0
        /// Required (version 1.1): `META` is multi-part (independently compressed parts, decoded in parallel), and
        /// each `MASK` record stores its RLE-sourced masks first, as a part of their own when it also has
        /// rasterised polygons. Set only in files whose `META` record is multi-part; they also need a 1.1 reader.
        public static let multiPartRecords: UInt32 = 1 << 1
        /// The required bits this library understands.
        public static let knownRequired: UInt32 = zlibPayloads | multiPartRecords
        /// Optional: the index carries per-mask category and area statistics. Set in every version-1 file.
        public static let maskStatistics: UInt32 = 1 << 0
    }

    /// The CRC-32 used by every checksum in the format (zlib's, as in PNG and gzip).
    public static func checksum(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 { Zlib.crc32(bytes, seed: seed) }

    /// Writes `dataset` to `path` atomically (temporary sibling, fsync, rename); deterministic for the same dataset.
    public static func write(_ dataset: Dataset, to path: String) throws {
        let writer = try Writer(path: path)
        do {
            try writer.write(dataset)
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// False only in fuzzing builds (`-DANNOKIT_FUZZING`, set by scripts/fuzz.sh), so the fuzzer reaches the
    /// decoders behind the checksums instead of stopping at every CRC (libpng's and zlib's harness practice).
    static let verifiesChecksums: Bool = {
        #if ANNOKIT_FUZZING
        return false
        #else
        return true
        #endif
    }()

    /// Encodes `dataset` as archive bytes in memory (the same bytes `write(_:to:)` puts in a file).
    public static func encode(_ dataset: Dataset) throws -> [UInt8] {
        let writer = Writer()
        try writer.write(dataset)
        try writer.finish()
        return writer.bytes
    }

    /// Reads the whole dataset (metadata and every mask) from the archive at `path`.
    public static func read(path: String, maxPayloadBytes: Int = defaultMaxPayloadBytes) throws -> Dataset {
        let reader = try Reader(path: path, maxPayloadBytes: maxPayloadBytes)
        return try reader.readDataset()
    }
}
