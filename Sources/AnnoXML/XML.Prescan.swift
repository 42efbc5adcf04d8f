extension XML {
    /// The byte pre-scan that runs before libxml2 sees a document: one pass, no allocation beyond the scanner.
    ///
    /// It enforces ``XML/Limits``, rejects `<!DOCTYPE` and `<!ENTITY` outright, rejects encodings that are not
    /// ASCII-compatible, validates UTF-8 (when the document is UTF-8) and rejects control characters XML 1.0
    /// forbids. It understands comments, CDATA sections, processing instructions and quoted attribute values,
    /// so markup-looking bytes inside them are not counted. It does not check well-formedness: libxml2 does.
    struct Prescan {
        private let bytes: [UInt8]
        private let file: String
        private let limits: Limits
        private var validatesUTF8 = true
        private var index = 0
        private var line = 1
        private var column = 1
        private var depth = 0
        private var elements = 0
        private var sawContent = false

        private init(bytes: [UInt8], file: String, limits: Limits) {
            self.bytes = bytes
            self.file = file
            self.limits = limits
        }

        /// Throws the first limit or policy violation in `bytes`, or returns when libxml2 may parse them.
        static func check(_ bytes: [UInt8], file: String, limits: Limits) throws(XML.Error) {
            guard bytes.count <= limits.maxBytes else {
                throw XML.Error(.tooLarge(limit: limits.maxBytes), file: file)
            }
            var scan = Prescan(bytes: bytes, file: file, limits: limits)
            try scan.run()
        }

        // MARK: - The scan

        private mutating func run() throws(XML.Error) {
            try checkEncoding()
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    try markup()
                } else {
                    try characterData()
                }
            }
            if elements == 0 && !sawContent {
                throw XML.Error(.empty, file: file)
            }
        }

        /// Rejects UTF-16/UTF-32 input, skips a UTF-8 byte order mark and reads the declared encoding.
        private mutating func checkEncoding() throws(XML.Error) {
            let unsupported = XML.Error.Kind.invalidEncoding("UTF-16 and UTF-32 are not supported; use UTF-8")
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
                || bytes.first == 0 || (bytes.count > 1 && bytes[1] == 0)
            {
                throw XML.Error(unsupported, file: file, line: 1, column: 1)
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            guard let encoding = declaredEncoding() else { return }
            if encoding.hasPrefix("utf-16") || encoding.hasPrefix("utf-32") || encoding.hasPrefix("ucs") {
                throw XML.Error(unsupported, file: file, line: 1, column: 1)
            }
            // Any other declared encoding is decoded by libxml2 (which rejects unknown names); the markup
            // bytes the scan looks for are ASCII in every ASCII-compatible encoding.
            validatesUTF8 = ["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding)
        }

        /// The lowercased `encoding` pseudo-attribute of a leading `<?xml …?>` declaration, if present.
        private func declaredEncoding() -> String? {
            guard matches("<?xml", at: index) else { return nil }
            let end = min(bytes.count, index + 512)
            guard let close = firstMatch("?>", from: index, before: end),
                let key = firstMatch("encoding", from: index, before: close)
            else { return nil }
            var position = key + 8
            while position < close, Self.isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "=") {
                position += 1
            }
            guard position < close, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else { return nil }
            let quote = bytes[position]
            var value: [UInt8] = []
            position += 1
            while position < close, bytes[position] != quote {
                value.append(Self.lowercased(bytes[position]))
                position += 1
            }
            return String(decoding: value, as: UTF8.self)
        }

        /// Consumes one run of character data up to the next `<`.
        private mutating func characterData() throws(XML.Error) {
            let (startLine, startColumn) = (line, column)
            var length = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
                if !Self.isSpace(bytes[index]) { sawContent = true }
                let before = index
                try step()
                length += index - before
                if length > limits.maxTextLength {
                    throw XML.Error(
                        .textTooLong(limit: limits.maxTextLength), file: file, line: startLine, column: startColumn)
                }
            }
        }

        /// Consumes one piece of markup starting at `<`.
        private mutating func markup() throws(XML.Error) {
            let startLine = line
            let startColumn = column
            if matches("<!--", at: index) {
                advanceASCII(4)
                try skip(past: "-->", limit: nil)
            } else if matches("<![CDATA[", at: index) {
                sawContent = true
                advanceASCII(9)
                try skip(past: "]]>", limit: limits.maxTextLength)
            } else if matchesIgnoringCase("<!DOCTYPE", at: index) {
                throw XML.Error(.doctypeForbidden, file: file, line: startLine, column: startColumn)
            } else if matchesIgnoringCase("<!ENTITY", at: index) {
                throw XML.Error(.entityForbidden, file: file, line: startLine, column: startColumn)
            } else if matches("<?", at: index) {
                advanceASCII(2)
                try skip(past: "?>", limit: nil)
            } else if matches("</", at: index) {
                sawContent = true
                depth = max(0, depth - 1)
                advanceASCII(2)
                try skip(past: ">", limit: limits.maxNameLength + 64)
            } else if matches("<!", at: index) {
                // Not XML that AnnoKit accepts; libxml2 reports it with its own message.
                sawContent = true
                advanceASCII(2)
            } else {
                try startTag(line: startLine, column: startColumn)
            }
        }

        /// Consumes a start tag or empty-element tag, counting depth, elements, attributes and name lengths.
        private mutating func startTag(line tagLine: Int, column tagColumn: Int) throws(XML.Error) {
            sawContent = true
            elements += 1
            if elements > limits.maxElements {
                throw XML.Error(.tooManyElements(limit: limits.maxElements), file: file, line: tagLine, column: tagColumn)
            }
            depth += 1
            if depth > limits.maxDepth {
                throw XML.Error(.tooDeep(limit: limits.maxDepth), file: file, line: tagLine, column: tagColumn)
            }
            advanceASCII(1)
            var attributes = 0
            var nameLength = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: ">"):
                    advanceASCII(1)
                    return
                case UInt8(ascii: "/") where matches("/>", at: index):
                    depth -= 1
                    advanceASCII(2)
                    return
                case UInt8(ascii: "<"):
                    return  // Not well-formed; leave it to libxml2.
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    nameLength = 0
                    try quotedValue(byte)
                case UInt8(ascii: "="):
                    nameLength = 0
                    attributes += 1
                    if attributes > limits.maxAttributesPerElement {
                        throw XML.Error(
                            .tooManyAttributes(limit: limits.maxAttributesPerElement), file: file, line: tagLine,
                            column: tagColumn)
                    }
                    advanceASCII(1)
                default:
                    if Self.isSpace(byte) {
                        nameLength = 0
                    } else {
                        nameLength += 1
                        if nameLength > limits.maxNameLength {
                            throw XML.Error(
                                .nameTooLong(limit: limits.maxNameLength), file: file, line: line, column: column)
                        }
                    }
                    try step()
                }
            }
        }

        /// Consumes a quoted attribute value, opening quote included, checking its length.
        private mutating func quotedValue(_ quote: UInt8) throws(XML.Error) {
            advanceASCII(1)
            let (startLine, startColumn) = (line, column)
            var length = 0
            while index < bytes.count {
                if bytes[index] == quote {
                    advanceASCII(1)
                    return
                }
                let before = index
                try step()
                length += index - before
                if length > limits.maxTextLength {
                    throw XML.Error(
                        .textTooLong(limit: limits.maxTextLength), file: file, line: startLine, column: startColumn)
                }
            }
        }

        /// Consumes bytes up to and including `terminator`, or to the end of input (libxml2 then reports it).
        private mutating func skip(past terminator: StaticString, limit: Int?) throws(XML.Error) {
            let (startLine, startColumn) = (line, column)
            var length = 0
            while index < bytes.count {
                if matches(terminator, at: index) {
                    advanceASCII(terminator.utf8CodeUnitCount)
                    return
                }
                let before = index
                try step()
                length += index - before
                if let limit, length > limit {
                    throw XML.Error(.textTooLong(limit: limit), file: file, line: startLine, column: startColumn)
                }
            }
        }

        // MARK: - Characters

        /// Moves past one character, validating it and keeping line and column current.
        private mutating func step() throws(XML.Error) {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    line += 1
                    column = 1
                case 0x0D:
                    // CR LF counts as one line break, at the LF.
                    if index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                        line += 1
                        column = 1
                    }
                case 0x09:
                    column += 1
                case 0x00..<0x20:
                    throw XML.Error(.invalidCharacter(UInt32(byte)), file: file, line: line, column: column)
                default:
                    column += 1
                }
                index += 1
                return
            }
            guard validatesUTF8 else {
                index += 1
                column += 1
                return
            }
            let scalar = try decodeUTF8()
            if scalar == 0xFFFE || scalar == 0xFFFF {
                throw XML.Error(.invalidCharacter(scalar), file: file, line: line, column: column)
            }
            column += 1
        }

        /// Decodes the multi-byte UTF-8 sequence at `index`, moves past it and returns its code point.
        private mutating func decodeUTF8() throws(XML.Error) -> UInt32 {
            let lead = bytes[index]
            let length: Int
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2
                scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF:
                length = 3
                scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4:
                length = 4
                scalar = UInt32(lead & 0x07)
            default:
                throw invalidUTF8()
            }
            guard index + length <= bytes.count else { throw invalidUTF8() }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { throw invalidUTF8() }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            let overlong = (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x10000)
            guard !overlong, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw invalidUTF8() }
            index += length
            return scalar
        }

        private func invalidUTF8() -> XML.Error {
            XML.Error(.invalidEncoding("invalid UTF-8 byte sequence"), file: file, line: line, column: column)
        }

        /// Moves past `count` ASCII bytes that contain no line break.
        private mutating func advanceASCII(_ count: Int) {
            index += count
            column += count
        }

        // MARK: - Byte matching

        private func matches(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { pattern in
                for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
                return true
            }
        }

        private func matchesIgnoringCase(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { pattern in
                for offset in 0..<count
                where Self.lowercased(bytes[position + offset]) != Self.lowercased(pattern[offset]) {
                    return false
                }
                return true
            }
        }

        private func firstMatch(_ literal: StaticString, from start: Int, before end: Int) -> Int? {
            var position = start
            while position < end {
                if matches(literal, at: position) { return position }
                position += 1
            }
            return nil
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
    }
}
