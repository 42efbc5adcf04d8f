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
            pos = try scanNumber(at: pos, computeValue: false).end
            count += 1
        }
        return count
    }
}
