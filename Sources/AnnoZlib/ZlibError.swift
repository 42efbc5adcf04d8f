/// A failed compression or decompression, mirroring zlib's status codes plus the checks AnnoZlib adds on top.
///
/// Equality compares `kind` and `message`; use `kind` alone when the zlib message text does not matter.
public struct ZlibError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The input is not a valid stream (bad header, bad block, bad checksum). The corresponding zlib status is `Z_DATA_ERROR` (−3).
        case dataError
        /// No progress was possible with the buffers given. The corresponding zlib status is `Z_BUF_ERROR` (−5).
        case bufferError
        /// The stream state or a parameter (such as the compression level) was invalid. The corresponding zlib status is `Z_STREAM_ERROR` (−2).
        case streamError
        /// zlib could not allocate its state. The corresponding zlib status is `Z_MEM_ERROR` (−4).
        case memoryError
        /// The linked zlib is incompatible with the headers AnnoZlib was built against. The corresponding zlib status is `Z_VERSION_ERROR` (−6).
        case versionError
        /// The stream needs a preset dictionary, which AnnoZlib never supplies. The corresponding zlib status is `Z_NEED_DICT` (2).
        case needDictionary
        /// The input ended before the end of the compressed stream; zlib never returned `Z_STREAM_END` (1).
        case truncatedInput
        /// Bytes follow the end of the compressed stream (`Z_STREAM_END` was returned with `avail_in` > 0); `count` is how many were seen.
        case trailingData(count: Int)
        /// Decompression would produce more than `limit` bytes; no zlib status, AnnoZlib stops before buffering more.
        case outputLimitExceeded(limit: Int)
        /// zlib returned a status AnnoZlib does not know.
        case unknownStatus(Int32)

        /// The zlib status constant this kind mirrors, or `nil` for the checks AnnoZlib adds itself.
        public var zlibStatus: Int32? {
            switch self {
            case .dataError: return -3
            case .bufferError: return -5
            case .streamError: return -2
            case .memoryError: return -4
            case .versionError: return -6
            case .needDictionary: return 2
            case .unknownStatus(let status): return status
            case .truncatedInput, .trailingData, .outputLimitExceeded: return nil
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// `z_stream.msg`, when zlib set one.
    public var message: String?

    /// Creates an error of the given kind with an optional zlib message.
    public init(_ kind: Kind, message: String? = nil) {
        self.kind = kind
        self.message = message
    }

    /// The input is not a valid stream, with no zlib message (`Z_DATA_ERROR`).
    public static let dataError = ZlibError(.dataError)
    /// The input ended before `Z_STREAM_END`.
    public static let truncatedInput = ZlibError(.truncatedInput)

    /// Decompression would exceed `limit` bytes of output.
    public static func outputLimitExceeded(limit: Int) -> ZlibError {
        ZlibError(.outputLimitExceeded(limit: limit))
    }

    /// Bytes follow the end of the compressed stream.
    public static func trailingData(count: Int) -> ZlibError {
        ZlibError(.trailingData(count: count))
    }

    /// A one-line description for people, such as `zlib: data error (Z_DATA_ERROR): incorrect header check`.
    public var description: String {
        let base: String
        switch kind {
        case .dataError: base = "data error (Z_DATA_ERROR)"
        case .bufferError: base = "buffer error (Z_BUF_ERROR)"
        case .streamError: base = "stream error (Z_STREAM_ERROR)"
        case .memoryError: base = "out of memory (Z_MEM_ERROR)"
        case .versionError: base = "incompatible zlib version (Z_VERSION_ERROR)"
        case .needDictionary: base = "stream needs a preset dictionary (Z_NEED_DICT)"
        case .truncatedInput: base = "compressed stream is truncated"
        case .trailingData(let count): base = "\(count) byte(s) after the end of the compressed stream"
        case .outputLimitExceeded(let limit): base = "decompressed output exceeds the limit of \(limit) bytes"
        case .unknownStatus(let status): base = "unexpected zlib status \(status)"
        }
        if let message { return "zlib: \(base): \(message)" }
        return "zlib: \(base)"
    }
}
