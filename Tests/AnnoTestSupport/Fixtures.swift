import Foundation

/// Locates files under the repository's top-level `Fixtures/` folder from the test sources, never from the
/// working directory.
public enum FixturePaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The absolute path of `Fixtures/<relative>`.
    public static func path(_ relative: String) -> String { root + "/Fixtures/" + relative }

    /// The bytes of `Fixtures/<relative>`.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// The names of the files directly in `Fixtures/<folder>` with the given extension, sorted.
    public static func names(in folder: String, withExtension ext: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return items.filter { $0.hasSuffix("." + ext) }.sorted()
    }

    /// A fresh temporary directory for one test.
    public static func temporaryDirectory(_ label: String = "annokit") -> String {
        let dir = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
