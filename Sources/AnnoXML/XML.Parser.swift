internal import CLibXML2

extension XML {
    /// The only code that touches libxml2: parse bytes into a tree, copy it into ``XML/Element`` values, free it.
    ///
    /// The options are network access off and error/warning printing off, nothing else: no entity
    /// substitution, no DTD loading or attribute defaulting, no validation, no XInclude, no recovery and no
    /// lifting of libxml2's built-in size and depth limits. Text is read only from text and CDATA nodes, never
    /// through libxml2's content helpers, which would expand entity references.
    enum Parser {
        /// `XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING`, exactly.
        static let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

        /// libxml2's own nesting limit when its size limits are left in place.
        static let libxml2DepthLimit = 256

        /// Initialises libxml2 once per process and installs an external-entity loader that loads nothing.
        ///
        /// The loader is process-wide: after AnnoXML first parses, no libxml2 user in the process can load
        /// external entities or DTDs. AnnoKit never wants them.
        private static let initialized: Bool = {
            xmlInitParser()
            xmlSetExternalEntityLoader { _, _, _ in nil }
            return true
        }()

        /// Parses `bytes` with libxml2 (no pre-scan; ``XML/parse(_:file:limits:)`` runs that first).
        static func parse(_ bytes: [UInt8], file: String) throws(XML.Error) -> Element {
            _ = initialized
            guard bytes.count <= Int(Int32.max) else {
                throw XML.Error(.tooLarge(limit: Int(Int32.max)), file: file)
            }
            guard let context = xmlNewParserCtxt() else {
                throw XML.Error(.malformed("libxml2 could not allocate a parser context"), file: file)
            }
            defer { xmlFreeParserCtxt(context) }
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, nil, options)
                }
            }
            guard let document = parsed, context.pointee.wellFormed != 0 else {
                if let parsed { xmlFreeDoc(parsed) }
                throw error(from: context.pointee.lastError, file: file)
            }
            defer { xmlFreeDoc(document) }
            if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
                throw XML.Error(.doctypeForbidden, file: file, line: 1, column: 1)
            }
            guard let root = xmlDocGetRootElement(document) else {
                throw XML.Error(.empty, file: file)
            }
            return try copy(root, depth: 1, file: file)
        }

        /// Maps libxml2's last error to an ``XML/Error``, copying the message out.
        private static func error(from last: xmlError, file: String) -> XML.Error {
            let message =
                last.message.map { trimmed(String(cString: $0)) } ?? "libxml2 reported an error without a message"
            let kind: XML.Error.Kind
            switch last.code {
            case Int32(XML_ERR_UNKNOWN_ENCODING.rawValue), Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
                Int32(XML_ERR_INVALID_ENCODING.rawValue):
                kind = .invalidEncoding(message)
            case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
                Int32(XML_ERR_ENTITY_LOOP.rawValue):
                kind = .entityForbidden
            default:
                kind = message.hasPrefix("Excessive depth") ? .tooDeep(limit: libxml2DepthLimit) : .malformed(message)
            }
            return XML.Error(kind, file: file, line: Int(last.line), column: Int(last.int2))
        }

        /// Copies `node` and its descendants into an ``XML/Element``.
        private static func copy(_ node: xmlNodePtr, depth: Int, file: String) throws(XML.Error) -> Element {
            let line = Int(xmlGetLineNo(node))
            guard depth <= libxml2DepthLimit else {
                throw XML.Error(.tooDeep(limit: libxml2DepthLimit), file: file, line: line)
            }
            var element = Element(name: qualifiedName(node.pointee.name, node.pointee.ns), line: line)

            var namespace = node.pointee.nsDef
            while let current = namespace {
                let name = current.pointee.prefix.map { "xmlns:" + string($0) } ?? "xmlns"
                element.attributes.append(Attribute(name: name, value: current.pointee.href.map(string) ?? ""))
                namespace = current.pointee.next
            }

            var property = node.pointee.properties
            while let attribute = property {
                var value = ""
                var part = attribute.pointee.children
                while let piece = part {
                    if piece.pointee.type == XML_ENTITY_REF_NODE {
                        throw XML.Error(.entityForbidden, file: file, line: line)
                    }
                    if piece.pointee.type == XML_TEXT_NODE, let content = piece.pointee.content {
                        value += string(content)
                    }
                    part = piece.pointee.next
                }
                let name = qualifiedName(attribute.pointee.name, attribute.pointee.ns)
                element.attributes.append(Attribute(name: name, value: value))
                property = attribute.pointee.next
            }

            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    element.children.append(try copy(current, depth: depth + 1, file: file))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { element.text += string(content) }
                case XML_ENTITY_REF_NODE:
                    throw XML.Error(.entityForbidden, file: file, line: Int(xmlGetLineNo(current)))
                default:
                    break  // Comments and processing instructions are not part of the value.
                }
                child = current.pointee.next
            }
            return element
        }

        private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
            let local = name.map(string) ?? ""
            guard let prefix = namespace?.pointee.prefix else { return local }
            return string(prefix) + ":" + local
        }

        private static func string(_ chars: UnsafePointer<xmlChar>) -> String {
            String(cString: chars)
        }

        private static func string(_ chars: UnsafeMutablePointer<xmlChar>) -> String {
            String(cString: chars)
        }

        private static func trimmed(_ message: String) -> String {
            var result = Substring(message)
            while let last = result.last, last == "\n" || last == " " || last == "\r" { result.removeLast() }
            return String(result)
        }
    }
}
