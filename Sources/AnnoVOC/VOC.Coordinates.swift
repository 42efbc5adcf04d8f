import AnnoCore
import AnnoJSON

extension VOC {
    /// The mapping between VOC's inclusive pixel-index boxes and the IR's pixel-edge `[x, y, width, height]` boxes.
    ///
    /// Origin 1 (VOC's convention, Specs/formats/voc.md): x = xmin − 1, y = ymin − 1, w = xmax − xmin + 1,
    /// h = ymax − ymin + 1; written back as xmin = round(x) + 1, ymin = round(y) + 1, xmax = round(x + w),
    /// ymax = round(y + h). Origin 0: x = xmin, w = xmax − xmin; written as xmin = round(x), xmax = round(x + w).
    public enum Coordinates {
        /// VOC `bndbox` values.
        public struct VOCBox: Hashable, Sendable {
            /// Left pixel index.
            public var xmin: Double
            /// Top pixel index.
            public var ymin: Double
            /// Right pixel index (inclusive with origin 1).
            public var xmax: Double
            /// Bottom pixel index (inclusive with origin 1).
            public var ymax: Double

            /// Creates a VOC box.
            public init(xmin: Double, ymin: Double, xmax: Double, ymax: Double) {
                self.xmin = xmin
                self.ymin = ymin
                self.xmax = xmax
                self.ymax = ymax
            }
        }

        /// The IR box for VOC coordinates read with `origin` (1 or 0).
        public static func box(from v: VOCBox, origin: Int) -> Box {
            if origin == 0 {
                return Box(x: v.xmin, y: v.ymin, width: v.xmax - v.xmin, height: v.ymax - v.ymin)
            }
            return Box(x: v.xmin - 1, y: v.ymin - 1, width: v.xmax - v.xmin + 1, height: v.ymax - v.ymin + 1)
        }

        /// The integer VOC coordinates for an IR box written with `origin` (1 or 0), rounding half away from zero.
        public static func vocBox(from box: Box, origin: Int) -> VOCBox {
            let x = box.x.double, y = box.y.double, w = box.width.double, h = box.height.double
            let shift: Double = origin == 0 ? 0 : 1
            return VOCBox(
                xmin: x.rounded() + shift, ymin: y.rounded() + shift,
                xmax: (x + w).rounded(), ymax: (y + h).rounded())
        }

        /// True when writing `box` needs rounding (some edge is not a whole number).
        public static func needsRounding(_ box: Box) -> Bool {
            let x = box.x.double, y = box.y.double
            let edges = [x, y, x + box.width.double, y + box.height.double]
            return edges.contains { $0 != $0.rounded() }
        }
    }
}
