/// Why a mask operation refused its input.
public enum MaskError: Error, Hashable, Sendable {
    /// The run lengths add up to `actual` pixels, but the mask has `expected`.
    case countsSumMismatch(expected: Int, actual: Int)
    /// The run at `index` is negative (in a counts list, or after delta decoding of a compressed string).
    case negativeCount(index: Int)
    /// The run at `index` does not fit in 32 bits (pycocotools stores runs as `uint`).
    case countOverflow(index: Int)
    /// There are more runs than a mask of this size can have (`height × width + 1`).
    case tooManyRuns(count: Int, limit: Int)
    /// A compressed counts string holds a byte outside ASCII 48...111 at byte `offset`.
    case illegalCharacter(offset: Int, character: UInt8)
    /// A compressed counts string ends in the middle of a value (its last character has the continuation bit).
    case truncatedString
    /// A polygon has an odd number of coordinates.
    case oddCoordinateCount(Int)
    /// A polygon has fewer than 3 points (the payload is its point count).
    case tooFewPoints(Int)
    /// A polygon coordinate at flat `index` is NaN or infinite.
    case nonFiniteCoordinate(index: Int)
    /// `height × width` does not fit in an `Int`.
    case sizeOverflow
    /// The mask has more pixels than the limit allows.
    case sizeLimitExceeded(pixels: Int, limit: Int)
    /// The height or the width is negative.
    case invalidSize
    /// Two masks that must have the same size do not.
    case sizeMismatch
    /// The crowd flags do not match the ground truths one to one.
    case crowdCountMismatch(groundTruths: Int, flags: Int)
    /// A union or intersection was asked of no masks at all.
    case emptyInput
    /// A bitmap has a different number of pixels than its size says.
    case bitmapSizeMismatch(expected: Int, actual: Int)
}

extension MaskError: CustomStringConvertible {
    /// A one-line human explanation.
    public var description: String {
        switch self {
        case let .countsSumMismatch(expected, actual):
            return "RLE counts add up to \(actual) pixels, but the mask has \(expected) (height × width)"
        case let .negativeCount(index):
            return "RLE run \(index) is negative"
        case let .countOverflow(index):
            return "RLE run \(index) does not fit in 32 bits"
        case let .tooManyRuns(count, limit):
            return "RLE has \(count) runs, more than the \(limit) a mask of this size can have"
        case let .illegalCharacter(offset, character):
            return "compressed RLE string has byte \(character) at offset \(offset); only ASCII 48...111 ('0'...'o') are allowed"
        case .truncatedString:
            return "compressed RLE string ends in the middle of a value"
        case let .oddCoordinateCount(n):
            return "polygon has an odd number of coordinates (\(n))"
        case let .tooFewPoints(n):
            return "polygon has \(n) point\(n == 1 ? "" : "s"); at least 3 are needed"
        case let .nonFiniteCoordinate(index):
            return "polygon coordinate \(index) is NaN or infinite"
        case .sizeOverflow:
            return "mask height × width overflows"
        case let .sizeLimitExceeded(pixels, limit):
            return "mask has \(pixels) pixels, over the limit of \(limit)"
        case .invalidSize:
            return "mask height and width must not be negative"
        case .sizeMismatch:
            return "masks have different sizes"
        case let .crowdCountMismatch(groundTruths, flags):
            return "\(flags) crowd flags given for \(groundTruths) ground truths"
        case .emptyInput:
            return "no masks to combine"
        case let .bitmapSizeMismatch(expected, actual):
            return "bitmap has \(actual) pixels, but its size says \(expected)"
        }
    }
}
