extension PNG {
    /// How the encoder filters each scanline before compression; every choice is deterministic.
    public enum RowFilter: Hashable, Sendable {
        /// Filter type 0 on every row (the PNG specification's advice for palette images).
        case none
        /// Filter type 1 (difference from the pixel to the left) on every row.
        case sub
        /// Filter type 2 (difference from the pixel above) on every row.
        case up
        /// Filter type 3 (difference from the mean of left and above) on every row.
        case average
        /// Filter type 4 (Paeth predictor) on every row.
        case paeth
        /// Per row, the type with the smallest sum of absolute signed differences; ties go to the lower type.
        case adaptive

        /// The filter type byte for the fixed strategies.
        var fixedType: UInt8? {
            switch self {
            case .none: return 0
            case .sub: return 1
            case .up: return 2
            case .average: return 3
            case .paeth: return 4
            case .adaptive: return nil
            }
        }
    }

    /// The Paeth predictor of the PNG specification.
    @inline(__always)
    static func paethPredictor(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a))
        let pb = abs(p - Int(b))
        let pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        if pb <= pc { return b }
        return c
    }

    /// Reverses the filter of the scanline whose filter byte is at `line` in place; `previous` is the prior scanline's first data byte, or `nil` for a pass's first row.
    ///
    /// Returns `false` for an unknown filter type. The caller guarantees `line + 1 + rowBytes ≤ data.count`.
    static func unfilterRow(
        _ data: inout [UInt8], line: Int, previous: Int?, rowBytes: Int, stride bpp: Int
    ) -> Bool {
        let cur = line + 1
        switch data[line] {
        case 0:
            return true
        case 1:
            var i = bpp
            while i < rowBytes {
                data[cur + i] &+= data[cur + i - bpp]
                i += 1
            }
            return true
        case 2:
            guard let prev = previous else { return true }
            for i in 0..<rowBytes { data[cur + i] &+= data[prev + i] }
            return true
        case 3:
            for i in 0..<rowBytes {
                let a = i >= bpp ? Int(data[cur + i - bpp]) : 0
                let b = previous.map { Int(data[$0 + i]) } ?? 0
                data[cur + i] &+= UInt8((a + b) >> 1)
            }
            return true
        case 4:
            if let prev = previous {
                for i in 0..<rowBytes {
                    let a = i >= bpp ? data[cur + i - bpp] : 0
                    let c = i >= bpp ? data[prev + i - bpp] : 0
                    data[cur + i] &+= paethPredictor(a, data[prev + i], c)
                }
            } else {
                // With no prior row, b = c = 0 and Paeth reduces to Sub.
                var i = bpp
                while i < rowBytes {
                    data[cur + i] &+= data[cur + i - bpp]
                    i += 1
                }
            }
            return true
        default:
            return false
        }
    }

    /// Filters one raw scanline with `type`, appending the filter byte and the filtered bytes to `out`.
    static func appendFiltered(
        _ type: UInt8, row: ArraySlice<UInt8>, previous: ArraySlice<UInt8>?, stride bpp: Int, to out: inout [UInt8]
    ) {
        out.append(type)
        let r = row.startIndex
        let p = previous?.startIndex
        let n = row.count
        for i in 0..<n {
            let x = row[r + i]
            let a: UInt8 = i >= bpp ? row[r + i - bpp] : 0
            let b: UInt8 = p.flatMap { previous?[$0 + i] } ?? 0
            let c: UInt8 = i >= bpp ? (p.flatMap { previous?[$0 + i - bpp] } ?? 0) : 0
            switch type {
            case 1: out.append(x &- a)
            case 2: out.append(x &- b)
            case 3: out.append(x &- UInt8((Int(a) + Int(b)) >> 1))
            case 4: out.append(x &- paethPredictor(a, b, c))
            default: out.append(x)
            }
        }
    }
}
