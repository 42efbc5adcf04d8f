import Testing
@testable import AnnoMask

/// Bad input gets a typed error naming exactly what is wrong (where pycocotools crashes or lies).
@Suite struct ErrorTests {
    let s10 = MaskSize(height: 10, width: 10)

    @Test func countsNotSummingToPixels() {
        #expect(throws: MaskError.countsSumMismatch(expected: 100, actual: 1000)) { try RLE(size: s10, counts: [0, 1000]) }
        #expect(throws: MaskError.countsSumMismatch(expected: 100, actual: 10)) { try RLE(size: s10, counts: [0, 10]) }
        #expect(throws: MaskError.countsSumMismatch(expected: 100, actual: 10)) { try RLE(size: s10, counts: [UInt32(0), 10]) }
        #expect(throws: MaskError.countsSumMismatch(expected: 100, actual: 0)) { try RLE(compressedCounts: "", size: s10) }
        #expect(throws: MaskError.countsSumMismatch(expected: 16, actual: 17)) { try RLE(compressedCounts: "a0", size: MaskSize(height: 4, width: 4)) }
    }

    @Test func negativeAndOversizedCounts() {
        #expect(throws: MaskError.negativeCount(index: 1)) { try RLE(size: s10, counts: [50, -1, 51]) }
        #expect(throws: MaskError.countOverflow(index: 0)) { try RLE(size: s10, counts: [1 << 33]) }
        // Delta decoding: run 3 = run 1 + (−20) with run 1 = 1 goes negative.
        #expect(throws: MaskError.negativeCount(index: 3)) { try RLE(compressedCounts: "31:\\O", size: MaskSize(height: 8, width: 8)) }
        // A value of 8 groups (40 bits) does not fit.
        #expect(throws: MaskError.countOverflow(index: 0)) { try RLE(compressedCounts: "oooooooo0", size: s10) }
    }

