import AnnoTestSupport
@testable import AnnoJSON
import Testing

/// Literals outside the exact fast path (more than 15 significant digits, large exponents, range extremes) convert
/// to the same double as the standard library's correctly rounded parser.
@Suite struct LongLiteralTests {
    static func literal(_ rng: inout SplitMix64) -> String {
        let digits = Int.random(in: 16...20, using: &rng)
        var s = Bool.random(using: &rng) ? "-" : ""
        s += String(Int.random(in: 1...9, using: &rng))
        for _ in 1..<digits { s += String(Int.random(in: 0...9, using: &rng)) }
        let point = Int.random(in: 1...digits, using: &rng)
        if point < digits { s.insert(".", at: s.index(s.endIndex, offsetBy: point - digits)) }
        if Bool.random(using: &rng) { s += "e" + String(Int.random(in: -330...310, using: &rng)) }
        return s
    }

    @Test func randomLongLiteralsMatchTheStandardLibrary() throws {
        var rng = SplitMix64(state: 42)
        for _ in 0..<20_000 {
            let text = Self.literal(&rng)
            let parsed = try JSONReader.parse(bytes: Array("[\(text)]".utf8))
            guard case .array(let items) = parsed, case .number(let n) = items[0] else {
                Issue.record("\(text) did not parse as a number")
                return
            }
            let expected = Double(text) ?? 0
            #expect(n.double.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test(arguments: [
        ("702.1057499999998", 702.1057499999998), ("1e400", Double.infinity), ("-1e400", -Double.infinity),
        ("1e-400", 0.0), ("2.2250738585072011e-308", 2.2250738585072011e-308),
        ("17976931348623157" + String(repeating: "0", count: 292), 1.7976931348623157e308),
    ])
    func extremes(_ text: String, _ value: Double) throws {
        let parsed = try JSONReader.parse(bytes: Array(text.utf8))
        guard case .number(let n) = parsed else {
            Issue.record("not a number")
            return
        }
        #expect(n.double == value)
        #expect(n.literal == text)
    }
}

/// A polygon mixing `.0` values with a 16-digit integer literal keeps every literal (regression: the integer was
/// rewritten as `…​.0` because its canonical form is only known by comparing texts).
@Suite struct NumberStyleRegressionTests {
    @Test func sixteenDigitIntegerNextToPointZeroValuesKeepsItsText() throws {
        let text = "[1.0, -5143788562210363, 2.5]"
        var reader = JSONReader(bytes: Array(text.utf8))
        var style = NumberStyle.canonical
        let values = try reader.readDoubleArray(style: &style)
        let written = values.indices.map { style.literal(values[$0], at: $0) }
        #expect(written == ["1.0", "-5143788562210363", "2.5"])
    }
}

/// A reader resumed for another thread shares the input but never the working buffers (scratch, line index): the
/// two halves of a split read run concurrently, and sharing them corrupted polygon values in release builds.
@Suite struct ResumedReaderTests {
    @Test func resumedReaderHasItsOwnStorageOverTheSameInput() throws {
        let text = #"{"a": [{"x": [1.5, 2]}, {"x": [3, 4.25]}, {"x": [5, 6]}]}"#
        var r = JSONReader(bytes: Array(text.utf8))
        try r.beginObject()
        _ = try r.nextKey()
        try r.beginArray()
        let comma = try #require(r.arraySplitCandidate(from: 0))
        var resumed = try #require(r.resuming(atArraySeparator: comma))
        #expect(resumed.storage !== r.storage, "working buffers are not shared across threads")
        #expect(resumed.base == r.base, "the input is shared, not copied")
        #expect(try resumed.nextElement())
        try resumed.beginObject()
        #expect(try resumed.nextKey() == "x")
        var style = NumberStyle.canonical
        #expect(try resumed.readDoubleArray(style: &style) == [3, 4.25])
        #expect(resumed.pointer == "/a/1/x", "the element after the comma is numbered 1 from the split")
    }
}
