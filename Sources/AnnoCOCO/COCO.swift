import AnnoCore

/// The COCO JSON format: namespace for its reader, writer and the checks they emit.
public enum COCO {
    /// The checks the COCO reader and writer emit (AK001–AK029).
    public enum Checks {
        /// The file is not valid JSON (thrown; listed for docs and SARIF).
        public static let invalidJSON = CheckDescriptor(
            code: "AK001", name: "invalid-json", defaultSeverity: .error,
            summary: "The file is not valid JSON.",
            explanation: "The reader stops at the first byte that breaks the JSON grammar (RFC 8259): trailing commas, unterminated strings, invalid UTF-8, nesting deeper than the limit. The message gives line:column and the JSON Pointer of the enclosing value. Fix the file at that place; a truncated download is the usual cause.")
        /// An object repeats a key.
        public static let duplicateKey = CheckDescriptor(
            code: "AK002", name: "duplicate-key", defaultSeverity: .warning,
            summary: "A JSON object repeats a key.",
            explanation: "JSON parsers disagree on duplicate keys: Python keeps the last, Foundation the first. AnnoKit keeps the last for known keys, like pycocotools, and reports every repetition so the file can be fixed.")
        /// A known key holds a value of the wrong type.
        public static let wrongType = CheckDescriptor(
            code: "AK003", name: "wrong-type", defaultSeverity: .error,
            summary: "A COCO field holds a value of the wrong type or shape.",
            explanation: "For example a `bbox` that is not four numbers, a `width` that is a string, or `segmentation` that is neither a list of polygons nor an RLE object. An annotation with such a field is skipped; on other objects the value is kept verbatim as an extension so nothing is lost. `--strict` makes it fatal.")
        /// A required key is missing.
        public static let missingField = CheckDescriptor(
            code: "AK004", name: "missing-field", defaultSeverity: .error,
            summary: "A required COCO field is missing.",
            explanation: "Images, categories and licences need an `id`; annotations need `image_id` (and `id` outside results lists); categories need a `name`. The object is skipped and reported.")
        /// An RLE segmentation cannot be decoded.
        public static let invalidRLE = CheckDescriptor(
            code: "AK005", name: "invalid-rle", defaultSeverity: .error,
            summary: "An RLE segmentation is malformed.",
            explanation: "The counts must sum to height × width, be non-negative, and a compressed counts string may only use the characters 48–111 (`0` to `o`) without ending mid-number. pycocotools reads such masks out of bounds or crashes; AnnoKit skips the annotation and reports it.")
        /// A polygon cannot be rasterised.
        public static let invalidPolygon = CheckDescriptor(
            code: "AK006", name: "invalid-polygon-data", defaultSeverity: .error,
            summary: "A polygon has an odd number of values, fewer than three points, or non-finite values.",
            explanation: "A COCO polygon is a flat list `[x1, y1, x2, y2, ...]` of at least three points. pycocotools mistakes a two-point polygon for a box and raises a TypeError. The annotation is skipped and reported.")
        /// An id is neither an integer nor a string.
        public static let invalidID = CheckDescriptor(
            code: "AK007", name: "invalid-id", defaultSeverity: .error,
            summary: "An id is not an integer or a string.",
            explanation: "COCO ids are integers; some tools write strings, which AnnoKit keeps. Fractions, huge numbers, booleans and nulls cannot be ids. The object is skipped.")
        /// A number is outside the range AnnoKit accepts for its field.
        public static let numberOutOfRange = CheckDescriptor(
            code: "AK008", name: "number-out-of-range", defaultSeverity: .error,
            summary: "A number is out of range for its field.",
            explanation: "Image sizes must be whole numbers from 1 to 1,000,000 with width × height within the pixel limit; `iscrowd` must be 0 or 1. The value is kept verbatim as an extension and the typed field left empty.")
        /// A mask could not be re-encoded as requested by --masks.
        public static let maskNotConverted = CheckDescriptor(
            code: "AK009", name: "mask-not-converted", defaultSeverity: .warning,
            summary: "A mask was left in its original encoding because the requested one cannot hold it.",
            explanation: "`--masks polygon` traces masks along pixel edges; a mask with holes cannot be written as COCO polygons without changing its pixels, so it stays RLE. Polygons without a known image size cannot become RLE. Each case is reported.")
        /// The top level is neither an object nor an array.
        public static let unsupportedShape = CheckDescriptor(
            code: "AK010", name: "unsupported-shape", defaultSeverity: .error,
            summary: "The JSON is not a COCO file.",
            explanation: "A COCO file is an object with `images`/`annotations`/`categories`, a results list (an array of annotations), or a Segment Anything per-image object with `image` and `annotations`.")

        /// All COCO checks, sorted by code.
        public static let all: [CheckDescriptor] = [
            invalidJSON, duplicateKey, wrongType, missingField, invalidRLE, invalidPolygon, invalidID,
            numberOutOfRange, maskNotConverted, unsupportedShape,
        ]
    }

    /// The largest image side the reader accepts.
    public static let maxImageSide = 1_000_000
    /// The largest pixel count (width × height) the reader accepts for images and masks.
    public static let maxPixels = 1 << 31
}

import AnnoJSON

extension COCO {
    /// Turns a JSON syntax error into a located AK001 error; depth and size limits map to exit code 3.
    static func error(from e: JSONError, file: String) -> DatasetError {
        let category: ErrorCategory
        switch e.kind {
        case .depthLimitExceeded, .stringTooLong, .numberTooLong: category = .limit
        case .invalidState: category = .internal
        default: category = .malformedInput
        }
        let hint: String
        switch e.kind {
        case .unexpectedEnd: hint = "; the file looks truncated"
        case .trailingComma: hint = "; remove the comma"
        case .depthLimitExceeded: hint = "; COCO files never nest this deep"
        default: hint = ""
        }
        return DatasetError(
            code: Checks.invalidJSON.code, message: "not valid JSON: \(e.message)\(hint)",
            location: SourceLocation(file: file, pointer: e.pointer.isEmpty ? nil : e.pointer, line: e.line, column: e.column),
            category: category)
    }
}
