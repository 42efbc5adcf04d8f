import AnnoCore
import AnnoJSON
import AnnoMask
import AnnoPNG
import Foundation
@testable import AnnoVOC

/// Fixture paths, temporary folders and small builders shared by the VOC tests.
enum VOCFixtures {
    /// The repository root, found from this file's path.
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `Fixtures/voc/<subpath>`.
    static func path(_ subpath: String) -> String { repository + "/Fixtures/voc/" + subpath }

    /// A fresh temporary folder (removed by the caller with `remove`).
    static func temporaryFolder(_ label: String = "voc", base: String? = nil) -> String {
        let root = base ?? NSTemporaryDirectory()
        let p = (root as NSString).appendingPathComponent("annokit-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    /// Removes a folder tree.
    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a text file, creating folders.
    static func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    /// Writes bytes, creating folders.
    static func write(_ bytes: [UInt8], to path: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// Reads a file's bytes.
    static func read(_ path: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    }

    /// Decodes a mask PNG to row-major indices (palette, gray, or RGB through the VOC colormap).
    static func indices(_ path: String) throws -> [UInt8] {
        let png = try PNG.decode(read(path), toleratedIndexBeyondPalette: 255)
        return VOC.Masks.indices(of: png, colors: VOC.Masks.colormapTable.merging([0xE0E0C0: 255]) { a, _ in a }).indices
    }

    /// Reads a VOC folder with default options.
    static func readVOC(_ path: String, origin: Int = 1, strict: Bool = false) throws -> (Dataset, Diagnostics) {
        var d = Diagnostics()
        let ds = try VOCFormat.read(at: path, options: ReadOptions(strict: strict, vocOrigin: origin), diagnostics: &d)
        return (ds, d)
    }

    /// Writes a dataset into a fresh folder and returns the folder and the loss diagnostics.
    static func writeVOC(_ dataset: Dataset, origin: Int = 1) throws -> (String, Diagnostics) {
        let out = temporaryFolder("out") + "/voc"
        var d = Diagnostics()
        try VOCFormat.write(dataset, to: out, options: WriteOptions(vocOrigin: origin), diagnostics: &d)
        return (out, d)
    }

    /// A minimal annotation XML.
    static func annotationXML(
        filename: String = "img.jpg", width: Int? = 8, height: Int? = 6, objects: [(String, String, String, String, String)] = [],
        extra: String = ""
    ) -> String {
        var s = "<annotation>\n  <filename>\(filename)</filename>\n"
        if let width, let height { s += "  <size><width>\(width)</width><height>\(height)</height><depth>3</depth></size>\n" }
        s += extra
        for o in objects {
            s += "  <object><name>\(o.0)</name><bndbox><xmin>\(o.1)</xmin><ymin>\(o.2)</ymin><xmax>\(o.3)</xmax><ymax>\(o.4)</ymax></bndbox></object>\n"
        }
        return s + "</annotation>\n"
    }

    /// Row-major index image to an RLE of the pixels equal to `value` (column-major counts).
    static func rle(rowMajor idx: [UInt8], width: Int, height: Int, value: UInt8) throws -> RLE {
        var bits = [UInt8](repeating: 0, count: idx.count)
        for i in 0..<idx.count where idx[i] == value { bits[i] = 1 }
        return RLE(encoding: try BinaryMask(size: MaskSize(height: height, width: width), rowMajor: bits))
    }

    /// The decoded column-major bits of a segmentation at `size`.
    static func bits(_ s: Segmentation, height: Int, width: Int) throws -> [UInt8] {
        guard let r = try VOC.Masks.rle(of: s, size: MaskSize(height: height, width: width)) else { return [] }
        return r.decoded().bits
    }
}

extension Diagnostics {
    /// The codes reported, in order.
    var codes: [String] { items.map(\.code) }
}
