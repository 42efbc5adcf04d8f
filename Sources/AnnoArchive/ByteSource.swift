import AnnoCore
#if canImport(Glibc)
import Glibc
#endif

/// Random-access bytes of an archive: a file read with `pread`, or an in-memory buffer.
protocol ByteSource: AnyObject {
    /// The total number of bytes.
    var size: UInt64 { get }
    /// Reads exactly `count` bytes at `offset`; the caller has checked `offset + count <= size`.
    func read(_ offset: UInt64, _ count: Int) throws(ArchiveError) -> [UInt8]
}

/// A file opened read-only; every read is one `pread`, never past `size`.
final class FileSource: ByteSource {
    let fd: Int32
    let path: String
    let size: UInt64

    init(path: String) throws(ArchiveError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ArchiveError(.io, "cannot open \(path): \(String(cString: strerror(errno)))", path: path)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ArchiveError(.io, "\(path) is not a regular file", path: path)
        }
        self.fd = fd
        self.path = path
        self.size = UInt64(st.st_size)
    }

    deinit { close(fd) }

    func read(_ offset: UInt64, _ count: Int) throws(ArchiveError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard offset <= size, UInt64(count) <= size - offset else {
            throw ArchiveError(.outOfBounds, "read of \(count) bytes at byte \(offset) is past the end of the \(size)-byte file", path: path, offset: offset)
        }
        var done = 0
        var failure: Int32 = 0
        // Read straight into uninitialised storage (no zero fill of bytes that are about to be overwritten).
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            (done, failure) = FileIO.preadFully(fd, into: UnsafeMutableRawPointer(buf.baseAddress!), count: count, at: Int(offset))
            // Whatever was not read is zeroed, so the array is always fully initialised (the caller throws anyway).
            if done < count { (buf.baseAddress! + done).initialize(repeating: 0, count: count - done) }
            initialized = count
        }
        if failure != 0 {
            throw ArchiveError(.io, "cannot read \(path) at byte \(offset): \(String(cString: strerror(failure)))", path: path, offset: offset)
        }
        guard done == count else {
            throw ArchiveError(.truncated, "\(path) ended at byte \(offset + UInt64(done)) while reading \(count) bytes (it shrank while open?)", path: path, offset: offset + UInt64(done))
        }
        return out
    }
}

/// Archive bytes already in memory.
final class MemorySource: ByteSource {
    let bytes: [UInt8]
    let path: String
    var size: UInt64 { UInt64(bytes.count) }

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func read(_ offset: UInt64, _ count: Int) throws(ArchiveError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard offset <= size, UInt64(count) <= size - offset else {
            throw ArchiveError(.outOfBounds, "read of \(count) bytes at byte \(offset) is past the end of the \(size)-byte file", path: path, offset: offset)
        }
        return Array(bytes[Int(offset)..<(Int(offset) + count)])
    }
}