    @Test func tooManyRuns() {
        #expect(throws: MaskError.tooManyRuns(count: 6, limit: 5)) {
            try RLE(size: MaskSize(height: 2, width: 2), counts: [0, 1, 1, 1, 1, 0])
        }
        #expect(throws: MaskError.tooManyRuns(count: 6, limit: 5)) {
            try RLE(compressedCounts: "011110", size: MaskSize(height: 2, width: 2))
        }
    }

    @Test func illegalCharacters() {
        #expect(throws: MaskError.illegalCharacter(offset: 2, character: UInt8(ascii: "p"))) {
            try RLE(compressedCounts: "00p", size: s10)
        }
        #expect(throws: MaskError.illegalCharacter(offset: 0, character: UInt8(ascii: "/"))) {
            try RLE(compressedCounts: "/", size: s10)
        }
        #expect(throws: MaskError.illegalCharacter(offset: 1, character: 0xC3)) {
            try RLE(compressedCounts: "0é", size: s10)
        }
        #expect(throws: MaskError.illegalCharacter(offset: 1, character: 0)) {
            try RLE(compressedCounts: "0\u{0}", size: s10)
        }
    }

    @Test func truncatedStrings() {
        // 'P' = 48 + 0x20: the continuation bit is set on the last character.
        #expect(throws: MaskError.truncatedString) { try RLE(compressedCounts: "P", size: s10) }
        #expect(throws: MaskError.truncatedString) { try RLE(compressedCounts: "0Pb`", size: s10) }
    }

    @Test func badPolygons() {
        #expect(throws: MaskError.oddCoordinateCount(7)) { try RLE(polygon: [0, 0, 5, 0, 5, 5, 1], size: s10) }
        #expect(throws: MaskError.tooFewPoints(2)) { try RLE(polygon: [0, 0, 5, 5], size: s10) }
        #expect(throws: MaskError.tooFewPoints(1)) { try RLE(polygon: [0, 0], size: s10) }
        #expect(throws: MaskError.tooFewPoints(0)) { try RLE(polygon: [], size: s10) }
        #expect(throws: MaskError.nonFiniteCoordinate(index: 3)) { try RLE(polygon: [0, 0, 5, .nan, 5, 5], size: s10) }
        #expect(throws: MaskError.nonFiniteCoordinate(index: 4)) { try RLE(polygon: [0, 0, 5, 0, .infinity, 5], size: s10) }
        #expect(throws: MaskError.nonFiniteCoordinate(index: 0)) { try RLE(polygons: [[0, 0, 5, 0, 5, 5], [-.infinity, 0, 1, 1, 2, 2]], size: s10) }
    }

    @Test func hugeCoordinatesAreBoundedNotCrashes() throws {
        // pycocotools segfaults here; the rule "pixel centre inside" still holds and the work is bounded.
        let rle = try RLE(polygon: [-1e9, -1e9, 1e9, -1e9, 1e9, 1e9, -1e9, 1e9], size: s10)
        #expect(rle.area == 100)
        let far = try RLE(polygon: [1e300, 0, -1e300, 5, 0, -1e308], size: s10)
        #expect(far.size == s10)
    }

    @Test func literalCountsPickTheIntInitialiser() throws {
        #expect(try RLE(size: MaskSize(height: 0, width: 3), counts: []).counts == [])
        #expect(try RLE(size: MaskSize(height: 2, width: 2), counts: [1, 3]).area == 3)
    }

    @Test func badSizes() {
        #expect(throws: MaskError.invalidSize) { try RLE(size: MaskSize(height: -1, width: 5), counts: [Int]()) }
        #expect(throws: MaskError.invalidSize) { try MaskSize(height: 3, width: -5).validate() }
        #expect(throws: MaskError.sizeOverflow) { try MaskSize(height: Int.max, width: 2).validate() }
        #expect(throws: MaskError.sizeOverflow) { try RLE(compressedCounts: "0", size: MaskSize(height: 1 << 40, width: 1 << 40)) }
        #expect(throws: MaskError.sizeLimitExceeded(pixels: 3_600_000_000, limit: MaskSize.maxPixels)) {
            try RLE(size: MaskSize(height: 60000, width: 60000), counts: [3_600_000_000])
        }
        #expect(throws: MaskError.sizeLimitExceeded(pixels: 100, limit: 99)) { try s10.validate(limit: 99) }
        #expect(throws: MaskError.bitmapSizeMismatch(expected: 100, actual: 3)) { try BinaryMask(size: s10, bits: [0, 1, 1]) }
        // Zero-sized masks are valid and never divide by zero (pycocotools' toBbox dies with SIGFPE).
        let empty = RLE(box: BoundingBox(x: 0, y: 0, width: 3, height: 3), size: MaskSize(height: 0, width: 5))
        #expect(empty.counts == [0] && empty.boundingBox == .zero && empty.area == 0)
        #expect(RLE(box: BoundingBox(x: 0, y: 0, width: 3, height: 3), size: MaskSize(height: -4, width: 5)).size == MaskSize(height: 0, width: 0))
    }

    @Test func setAlgebraAndIoUSizeChecks() throws {
        let a = try RLE(empty: s10), b = try RLE(empty: MaskSize(height: 10, width: 11))
        #expect(throws: MaskError.sizeMismatch) { try RLE.union([a, b]) }
        #expect(throws: MaskError.sizeMismatch) { try RLE.intersection([a, b]) }
        #expect(throws: MaskError.sizeMismatch) { try RLE.iou(a, b, crowd: false) }
        #expect(throws: MaskError.sizeMismatch) { try RLE.iou(detections: [a], groundTruths: [b], crowd: [false]) }
        #expect(throws: MaskError.crowdCountMismatch(groundTruths: 1, flags: 0)) { try RLE.iou(detections: [a], groundTruths: [a], crowd: []) }
        #expect(throws: MaskError.crowdCountMismatch(groundTruths: 0, flags: 1)) {
            try BoundingBox.iou(detections: [], groundTruths: [], crowd: [true])
        }
        #expect(throws: MaskError.emptyInput) { try RLE.union([]) }
        #expect(throws: MaskError.emptyInput) { try RLE.intersection([]) }
    }

    @Test func errorsDescribeThemselves() {
        let all: [MaskError] = [
            .countsSumMismatch(expected: 1, actual: 2), .negativeCount(index: 0), .countOverflow(index: 0),
            .tooManyRuns(count: 3, limit: 2), .illegalCharacter(offset: 0, character: 0), .truncatedString,
            .oddCoordinateCount(7), .tooFewPoints(2), .nonFiniteCoordinate(index: 1), .sizeOverflow,
            .sizeLimitExceeded(pixels: 2, limit: 1), .invalidSize, .sizeMismatch,
            .crowdCountMismatch(groundTruths: 1, flags: 2), .emptyInput, .bitmapSizeMismatch(expected: 1, actual: 2),
        ]
        for e in all { #expect(!e.description.isEmpty) }
        #expect(Set(all.map(\.description)).count == all.count)
    }
}
