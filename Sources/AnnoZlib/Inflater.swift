/// A streaming, bounded decompressor: feed compressed chunks with `process`, then call `finish` to confirm the stream ended.
///
/// Output is produced in 64 KiB steps and counted; once the total would pass `limit`, `process` throws
/// `outputLimitExceeded` without buffering the excess, so memory stays bounded by `limit` whatever the input claims.
/// Not thread-safe; use one instance from one task at a time.
public final class Inflater {
    private let stream: ZStream
    /// The most output bytes this stream may produce in total.
    public let limit: Int
    /// How many output bytes have been produced so far.
    public private(set) var totalOut: Int = 0
    /// Whether the end of the compressed stream has been reached.
    public private(set) var isFinished = false

    /// Starts decompressing a stream in `format` that may produce at most `limit` bytes.
    public init(limit: Int, format: Zlib.Format = .zlib) throws(ZlibError) {
        self.limit = max(0, limit)
        stream = try ZStream(inflateFormat: format)
    }

    /// Decompresses `chunk` and returns the output it produced (possibly empty).
    public func process(_ chunk: [UInt8]) throws(ZlibError) -> [UInt8] {
        let result = chunk.withUnsafeBytes { buffer in
            Result { () throws(ZlibError) -> [UInt8] in try process(buffer) }
        }
        return try result.get()
    }

    /// Decompresses the bytes in `buffer` and returns the output they produced (possibly empty).
    public func process(_ buffer: UnsafeRawBufferPointer) throws(ZlibError) -> [UInt8] {
        if isFinished {
            if buffer.isEmpty { return [] }
            throw ZlibError.trailingData(count: buffer.count)
        }
        var output: [UInt8] = []
        isFinished = try stream.inflate(buffer, limit: limit, totalOut: &totalOut, into: &output)
        return output
    }

    /// Confirms that the stream ended, throwing `truncatedInput` if zlib never reached `Z_STREAM_END`.
    public func finish() throws(ZlibError) {
        if !isFinished { throw ZlibError.truncatedInput }
    }
}
