#if canImport(Glibc)
import Glibc
#endif

/// Reading and atomically writing whole files with typed, located errors.
public enum FileIO {
    /// Reads a whole file into memory.
    ///
    /// - Throws: `DatasetError` with category `.inputUnavailable` when the file is missing or unreadable,
    ///   `.limit` when it is larger than `limit` bytes.
    /// - Complexity: O(file size); one `read` loop, no intermediate copies.
    public static func read(_ path: String, limit: Int = Int.max, spareCapacity: Int = 0) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unavailable(path, errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw unavailable(path, errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw DatasetError(
                code: "input", message: "\(path) is a directory, not a file",
                location: SourceLocation(file: path), category: .inputUnavailable)
        }
        let size = Int(st.st_size)
        if size > limit {
            throw DatasetError(
                code: "limit", message: "\(path) is \(size) bytes, over the limit of \(limit) bytes; raise it with --max-file-bytes",
                location: SourceLocation(file: path), category: .limit)
        }
        // Read straight into uninitialised storage (no zero fill); `spareCapacity` leaves room for a parser's
        // padding so it can adopt the buffer without copying it.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size + max(0, spareCapacity)) { buffer, count in
            guard let start = buffer.baseAddress, size > 0 else { return }
            (count, failure) = preadFully(fd, into: UnsafeMutableRawPointer(start), count: size, at: 0)
        }
        if failure != 0 { throw unavailable(path, failure) }
        return bytes
    }

    /// Reads the bytes `range` of a file (fewer when the file is shorter), with `spareCapacity` bytes of room.
    ///
    /// - Throws: `DatasetError` (`.inputUnavailable`) when the file cannot be opened or read.
    /// - Complexity: O(range.count); one positioned read loop.
    public static func read(_ path: String, range: Range<Int>, spareCapacity: Int = 0) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unavailable(path, errno) }
        defer { close(fd) }
        var failure: Int32 = 0
        let size = range.count
        let bytes = [UInt8](unsafeUninitializedCapacity: size + max(0, spareCapacity)) { buffer, count in
            guard let start = buffer.baseAddress, size > 0 else { return }
            (count, failure) = preadFully(fd, into: UnsafeMutableRawPointer(start), count: size, at: range.lowerBound)
        }
        if failure != 0 { throw unavailable(path, failure) }
        return bytes
    }

    /// Reads `count` bytes at `offset` of `fd` into `base` with `pread`, retrying on EINTR and short reads.
    /// Returns the bytes read (fewer only when the file ends first) and the failing `errno` (0 when none).
    public static func preadFully(_ fd: Int32, into base: UnsafeMutableRawPointer, count: Int, at offset: Int) -> (read: Int, errno: Int32) {
        var done = 0
        while done < count {
            let n = pread(fd, base + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { break }
            done += n
        }
        return (done, 0)
    }

    /// Reads at most the first `count` bytes of a file (for format detection).
    public static func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unavailable(path, errno) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, count) }
        guard n >= 0 else { throw unavailable(path, errno) }
        bytes.removeLast(count - n)
        return bytes
    }

    /// Reads a whole file as UTF-8 text (invalid sequences replaced).
    public static func readText(_ path: String, limit: Int = Int.max) throws -> String {
        String(decoding: try read(path, limit: limit), as: UTF8.self)
    }

    /// Writes `bytes` to `path` atomically: a temporary sibling is written, flushed to disk and renamed over
    /// `path`, so an interrupted run leaves the old file (or none) and never a half-written one.
    ///
    /// - Throws: `DatasetError` with category `.outputFailed`; the temporary file is removed on failure.
    public static func writeAtomically<C: Collection>(_ bytes: C, to path: String) throws where C.Element == UInt8 {
        let writer = try AtomicWriter(path: path)
        do {
            try writer.write(bytes)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Writes text atomically as UTF-8.
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// True when `path` exists (file or directory).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// True when `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a directory and its parents, like `mkdir -p`.
    public static func makeDirectories(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = FilePath.parent(of: path)
        if parent != path, !parent.isEmpty, !exists(parent) { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw DatasetError(
                code: "output", message: "cannot create directory \(path): \(String(cString: strerror(errno)))",
                location: SourceLocation(file: path), category: .outputFailed)
        }
    }

    /// The names in a directory (not `.`/`..`), sorted by their UTF-8 bytes for determinism.
    public static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw unavailable(path, errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    }

    static func unavailable(_ path: String, _ code: Int32) -> DatasetError {
        let reason = String(cString: strerror(code))
        let hint = code == ENOENT ? "; check the path" : ""
        return DatasetError(
            code: "input", message: "cannot read \(path): \(reason)\(hint)",
            location: SourceLocation(file: path), category: .inputUnavailable)
    }
}

/// A file being written to a temporary sibling until `commit()` renames it into place.
public final class AtomicWriter {
    /// The final path.
    public let path: String
    /// The temporary sibling being written.
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens a fresh temporary sibling of `path`.
    public init(path: String) throws {
        self.path = path
        let dir = FilePath.parent(of: path)
        let base = FilePath.lastComponent(of: path)
        let prefix = dir.isEmpty ? "" : dir + "/"
        var template = Array((prefix + ".\(base).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DatasetError(
                code: "output", message: "cannot create a file next to \(path): \(reason); check that the folder exists and is writable",
                location: SourceLocation(file: path), category: .outputFailed)
        }
        self.fd = fd
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(fd, 0o644)
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends bytes (buffered; flushed in 1 MiB chunks).
    public func write<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        var t = text
        t.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!.advanced(by: done), $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, fsyncs and renames the temporary file over `path`.
    public func commit() throws {
        try flush()
        guard fsync(fd) == 0 else { throw failure("cannot flush") }
        close(fd)
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            let e = failure("cannot rename into place")
            unlink(temporaryPath)
            finished = true
            throw e
        }
        finished = true
        let dir = FilePath.parent(of: path)
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Removes the temporary file; the final path is untouched.
    public func abandon() {
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporaryPath)
        finished = true
    }

    private func failure(_ what: String) -> DatasetError {
        DatasetError(
            code: "output", message: "\(what) \(path): \(String(cString: strerror(errno)))",
            location: SourceLocation(file: path), category: .outputFailed)
    }
}

/// Path string helpers (no Foundation).
public enum FilePath {
    /// The directory part of a path (`""` for a bare name).
    public static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }

    /// The last component of a path.
    public static func lastComponent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// Joins two path parts with one slash.
    public static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.hasPrefix("/") { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// The extension after the last dot of the last component, lowercased (`"json"`), or `""`.
    public static func fileExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
