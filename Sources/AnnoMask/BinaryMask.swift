/// A dense 0/1 mask stored column-major (flat index `x·height + y`), as pycocotools' Fortran-order arrays.
public struct BinaryMask: Hashable, Sendable {
    /// The mask's size.
    public private(set) var size: MaskSize
    /// One byte per pixel, 0 or 1, column-major.
    public private(set) var bits: [UInt8]

    /// Creates an all-zero mask; throws if the size is invalid or over `MaskSize.maxPixels`.
    public init(size: MaskSize) throws(MaskError) {
        let n = try size.validate()
        self.size = size
        self.bits = [UInt8](repeating: 0, count: n)
    }

    /// Creates a mask from column-major bytes; any nonzero byte counts as 1. O(height·width).
    public init(size: MaskSize, bits: [UInt8]) throws(MaskError) {
        let n = try size.validate()
        guard bits.count == n else { throw .bitmapSizeMismatch(expected: n, actual: bits.count) }
        self.size = size
        self.bits = bits
        if bits.contains(where: { $0 > 1 }) {
            self.bits = bits.map { $0 == 0 ? 0 : 1 }
        }
    }

    /// Creates a mask from row-major bytes (the order of image rows); any nonzero byte counts as 1. O(height·width).
    public init(size: MaskSize, rowMajor: [UInt8]) throws(MaskError) {
        let n = try size.validate()
        guard rowMajor.count == n else { throw .bitmapSizeMismatch(expected: n, actual: rowMajor.count) }
        let h = size.height, w = size.width
        var out = [UInt8](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { o in
            rowMajor.withUnsafeBufferPointer { r in
                for y in 0..<h {
                    for x in 0..<w where r[y * w + x] != 0 { o[x * h + y] = 1 }
                }
            }
        }
        self.size = size
        self.bits = out
    }

    /// Wraps bytes already known to be 0/1 and of the right count.
    init(uncheckedSize size: MaskSize, bits: [UInt8]) {
        self.size = size
        self.bits = bits
    }

    /// The pixel at column `x`, row `y`; traps when out of bounds, like an array subscript.
    public subscript(x x: Int, y y: Int) -> Bool {
        get {
            precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "pixel out of bounds")
            return bits[x * size.height + y] != 0
        }
        set {
            precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "pixel out of bounds")
            bits[x * size.height + y] = newValue ? 1 : 0
        }
    }

    /// Number of set pixels. O(height·width).
    public var area: Int {
        bits.withUnsafeBufferPointer { b in
            var n = 0
            for v in b { n &+= Int(v) }
            return n
        }
    }

    /// The bytes in row-major order (image order). O(height·width).
    public var rowMajorBits: [UInt8] {
        let h = size.height, w = size.width
        var out = [UInt8](repeating: 0, count: bits.count)
        out.withUnsafeMutableBufferPointer { o in
            bits.withUnsafeBufferPointer { b in
                for x in 0..<w {
                    for y in 0..<h { o[y * w + x] = b[x * h + y] }
                }
            }
        }
        return out
    }
}
