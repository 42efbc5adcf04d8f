extension XML {
    /// One attribute of an element: a qualified name and its value after entity and whitespace normalisation.
    public struct Attribute: Hashable, Sendable {
        /// The qualified name, with its prefix (`xmlns:xi`, `xi:href`) when there is one.
        public var name: String
        /// The value as the parser delivers it (predefined entities and character references replaced).
        public var value: String

        /// Creates an attribute.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An element copied out of a parsed document, or built to be written: a plain, thread-safe value.
    ///
    /// `==` and `hashValue` ignore ``line``: it records where the element came from, not what it is, so a
    /// written-then-parsed element equals the original.
    public struct Element: Hashable, Sendable {
        /// The qualified name, with its prefix (`xi:include`) when there is one.
        public var name: String
        /// The attributes in document order; namespace declarations (`xmlns`, `xmlns:p`) come first.
        public var attributes: [Attribute]
        /// The child elements in document order.
        public var children: [Element]
        /// The element's direct character data (text and CDATA children) concatenated, not trimmed.
        public var text: String
        /// The 1-based line of the start tag, or 0 for an element that was not parsed.
        public var line: Int

        /// Creates an element.
        public init(
            name: String, attributes: [Attribute] = [], children: [Element] = [], text: String = "", line: Int = 0
        ) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.text = text
            self.line = line
        }

        /// The direct text with leading and trailing whitespace (space, tab, CR, LF) removed.
        public var trimmedText: String {
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !Self.isXMLSpace($0) }) else { return "" }
            let last = scalars.lastIndex(where: { !Self.isXMLSpace($0) }) ?? first
            return String(scalars[first...last])
        }

        /// The first child element called `name`, if any.
        public func child(named name: String) -> Element? {
            children.first { $0.name == name }
        }

        /// Every child element called `name`, in document order.
        public func children(named name: String) -> [Element] {
            children.filter { $0.name == name }
        }

        /// The trimmed text of the first child called `childName`, or nil when there is no such child.
        public func text(of childName: String) -> String? {
            child(named: childName)?.trimmedText
        }

        /// The value of the first attribute called `name`, if any.
        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }

        /// A copy in which every element that has child elements and only whitespace text gets empty text.
        ///
        /// This is the whitespace an indenting writer adds and a parser reads back; compare through it when
        /// checking a write-then-parse round trip of indented output.
        public func droppingIndentation() -> Element {
            var copy = self
            copy.children = children.map { $0.droppingIndentation() }
            if !copy.children.isEmpty && copy.text.unicodeScalars.allSatisfy(Self.isXMLSpace) {
                copy.text = ""
            }
            return copy
        }

        /// Whether two elements have equal names, attributes, children and text; lines are ignored.
        public static func == (lhs: Element, rhs: Element) -> Bool {
            lhs.name == rhs.name && lhs.text == rhs.text && lhs.attributes == rhs.attributes
                && lhs.children == rhs.children
        }

        /// Hashes the name, attributes, children and text; the line is not hashed.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(attributes)
            hasher.combine(children)
            hasher.combine(text)
        }

        static func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
    }
}
