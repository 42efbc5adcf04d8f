extension XML.Element {
    /// This element as indented XML text without a declaration; forbidden characters become U+FFFD.
    ///
    /// - Parameter indent: Spaces per nesting level; 0 writes one line with no added whitespace.
    public func serialized(indent: Int = 2) -> String {
        var output = ""
        var problem: XML.Error?
        XML.Writer(indent: indent, includesDeclaration: false, invalidCharacters: .replace)
            .render(self, into: &output, problem: &problem)
        return output
    }
}
