extension XML {
    /// A document AnnoXML refused to read or an element it could not write, with where it happened.
    ///
    /// Equality compares every field. ``isLimit`` separates safety-limit rejections (CLI exit code 3) from
    /// malformed or unsupported input (exit code 65).
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong.
        public enum Kind: Hashable, Sendable {
            /// The input holds no element (zero bytes, only whitespace, or no root element).
            case empty
            /// The input is larger than the byte limit.
            case tooLarge(limit: Int)
            /// The input contains a `<!DOCTYPE` declaration; DTDs are never read.
            case doctypeForbidden
            /// The input contains an `<!ENTITY` declaration or a reference to a non-predefined entity.
            case entityForbidden
            /// Elements nest deeper than the depth limit.
            case tooDeep(limit: Int)
            /// One start tag carries more attributes than the per-element limit.
            case tooManyAttributes(limit: Int)
            /// The document holds more elements than the element limit.
            case tooManyElements(limit: Int)
            /// A text run, CDATA section or attribute value is longer than the text limit.
            case textTooLong(limit: Int)
            /// An element or attribute name is longer than the name limit.
            case nameTooLong(limit: Int)
            /// The bytes are not valid in the document's encoding, or the encoding is unsupported.
            case invalidEncoding(String)
            /// The input (or an element being written) contains a character XML 1.0 forbids, given as its code point.
            case invalidCharacter(UInt32)
            /// An element or attribute being written has a name that is not an XML name.
            case invalidName(String)
            /// libxml2 found the document not well-formed; the payload is its message.
            case malformed(String)
        }

        /// What went wrong.
        public var kind: Kind
        /// The file or label passed to the parser, or empty.
        public var file: String
        /// The 1-based line, or 0 when unknown.
        public var line: Int
        /// The 1-based column in characters, or 0 when unknown.
        public var column: Int

        /// Creates an error.
        public init(_ kind: Kind, file: String = "", line: Int = 0, column: Int = 0) {
            self.kind = kind
            self.file = file
            self.line = line
            self.column = column
        }

        /// Whether a safety limit (size, depth, attributes, elements, text or name length) rejected the input.
        public var isLimit: Bool {
            switch kind {
            case .tooLarge, .tooDeep, .tooManyAttributes, .tooManyElements, .textTooLong, .nameTooLong:
                return true
            case .empty, .doctypeForbidden, .entityForbidden, .invalidEncoding, .invalidCharacter, .invalidName,
                .malformed:
                return false
            }
        }

        /// The command-line exit code for this error: 3 for a limit, 65 for malformed or unsupported input.
        public var exitCode: Int32 { isLimit ? 3 : 65 }

        /// A one-line explanation without the location.
        public var message: String {
            switch kind {
            case .empty:
                return "the document is empty (no root element)"
            case .tooLarge(let limit):
                return "the document is larger than the limit of \(limit) bytes"
            case .doctypeForbidden:
                return "DOCTYPE declarations are not allowed (AnnoKit never loads DTDs or expands entities)"
            case .entityForbidden:
                return "entity declarations and references are not allowed (AnnoKit never loads DTDs or expands entities)"
            case .tooDeep(let limit):
                return "elements nest deeper than the limit of \(limit)"
            case .tooManyAttributes(let limit):
                return "an element has more than the limit of \(limit) attributes"
            case .tooManyElements(let limit):
                return "the document has more than the limit of \(limit) elements"
            case .textTooLong(let limit):
                return "a text run or attribute value is longer than the limit of \(limit) bytes"
            case .nameTooLong(let limit):
                return "a name is longer than the limit of \(limit) bytes"
            case .invalidEncoding(let reason):
                return "invalid encoding: \(reason)"
            case .invalidCharacter(let codePoint):
                return "character U+\(Self.hex(codePoint)) is not allowed in XML 1.0"
            case .invalidName(let name):
                return "\"\(name)\" is not a valid XML name"
            case .malformed(let detail):
                return "malformed XML: \(detail)"
            }
        }

        /// The error as `file:line:column: error: message`, the way compilers print diagnostics.
        public var description: String {
            var location = file.isEmpty ? "<input>" : file
            if line > 0 {
                location += ":\(line)"
                if column > 0 { location += ":\(column)" }
            }
            return "\(location): error: \(message)"
        }

        private static func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}
