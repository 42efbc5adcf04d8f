import AnnoCore

extension Archive {
    /// The AK050–AK059 checks the archive reader, `verify` and `salvage` report.
    public enum Checks {
        /// AK050: the file does not start with the `.amsk` magic.
        public static let badMagic = CheckDescriptor(
            code: "AK050", name: "amsk-bad-magic", defaultSeverity: .error,
            summary: "The file does not start with the .amsk magic.",
            explanation: "Every archive starts with the 8 bytes 8B 41 4D 53 4B 0D 0A 1A. A different start means the file is not an archive, or a text-mode transfer changed its line endings or stripped the high bit. Transfer the file as binary.")
        /// AK051: the archive needs a newer reader.
        public static let unsupportedVersion = CheckDescriptor(
            code: "AK051", name: "amsk-unsupported-version", defaultSeverity: .error,
            summary: "The archive needs a newer reader (major version, minReaderVersion or required features).",
            explanation: "A reader refuses a file whose major version is larger than its own, whose minReaderVersion is newer than itself, or that sets a required feature bit it does not know. Upgrade annokit.")
        /// AK052: the file header's CRC does not match.
        public static let headerChecksum = CheckDescriptor(
            code: "AK052", name: "amsk-header-crc", defaultSeverity: .error,
            summary: "The file header's CRC-32 does not match its contents.",
            explanation: "Bytes 0..<60 of the header are covered by the CRC at byte 60. A mismatch means the header was damaged; the version and feature fields cannot be trusted.")
        /// AK053: a record's CRC does not match.
        public static let recordChecksum = CheckDescriptor(
            code: "AK053", name: "amsk-record-crc", defaultSeverity: .error,
            summary: "A record's header or payload CRC-32 does not match (the record is damaged).",
            explanation: "Every record has a header CRC and a CRC over its header, payload and padding. The error names the record and its byte offset; `annokit verify` lists every damaged record and `--salvage` rebuilds the archive from the good ones.")
        /// AK054: a record is structurally invalid.
        public static let malformedRecord = CheckDescriptor(
            code: "AK054", name: "amsk-record-malformed", defaultSeverity: .error,
            summary: "A record or its payload is structurally invalid although its CRCs match.",
            explanation: "Unknown critical record tags, non-zero reserved fields or padding, and payloads that do not decode (bad varints, counts beyond the payload, unknown kinds) are reported with the record and the byte inside its payload. A writer bug or a deliberately crafted file.")
        /// AK055: an offset or length points outside the file.
        public static let outOfBounds = CheckDescriptor(
            code: "AK055", name: "amsk-out-of-bounds", defaultSeverity: .error,
            summary: "An offset or length points outside the file or its region.",
            explanation: "Record lengths, index offsets and index entries are checked against the file size before anything is read or allocated; one that points past the end, or into another structure, is reported with its byte offset.")
        /// AK056: the file ends inside a structure.
        public static let truncated = CheckDescriptor(
            code: "AK056", name: "amsk-truncated", defaultSeverity: .error,
            summary: "The file ends inside the header or a record.",
            explanation: "The file is shorter than a structure it declares. Usually an interrupted copy; if the records are intact, `annokit verify --salvage` recovers them.")
        /// AK057: a payload does not inflate to its declared size.
        public static let compression = CheckDescriptor(
            code: "AK057", name: "amsk-zlib", defaultSeverity: .error,
            summary: "A payload does not inflate, or inflates to a size other than declared (a zlib bomb), or declares a size over the limit.",
            explanation: "Payloads are inflated with their declared uncompressed length as a hard cap, so a bomb stops at that size. A declared size over the reader's limit (1 GiB by default) is rejected before inflating (exit 3).")
        /// AK058: the trailer is missing.
        public static let missingTrailer = CheckDescriptor(
            code: "AK058", name: "amsk-missing-trailer", defaultSeverity: .error,
            summary: "The archive has no valid trailer, so its index cannot be found (salvageable).",
            explanation: "A writer that was interrupted leaves its records without an index and trailer. `annokit verify --salvage FILE -o OUT` scans the records by their tags and CRCs and writes a complete archive.")
        /// AK059: the index disagrees with the records.
        public static let indexMismatch = CheckDescriptor(
            code: "AK059", name: "amsk-index-mismatch", defaultSeverity: .error,
            summary: "The footer index disagrees with the records (counts, order, offsets, keys or statistics).",
            explanation: "The index must list every MASK record once, sorted by image key, with the record's offset, ordinal, mask count and per-mask category and area. Any disagreement is reported; rebuild the index with `--salvage`.")

        /// Every archive check, in code order.
        public static let all: [CheckDescriptor] = [
            badMagic, unsupportedVersion, headerChecksum, recordChecksum, malformedRecord,
            outOfBounds, truncated, compression, missingTrailer, indexMismatch,
        ]

        /// The check an error kind is reported under (nil for I/O errors, which are not findings about the file).
        public static func descriptor(for kind: ArchiveError.Kind) -> CheckDescriptor? {
            switch kind {
            case .badMagic: return badMagic
            case .unsupportedVersion: return unsupportedVersion
            case .headerChecksum: return headerChecksum
            case .recordChecksum: return recordChecksum
            case .malformedRecord: return malformedRecord
            case .outOfBounds: return outOfBounds
            case .truncated: return truncated
            case .compression, .limit: return compression
            case .missingTrailer: return missingTrailer
            case .indexMismatch: return indexMismatch
            case .io: return nil
            }
        }
    }
}
