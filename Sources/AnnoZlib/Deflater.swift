/// A streaming compressor: feed input chunks with `process`, then call `finish` once for the end of the stream.
///
/// Not thread-safe; use one instance from one task at a time.
public final class Deflater {
    private let stream: ZStream
    private var finished = false

    /// Starts a stream at `level` (0…9, or −1 for zlib's default) in `format`.
    public init(level: Int = 6, format: Zlib.Format = .zlib) throws(ZlibError) {
        stream = try ZStream(deflateLevel: level, format: format)
    }

    /// Compresses `chunk` and returns whatever output zlib has ready (possibly empty).
    public func process(_ chunk: [UInt8]) throws(ZlibError) -> [UInt8] {
        let result = chunk.withUnsafeBytes { buffer in
            Result { () throws(ZlibError) -> [UInt8] in try process(buffer) }
        }
        return try result.get()
    }

    /// Compresses the bytes in `buffer` and returns whatever output zlib has ready (possibly empty).
    public func process(_ buffer: UnsafeRawBufferPointer) throws(ZlibError) -> [UInt8] {
        if finished { throw ZlibError(.streamError, message: "process after finish") }
        var output: [UInt8] = []
        try stream.deflate(buffer, finish: false, into: &output)
        return output
    }

    /// Ends the stream and returns the remaining output, including the trailer.
    public func finish() throws(ZlibError) -> [UInt8] {
        if finished { throw ZlibError(.streamError, message: "finish called twice") }
        finished = true
        var output: [UInt8] = []
        try stream.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, into: &output)
        return output
    }
}
