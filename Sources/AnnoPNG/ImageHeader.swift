/// Reads image dimensions from the first bytes of PNG and JPEG files without decoding pixels.
public enum ImageHeader {
    /// The width and height of a PNG or JPEG file, or `nil` if `bytes` is neither or its header is malformed.
    public static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        if let size = pngSize(of: bytes) { return size }
        return jpegSize(of: bytes)
    }

    /// The width and height from a PNG's IHDR (signature, IHDR type and length checked; CRC not), or `nil`.
    public static func pngSize(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == PNG.signature,
            PNG.readUInt32(bytes, 8) == 13, Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        let width = Int(PNG.readUInt32(bytes, 16))
        let height = Int(PNG.readUInt32(bytes, 20))
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else { return nil }
        return (width, height)
    }

    /// The width and height from a JPEG's first start-of-frame marker (SOF0…SOF15 except DHT, JPG and DAC), or `nil`.
    ///
    /// Walks the marker segments from SOI, skipping fill bytes and standalone markers, and gives up at SOS or EOI,
    /// at any segment that runs past the end, and at a frame with a zero dimension (height defined later by DNL).
    public static func jpegSize(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var pos = 2
        while pos < bytes.count {
            guard bytes[pos] == 0xFF else { return nil }
            while pos < bytes.count && bytes[pos] == 0xFF { pos += 1 }
            guard pos < bytes.count else { return nil }
            let marker = bytes[pos]
            pos += 1
            switch marker {
            case 0x01, 0xD0...0xD8:
                continue  // standalone markers: TEM, RSTn, SOI
            case 0x00, 0xD9, 0xDA:
                return nil  // stuffed zero outside a scan, EOI, or SOS before any frame header
            default:
                break
            }
            guard pos + 2 <= bytes.count else { return nil }
            let length = Int(bytes[pos]) << 8 | Int(bytes[pos + 1])
            guard length >= 2, pos + length <= bytes.count else { return nil }
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard length >= 7 else { return nil }
                let height = Int(bytes[pos + 3]) << 8 | Int(bytes[pos + 4])
                let width = Int(bytes[pos + 5]) << 8 | Int(bytes[pos + 6])
                guard width > 0, height > 0 else { return nil }
                return (width, height)
            }
            pos += length
        }
        return nil
    }
}
