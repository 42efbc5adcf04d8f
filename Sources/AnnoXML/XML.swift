/// The namespace for AnnoXML: a hardened reader and a deterministic writer for small XML documents.
///
/// AnnoXML turns bytes into plain Swift values (``XML/Element``) and back. Reading runs a cheap byte pre-scan
/// (``XML/Limits``) before libxml2 sees the input, rejects every DTD and entity declaration, and copies the tree
/// out so no C pointer outlives a call. See `Specs/formats/xml-hardening.md`.
public enum XML {
    /// Parses `bytes` into the document's root element, after the hardening pre-scan.
    ///
    /// - Parameters:
    ///   - bytes: The whole document.
    ///   - file: A path or label used only in error messages.
    ///   - limits: The caps the pre-scan enforces.
    /// - Returns: The root element, with its descendants copied into Swift values.
    /// - Throws: ``XML/Error`` for limit violations (``XML/Error/isLimit``), forbidden DTDs and entities,
    ///   bad encodings and any well-formedness error libxml2 reports.
    public static func parse(
        _ bytes: [UInt8], file: String = "", limits: Limits = .default
    ) throws(XML.Error) -> Element {
        try Prescan.check(bytes, file: file, limits: limits)
        return try Parser.parse(bytes, file: file)
    }

    /// Parses the UTF-8 text `string` into the document's root element; see ``parse(_:file:limits:)``.
    public static func parse(
        string: String, file: String = "", limits: Limits = .default
    ) throws(XML.Error) -> Element {
        try parse(Array(string.utf8), file: file, limits: limits)
    }
}
