extension JSONReader {
    /// Validates an array of numbers against the JSON grammar and returns how many it holds, without converting
    /// or keeping them (for summaries that only need shapes). Errors with `typeMismatch` at the first element that
    /// is not a number, leaving the reader before it, exactly as ``readDoubleArray(style:)`` does. O(bytes).
    public mutating func countNumberArray() throws(JSONError) -> Int {
        try beginArray()
        var count = 0
        while try advanceInArray() {
            let c = skipWhitespace()
            guard c == UInt8(ascii: "-") || c &- 0x30 < 10 else { throw mismatch(c, expected: .number) }
            // Fast path for the common `-?[1-9][0-9]*(\.[0-9]+)?` and `-?0(\.[0-9]+)?` shapes followed by a
            // delimiter; anything else (exponents, malformed text) goes through the full scanner.
            var p = pos
            if base[p] == UInt8(ascii: "-") { p += 1 }
            var fast = false
            let first = base[p]
            if first &- 0x30 < 10 {
                p += 1
                if first != UInt8(ascii: "0") { while base[p] &- 0x30 < 10 { p += 1 } }
                if base[p] == UInt8(ascii: ".") {
                    let fraction = p + 1
                    p = fraction
                    while base[p] &- 0x30 < 10 { p += 1 }
                    fast = p > fraction
                } else {
                    fast = true
                }
                let d = base[p]
                fast = fast && (d == UInt8(ascii: ",") || d == UInt8(ascii: "]") || d == 0x20 || d == 0x0A || d == 0x0D || d == 0x09)
            }
            pos = fast ? p : try scanNumber(at: pos, computeValue: false).end
            count += 1
        }
        return count
    }
}
