#if canImport(Glibc)
import Glibc
#endif

/// Where a command writes: the real standard streams, or buffers for in-process tests.
public final class Console: @unchecked Sendable {
    /// Everything written to standard output so far, when capturing.
    public private(set) var capturedOut: [UInt8] = []
    /// Everything written to standard error so far, when capturing.
    public private(set) var capturedErr: [UInt8] = []
    private let capturing: Bool
    private let lock = Mutex()

    /// True when standard error is a terminal (progress is shown only then).
    public let stderrIsTerminal: Bool

    /// A console writing to the process's standard output and error.
    public static func standard() -> Console { Console(capturing: false, stderrIsTerminal: isatty(2) == 1) }

    /// A console that captures both streams, for tests.
    public static func capture() -> Console { Console(capturing: true, stderrIsTerminal: false) }

    init(capturing: Bool, stderrIsTerminal: Bool) {
        self.capturing = capturing
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// Captured standard output as text.
    public var outText: String { String(decoding: capturedOut, as: UTF8.self) }
    /// Captured standard error as text.
    public var errText: String { String(decoding: capturedErr, as: UTF8.self) }

    /// Writes text to standard output.
    public func out(_ text: String) { emit(Array(text.utf8), fd: 1) }

    /// Writes raw bytes to standard output.
    public func outBytes(_ bytes: [UInt8]) { emit(bytes, fd: 1) }

    /// Writes text to standard error.
    public func err(_ text: String) { emit(Array(text.utf8), fd: 2) }

    private func emit(_ bytes: [UInt8], fd: Int32) {
        lock.locked {
            if capturing {
                if fd == 1 { capturedOut += bytes } else { capturedErr += bytes }
                return
            }
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!.advanced(by: done), $0.count - done) }
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                done += n
            }
        }
    }

    /// A progress line on standard error, redrawn in place; shown only when standard error is a terminal.
    public func progress(_ label: String, fraction: Double) {
        guard stderrIsTerminal else { return }
        let pct = Int((max(0, min(1, fraction)) * 100).rounded())
        err("\r\(label) \(pct)%\u{1B}[K")
    }

    /// Clears the progress line.
    public func endProgress() {
        guard stderrIsTerminal else { return }
        err("\r\u{1B}[K")
    }
}

/// A tiny pthread mutex.
final class Mutex: @unchecked Sendable {
    private var m = pthread_mutex_t()
    init() { pthread_mutex_init(&m, nil) }
    deinit { pthread_mutex_destroy(&m) }
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&m)
        defer { pthread_mutex_unlock(&m) }
        return try body()
    }
}
