extension PNG {
    /// The Pascal VOC colour for a class or instance index: bit-interleaved, 0 → (0,0,0), 1 → (128,0,0), 255 → (224,224,192).
    ///
    /// For index i and j = 0…7: R |= bit 0 of i << (7 − j), G |= bit 1 << (7 − j), B |= bit 2 << (7 − j), then i >>= 3.
    public static func vocColor(index: UInt8) -> RGB {
        var i = index
        var r: UInt8 = 0
        var g: UInt8 = 0
        var b: UInt8 = 0
        for j in 0..<8 {
            let shift = UInt8(7 - j)
            r |= (i & 1) << shift
            g |= ((i >> 1) & 1) << shift
            b |= ((i >> 2) & 1) << shift
            i >>= 3
        }
        return RGB(r, g, b)
    }

    /// The full 256-entry Pascal VOC colormap, indexed by class or instance index.
    public static let vocColormap: [RGB] = (0...255).map { vocColor(index: UInt8($0)) }
}
