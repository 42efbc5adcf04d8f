extension XML {
    /// The caps the byte pre-scan enforces before libxml2 sees a document; exceeding one is a limit error.
    public struct Limits: Hashable, Sendable {
        /// The largest accepted document, in bytes.
        public var maxBytes: Int
        /// The deepest accepted element nesting; the root element is at depth 1.
        public var maxDepth: Int
        /// The most attributes (counted as `=` signs outside quotes) one start tag may carry.
        public var maxAttributesPerElement: Int
        /// The most elements (start tags) one document may contain.
        public var maxElements: Int
        /// The longest accepted run of character data, CDATA section or attribute value, in bytes.
        public var maxTextLength: Int
        /// The longest accepted element or attribute name, in bytes.
        public var maxNameLength: Int

        /// Creates limits; every argument defaults to the value in ``default``.
        public init(
            maxBytes: Int = 8 << 20,
            maxDepth: Int = 64,
            maxAttributesPerElement: Int = 256,
            maxElements: Int = 100_000,
            maxTextLength: Int = 1 << 20,
            maxNameLength: Int = 1024
        ) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxAttributesPerElement = maxAttributesPerElement
            self.maxElements = maxElements
            self.maxTextLength = maxTextLength
            self.maxNameLength = maxNameLength
        }

        /// The defaults: 8 MiB, depth 64, 256 attributes per element, 100,000 elements, 1 MiB text runs, 1 KiB names.
        public static let `default` = Limits()
    }
}
