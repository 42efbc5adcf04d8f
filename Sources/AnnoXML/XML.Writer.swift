extension XML {
    /// Writes an ``XML/Element`` tree as deterministic XML 1.0 text: same element and options, same bytes.
    ///
    /// Escaping: `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&apos;` in text and
    /// attribute values; CR becomes `&#13;` everywhere, and tab and LF become `&#9;` and `&#10;` inside attribute
    /// values, so a parser's line-end and attribute-value normalisation gives back the same strings.
    ///
    /// Characters XML 1.0 forbids (U+0000–U+001F other than tab, LF and CR, and U+FFFE, U+FFFF) are replaced by
    /// U+FFFD or rejected, per ``invalidCharacters``. Names that are not XML names are likewise repaired (each
    /// offending character becomes `_`) or rejected. Duplicate attribute names are written as given.
    ///
    /// Layout with `indent > 0`: each element starts on its own line; an element whose text is only whitespace
    /// and that has children gets its children indented and its text dropped (the indentation takes its
    /// place); an element with non-whitespace text and children (mixed content) is written without added
    /// whitespace inside it, text first. With `indent == 0` nothing is added or dropped anywhere.
    ///
    /// Round trip: `XML.parse` of the output equals the input after ``XML/Element/droppingIndentation()``
    /// on both sides (exactly, with `indent == 0`), provided no character or name was replaced.
    public struct Writer: Hashable, Sendable {
        /// What to do with a character XML 1.0 forbids or a name that is not an XML name.
        public enum InvalidCharacterPolicy: Hashable, Sendable {
            /// Write U+FFFD for a forbidden character and `_` for each character that breaks a name.
            case replace
            /// Throw ``XML/Error/Kind/invalidCharacter(_:)`` or ``XML/Error/Kind/invalidName(_:)``.
            case reject
        }

        /// Spaces per nesting level; 0 writes everything on one line with no added whitespace.
        public var indent: Int
        /// Whether to start with `<?xml version="1.0" encoding="utf-8"?>` and a newline.
        public var includesDeclaration: Bool
        /// What to do with forbidden characters and invalid names.
        public var invalidCharacters: InvalidCharacterPolicy

        /// Creates a writer.
        public init(indent: Int = 2, includesDeclaration: Bool = true, invalidCharacters: InvalidCharacterPolicy = .replace) {
            self.indent = max(0, indent)
            self.includesDeclaration = includesDeclaration
            self.invalidCharacters = invalidCharacters
        }

        /// Writes `root` as a document, ending with a newline.
        public func string(_ root: Element) throws(XML.Error) -> String {
            var output = ""
            var problem: XML.Error?
            render(root, into: &output, problem: &problem)
            if invalidCharacters == .reject, let problem { throw problem }
            return output
        }

        /// Writes `root` as a document in UTF-8.
        public func bytes(_ root: Element) throws(XML.Error) -> [UInt8] {
            Array(try string(root).utf8)
        }

        /// Writes `root`, substituting for anything invalid and recording the first problem found.
        func render(_ root: Element, into output: inout String, problem: inout XML.Error?) {
            if includesDeclaration { output += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" }
            element(root, level: 0, compact: indent == 0, into: &output, problem: &problem)
            output += "\n"
        }

        private func element(
            _ element: Element, level: Int, compact: Bool, into output: inout String, problem: inout XML.Error?
        ) {
            let padding = compact ? "" : String(repeating: " ", count: level * indent)
            let name = xmlName(element.name, problem: &problem)
            output += padding + "<" + name
            for attribute in element.attributes {
                output += " " + xmlName(attribute.name, problem: &problem) + "=\""
                escape(attribute.value, inAttribute: true, into: &output, problem: &problem)
                output += "\""
            }
            if element.children.isEmpty {
                if element.text.isEmpty {
                    output += "/>"
                } else {
                    output += ">"
                    escape(element.text, inAttribute: false, into: &output, problem: &problem)
                    output += "</" + name + ">"
                }
                return
            }
            let indented = !compact && element.text.unicodeScalars.allSatisfy(Element.isXMLSpace)
            output += ">"
            if indented {
                output += "\n"
                for child in element.children {
                    self.element(child, level: level + 1, compact: false, into: &output, problem: &problem)
                    output += "\n"
                }
                output += padding
            } else {
                escape(element.text, inAttribute: false, into: &output, problem: &problem)
                for child in element.children {
                    self.element(child, level: 0, compact: true, into: &output, problem: &problem)
                }
            }
            output += "</" + name + ">"
        }

        private func escape(_ text: String, inAttribute: Bool, into output: inout String, problem: inout XML.Error?) {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                case "'": output += "&apos;"
                case "\r": output += "&#13;"
                case "\t" where inAttribute: output += "&#9;"
                case "\n" where inAttribute: output += "&#10;"
                case "\t", "\n": output.unicodeScalars.append(scalar)
                default:
                    if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                        if problem == nil { problem = XML.Error(.invalidCharacter(scalar.value)) }
                        output += "\u{FFFD}"
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
        }

        private func xmlName(_ name: String, problem: inout XML.Error?) -> String {
            var repaired = String.UnicodeScalarView()
            var valid = !name.isEmpty
            for (offset, scalar) in name.unicodeScalars.enumerated() {
                let ok = offset == 0 ? Self.isNameStart(scalar) : Self.isNameCharacter(scalar)
                if ok {
                    repaired.append(scalar)
                } else {
                    valid = false
                    repaired.append("_")
                }
            }
            if repaired.isEmpty { repaired.append("_") }
            if !valid, problem == nil { problem = XML.Error(.invalidName(name)) }
            return String(repaired)
        }

        /// XML 1.0 (fifth edition) `NameStartChar`.
        private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x3A, 0x5F, 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
                0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
                0xFDF0...0xFFFD, 0x10000...0xEFFFF:
                return true
            default:
                return false
            }
        }

        /// XML 1.0 (fifth edition) `NameChar`.
        private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040:
                return true
            default:
                return isNameStart(scalar)
            }
        }
    }
}
