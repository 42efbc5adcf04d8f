import AnnoCore

/// A stopping error while reading, verifying or writing a `.amsk` archive, naming the record and byte offset.
public struct ArchiveError: AnnoError, Hashable {
    /// What kind of problem it is; each kind maps to one AK05x check code.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The file does not start with the `.amsk` magic (or was mangled by a text-mode transfer).
        case badMagic
        /// The file needs a newer reader: a future major version, a newer `minReaderVersion`, or an unknown required feature.
        case unsupportedVersion
        /// The file header's CRC does not match.
        case headerChecksum
        /// A record's header or payload CRC does not match.
        case recordChecksum
        /// A record or payload is structurally wrong (unknown critical tag, bad field, undecodable payload).
        case malformedRecord
        /// An offset or length points outside the file or into another structure.
        case outOfBounds
        /// The file ends inside a structure.
        case truncated
        /// A payload does not inflate, or inflates to a size other than declared (including zlib bombs).
        case compression
        /// The trailer is missing or damaged: the index cannot be found (salvageable with `salvage`).
        case missingTrailer
        /// The index disagrees with the records (counts, order, keys, checksums).
        case indexMismatch
        /// A declared size exceeds a safety limit.
        case limit
        /// The file cannot be opened or read, or the output cannot be written.
        case io
    }

    /// The kind of problem.
    public var kind: Kind
    /// What went wrong, with the numbers that show it.
    public var message: String
    /// The archive path.
    public var path: String
    /// The byte offset in the file where the problem is, when known.
    public var offset: UInt64?
    /// The 0-based record ordinal, when the problem is in a record.
    public var record: Int?
    /// True for I/O errors on the output side (exit 74) rather than the input side (exit 66).
    public var isOutput: Bool

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, path: String, offset: UInt64? = nil, record: Int? = nil, isOutput: Bool = false) {
        self.kind = kind
        self.message = message
        self.path = path
        self.offset = offset
        self.record = record
        self.isOutput = isOutput
    }

    /// The AK05x check code of this kind (`input`/`output` for I/O errors).
    public var code: String { Archive.Checks.descriptor(for: kind)?.code ?? (isOutput ? "output" : "input") }

    /// The file, with the record and byte offset as the pointer (`record 3 @ byte 4096`).
    public var location: SourceLocation? {
        var parts: [String] = []
        if let record { parts.append("record \(record)") }
        if let offset { parts.append("byte \(offset)") }
        return SourceLocation(file: path, pointer: parts.isEmpty ? nil : parts.joined(separator: " @ "))
    }

    /// `.limit` for size limits, `.inputUnavailable`/`.outputFailed` for I/O, `.malformedInput` otherwise.
    public var category: ErrorCategory {
        switch kind {
        case .limit: return .limit
        case .io: return isOutput ? .outputFailed : .inputUnavailable
        default: return .malformedInput
        }
    }

    /// `file (record N @ byte X): error: message [AK05x]`.
    public var description: String {
        let at = location.map { "\($0): " } ?? ""
        return "\(at)error: \(message) [\(code)]"
    }
}
