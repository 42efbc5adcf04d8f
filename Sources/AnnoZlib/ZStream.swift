internal import CZlib

/// The one place that talks to zlib: owns a `z_stream` at a stable address and turns status codes into `ZlibError`.
final class ZStream {
    private enum Mode { case inflate, deflate }

    /// Output is produced through this many bytes at a time.
    static let chunkSize = 64 * 1024

    private let mode: Mode
    /// zlib keeps a back pointer to the `z_stream`, so it must never move: it lives in its own allocation.
    private let stream: UnsafeMutablePointer<z_stream>
    private let chunk: UnsafeMutablePointer<UInt8>
    private var ended = false

    /// Starts a deflate stream.
    init(deflateLevel level: Int, format: Zlib.Format) throws(ZlibError) {
        mode = .deflate
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        chunk = .allocate(capacity: Self.chunkSize)
        let clampedLevel = Int32(clamping: level)
        let status = deflateInit2_(
            stream, clampedLevel, Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK {
            ended = true
            throw Self.error(status, stream)
        }
    }

    /// Starts an inflate stream.
    init(inflateFormat format: Zlib.Format) throws(ZlibError) {
        mode = .inflate
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        chunk = .allocate(capacity: Self.chunkSize)
        let status = inflateInit2_(stream, format.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK {
            ended = true
            throw Self.error(status, stream)
        }
    }

    deinit {
        if !ended {
            switch mode {
            case .inflate: _ = inflateEnd(stream)
            case .deflate: _ = deflateEnd(stream)
            }
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
        chunk.deallocate()
    }

    /// Compresses `input`, appending all output zlib produces to `output`; with `finish`, ends the stream.
    func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, into output: inout [UInt8]) throws(ZlibError) {
        var remaining = input
        repeat {
            let take = min(remaining.count, Int(UInt32.max))
            let slice = UnsafeRawBufferPointer(rebasing: remaining.prefix(take))
            remaining = UnsafeRawBufferPointer(rebasing: remaining.dropFirst(take))
            let isLast = remaining.isEmpty
            stream.pointee.next_in = slice.baseAddress.map {
                UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = UInt32(take)
            let flush = finish && isLast ? Z_FINISH : Z_NO_FLUSH
            while true {
                stream.pointee.next_out = chunk
                stream.pointee.avail_out = UInt32(Self.chunkSize)
                let status = CZlib.deflate(stream, flush)
                let produced = Self.chunkSize - Int(stream.pointee.avail_out)
                output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
                if status == Z_STREAM_END { break }
                if status != Z_OK && status != Z_BUF_ERROR { throw Self.error(status, stream) }
                // With Z_NO_FLUSH zlib is done once it has consumed all input and left output space unused.
                if flush == Z_NO_FLUSH && stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { break }
                if status == Z_BUF_ERROR && produced == 0 { throw Self.error(status, stream) }
            }
        } while !remaining.isEmpty
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
    }

    /// Decompresses `input`, appending output to `output` while keeping `totalOut` ≤ `limit`; returns whether the stream ended.
    func inflate(
        _ input: UnsafeRawBufferPointer, limit: Int, totalOut: inout Int, into output: inout [UInt8]
    ) throws(ZlibError) -> Bool {
        defer {
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        var remaining = input
        while !remaining.isEmpty {
            let take = min(remaining.count, Int(UInt32.max))
            let slice = UnsafeRawBufferPointer(rebasing: remaining.prefix(take))
            remaining = UnsafeRawBufferPointer(rebasing: remaining.dropFirst(take))
            stream.pointee.next_in = slice.baseAddress.map {
                UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = UInt32(take)
            while true {
                // Never offer more than one byte past the limit: that byte is how an overrun is detected.
                let allowance = limit - totalOut
                let capacity = allowance >= Self.chunkSize ? Self.chunkSize : allowance + 1
                stream.pointee.next_out = chunk
                stream.pointee.avail_out = UInt32(capacity)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                let produced = capacity - Int(stream.pointee.avail_out)
                if produced > allowance { throw ZlibError.outputLimitExceeded(limit: limit) }
                output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
                totalOut += produced
                switch status {
                case Z_STREAM_END:
                    let trailing = Int(stream.pointee.avail_in) + remaining.count
                    if trailing > 0 { throw ZlibError.trailingData(count: trailing) }
                    return true
                case Z_OK:
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { break }
                    continue
                case Z_BUF_ERROR:
                    // No progress: either all input is used (wait for more) or there is no output room (impossible here).
                    if stream.pointee.avail_in == 0 { break }
                    throw Self.error(status, stream)
                default:
                    throw Self.error(status, stream)
                }
                break
            }
        }
        return false
    }

    /// zlib's CRC-32 of `buffer` continuing from `seed`.
    static func crc32(_ seed: UInt32, _ buffer: UnsafeRawBufferPointer) -> UInt32 {
        var crc = UInt(seed)
        var remaining = buffer
        while let base = remaining.baseAddress, !remaining.isEmpty {
            let take = min(remaining.count, Int(UInt32.max))
            crc = CZlib.crc32(crc, base.assumingMemoryBound(to: Bytef.self), UInt32(take))
            remaining = UnsafeRawBufferPointer(rebasing: remaining.dropFirst(take))
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// zlib's Adler-32 of `buffer` continuing from `seed`.
    static func adler32(_ seed: UInt32, _ buffer: UnsafeRawBufferPointer) -> UInt32 {
        var adler = UInt(seed)
        var remaining = buffer
        while let base = remaining.baseAddress, !remaining.isEmpty {
            let take = min(remaining.count, Int(UInt32.max))
            adler = CZlib.adler32(adler, base.assumingMemoryBound(to: Bytef.self), UInt32(take))
            remaining = UnsafeRawBufferPointer(rebasing: remaining.dropFirst(take))
        }
        return UInt32(truncatingIfNeeded: adler)
    }

    /// Maps a zlib status and the stream's `msg` to a typed error.
    private static func error(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> ZlibError {
        let message = stream.pointee.msg.map { String(cString: $0) }
        switch status {
        case Z_DATA_ERROR: return ZlibError(.dataError, message: message)
        case Z_BUF_ERROR: return ZlibError(.bufferError, message: message)
        case Z_STREAM_ERROR: return ZlibError(.streamError, message: message)
        case Z_MEM_ERROR: return ZlibError(.memoryError, message: message)
        case Z_VERSION_ERROR: return ZlibError(.versionError, message: message)
        case Z_NEED_DICT: return ZlibError(.needDictionary, message: message)
        default: return ZlibError(.unknownStatus(status), message: message)
        }
    }
}
