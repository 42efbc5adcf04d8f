import AnnoPNG

extension ReviewSheet {
    /// An image file found for the sheet: its bytes and MIME type.
    struct EmbeddedImage {
        var bytes: [UInt8]
        var mime: String
    }

    /// The MIME type of a PNG, JPEG, GIF or WebP file from its first bytes, or nil.
    static func mimeType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// Finds `fileName` in the first of `directories` that has it, as a PNG, JPEG, GIF or WebP file no larger
    /// than `limit`; nil when none has a usable file. Returns why not in `problem`.
    static func locate(_ fileName: String, in directories: [String], limit: Int, problem: inout String?) -> EmbeddedImage? {
        var tried: [String] = []
        for dir in directories {
            let path = FilePath.join(dir, fileName)
            tried.append(path)
            guard FileIO.exists(path), !FileIO.isDirectory(path) else { continue }
            let bytes: [UInt8]
            do { bytes = try FileIO.read(path, limit: limit) } catch {
                problem = "\(path) cannot be embedded: \(error)"
                return nil
            }
            guard let mime = mimeType(of: bytes) else {
                problem = "\(path) is not a PNG, JPEG, GIF or WebP file"
                return nil
            }
            return EmbeddedImage(bytes: bytes, mime: mime)
        }
        problem = "not found (looked for \(tried.joined(separator: ", ")))"
        return nil
    }

    /// A mask drawn as a palette PNG cropped to the mask's tight box: transparent outside, the colour at
    /// partial opacity inside, and opaque along the mask's edge. Nil for an empty mask.
    static func overlay(_ rle: RLE, color: PNG.RGB) -> (png: [UInt8], x: Int, y: Int, width: Int, height: Int)? {
        let b = rle.boundingBox
        let x0 = Int(b.x), y0 = Int(b.y), w = Int(b.width), h = Int(b.height)
        guard w > 0, h > 0 else { return nil }
        let bits = rle.decoded().bits
        let H = rle.size.height, W = rle.size.width
        func isSet(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && y >= 0 && x < W && y < H && bits[x * H + y] != 0
        }
        var indices = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w where isSet(x0 + x, y0 + y) {
                let ax = x0 + x, ay = y0 + y
                let edge = !isSet(ax - 1, ay) || !isSet(ax + 1, ay) || !isSet(ax, ay - 1) || !isSet(ax, ay + 1)
                indices[y * w + x] = edge ? 2 : 1
            }
        }
        let palette = [PNG.RGB(0, 0, 0), color, color]
        guard let png = try? PNG.encodeIndexed(width: w, height: h, indices: indices, palette: palette, transparency: [0, 100, 255]) else {
            return nil
        }
        return (png, x0, y0, w, h)
    }

    /// The colour of a category: the Pascal VOC colormap entry for its position + 1 (wrapping past 255);
    /// light grey for an unknown category.
    static func color(forCategoryIndex index: Int?) -> PNG.RGB {
        guard let index else { return PNG.RGB(200, 200, 200) }
        return PNG.vocColor(index: UInt8(index % 255 + 1))
    }
}
