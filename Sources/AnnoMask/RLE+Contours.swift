extension RLE {
    /// Traces each 4-connected component as one polygon along pixel edges; nil when the mask has a hole.
    ///
    /// A hole is a group of unset pixels, 8-connected to each other, that does not touch the image border.
    /// Each polygon lists only its corners (integer pixel-edge coordinates, clockwise on screen) and may touch
    /// itself at a corner where two of the component's pixels meet diagonally. Because no pixel centre lies on
    /// a pixel edge, `RLE(polygons: m.polygons()!, size: m.size)` rasterises back to exactly `m` (canonically).
    /// An empty mask gives `[]`. O(height·width).
    public func polygons() -> [[Double]]? {
        let h = size.height, w = size.width
        guard h > 0, w > 0, area > 0 else { return [] }
        let bits = decoded().bits
        let vh = h + 1
        // Outgoing boundary edges per pixel corner, one bit per direction: E = 1, S = 2, W = 4, N = 8.
        // Edges keep the set pixel on their right (on screen, y down).
        var out = [UInt8](repeating: 0, count: (w + 1) * vh)
        let delta = [vh, 1, -vh, -1]  // corner index step for E, S, W, N
        bits.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                for x in 0..<w {
                    for y in 0..<h where b[x * h + y] != 0 {
                        let v = x * vh + y
                        if y == 0 || b[x * h + y - 1] == 0 { o[v] |= 1 }                          // top, going E
                        if x == w - 1 || b[(x + 1) * h + y] == 0 { o[v + vh] |= 2 }              // right, going S
                        if y == h - 1 || b[x * h + y + 1] == 0 { o[v + vh + 1] |= 4 }            // bottom, going W
                        if x == 0 || b[(x - 1) * h + y] == 0 { o[v + 1] |= 8 }                    // left, going N
                    }
                }
            }
        }
        var result = [[Double]]()
        for start in out.indices where out[start] != 0 {
            while out[start] != 0 {
                guard let loop = RLE.traceLoop(from: start, edges: &out, delta: delta, cornerRows: vh) else {
                    return nil
                }
                result.append(loop)
            }
        }
        return result
    }

    /// Follows one closed boundary from corner `start`, removing its edges; nil if it bounds a hole.
    ///
    /// At a corner with two ways out (two pixels meeting diagonally) it turns right, hugging the set pixel it
    /// came along, so diagonal neighbours belong to different loops unless 4-connected elsewhere.
    static func traceLoop(from start: Int, edges out: inout [UInt8], delta: [Int], cornerRows vh: Int) -> [Double]? {
        var firstDirection = 0
        while out[start] & (1 << firstDirection) == 0 { firstDirection += 1 }
        var corners = [Int]()
        var current = start
        var direction = firstDirection
        var incoming = -1
        var signedArea2 = 0
        var steps = 0
        let maxSteps = out.count * 4
        repeat {
            if direction != incoming { corners.append(current) }
            out[current] &= ~(1 << direction)
            let next = current + delta[direction]
            let (x0, y0) = (current / vh, current % vh), (x1, y1) = (next / vh, next % vh)
            signedArea2 += x0 * y1 - x1 * y0
            current = next
            incoming = direction
            // Prefer a right turn, then straight on, then a left turn. The start's first edge counts as
            // available so that a loop through a two-way corner closes where it began.
            var available = out[current]
            if current == start { available |= 1 << firstDirection }
            let options = [(incoming + 1) & 3, incoming, (incoming + 3) & 3]
            guard let chosen = options.first(where: { available & (1 << $0) != 0 }) else { break }
            if current == start && chosen == firstDirection { break }
            direction = chosen
            steps += 1
        } while steps < maxSteps
        // The start is a corner only if the loop arrives there turning.
        if incoming == firstDirection, corners.count > 1 { corners.removeFirst() }
        guard signedArea2 > 0 else { return nil }
        var polygon = [Double]()
        polygon.reserveCapacity(corners.count * 2)
        for c in corners {
            polygon.append(Double(c / vh))
            polygon.append(Double(c % vh))
        }
        return polygon
    }
}
