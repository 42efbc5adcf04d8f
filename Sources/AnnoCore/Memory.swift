#if canImport(Glibc)
import Glibc
#endif

/// Process memory housekeeping.
public enum Memory {
    /// Returns the pages of freed heap memory to the system (glibc keeps freed blocks inside the heap otherwise,
    /// so a process that frees a large structure in pieces still shows it in its resident size). A no-op where
    /// the C library has no such call. O(heap size).
    public static func returnFreedPages() {
        _ = trim?(0)
    }

    /// glibc's `malloc_trim`, looked up once (its header is not part of the Glibc module).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
