import AnnoCore

#if canImport(Glibc)
import Glibc
#endif

/// The `.amsk` archive as a `DatasetFormat`: detection by magic, lossless read and atomic deterministic write.
public enum ArchiveFormat: DatasetFormat {
    /// `amsk`.
    public static let identifier = "amsk"
    /// One line for help text.
    public static let summary = "AnnoKit mask archive (.amsk): the whole dataset, zlib-compressed masks, per-record CRCs, indexed by image"
    /// AK050–AK059.
    public static var checks: [CheckDescriptor] { Archive.Checks.all }

    /// `.high` when the file starts with the archive magic, `.medium` for a `.amsk` name, `.none` otherwise.
    public static func detect(at path: String) -> DetectionConfidence {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            var b = [UInt8](repeating: 0, count: 8)
            let n = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, 0) }
            if n == 8 && b == Archive.magic { return .high }
        }
        return FilePath.fileExtension(of: path) == "amsk" && !FileIO.isDirectory(path) ? .medium : .none
    }

    /// Reads the whole dataset; the file size is checked against `options.maxFileBytes` first.
    public static func read(at path: String, options: ReadOptions, diagnostics: inout Diagnostics) throws -> Dataset {
        let reader = try Archive.Reader(path: path)
        if reader.source.size > UInt64(max(options.maxFileBytes, 0)) {
            throw ArchiveError(.limit, "\(path) is \(reader.source.size) bytes, over the limit of \(options.maxFileBytes) bytes; raise it with --max-file-bytes", path: path)
        }
        return try reader.readDataset()
    }

    /// Writes the dataset atomically. Nothing is lost, so nothing is reported; `options` do not apply
    /// (masks are always kept in their original encoding).
    public static func write(_ dataset: Dataset, to path: String, options: WriteOptions, diagnostics: inout Diagnostics) throws {
        try Archive.write(dataset, to: path)
    }
}
