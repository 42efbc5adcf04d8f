/// XML 1.0 escaping shared by the XML reporters.
enum XMLText {
    /// Returns `text` safe to place in XML 1.0 element content or in a double- or single-quoted attribute.
    ///
    /// Escapes `& < > " '` as entities. Characters XML 1.0 cannot hold at all (C0 controls other than tab,
    /// line feed and carriage return; U+FFFE; U+FFFF) become U+FFFD, so a parser never rejects the document.
    /// Carriage returns are written as `&#13;` so parsers do not fold them into line feeds. In an attribute,
    /// tab and line feed are written as `&#9;` and `&#10;` too, because attribute-value normalisation would
    /// otherwise turn them into spaces.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    /// Whether `scalar` matches XML 1.0's `Char` production.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
