extension PNG {
    /// The geometry of a reduced image: the whole image, or one of the seven Adam7 passes.
    struct Adam7: Hashable, Sendable {
        /// Column of the pass's first pixel.
        var x0: Int
        /// Row of the pass's first pixel.
        var y0: Int
        /// Column step between the pass's pixels.
        var dx: Int
        /// Row step between the pass's pixels.
        var dy: Int

        /// The seven Adam7 passes in order.
        static let interlacedPasses: [Adam7] = [
            Adam7(x0: 0, y0: 0, dx: 8, dy: 8), Adam7(x0: 4, y0: 0, dx: 8, dy: 8),
            Adam7(x0: 0, y0: 4, dx: 4, dy: 8), Adam7(x0: 2, y0: 0, dx: 4, dy: 4),
            Adam7(x0: 0, y0: 2, dx: 2, dy: 4), Adam7(x0: 1, y0: 0, dx: 2, dy: 2),
            Adam7(x0: 0, y0: 1, dx: 1, dy: 2),
        ]

        /// The single "pass" of a non-interlaced image.
        static let whole = Adam7(x0: 0, y0: 0, dx: 1, dy: 1)

        /// The passes for an image with or without interlacing.
        static func passes(interlaced: Bool) -> [Adam7] { interlaced ? interlacedPasses : [whole] }

        /// The pass's width and height in pixels for a `width × height` image (zero when the pass is empty).
        func size(width: Int, height: Int) -> (width: Int, height: Int) {
            let w = width > x0 ? (width - x0 + dx - 1) / dx : 0
            let h = height > y0 ? (height - y0 + dy - 1) / dy : 0
            return (w, h)
        }
    }
}
