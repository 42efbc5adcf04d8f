import AnnoJSON
import AnnoXML

extension VOC {
    /// The invertible mapping between XML elements the IR does not model and JSON extension values.
    ///
    /// A leaf element becomes its trimmed text: a JSON number when the text is a plain decimal
    /// (`-?digits[.digits]`, literal kept), otherwise a string. An element with children becomes an object
    /// whose keys are the child names in first-appearance order; a name that repeats becomes an array.
    /// Writing inverts this: arrays become repeated elements, objects nested elements.
    public enum ElementCoding {
        /// The JSON value for an element's content.
        public static func value(of element: XML.Element) -> JSONValue {
            if element.children.isEmpty { return leaf(element.trimmedText) }
            return .object(members(of: element.children))
        }

        /// The JSON members for a list of sibling elements (repeated names grouped into arrays).
        public static func members(of elements: [XML.Element]) -> [JSONMember] {
            var out: [JSONMember] = []
            var position: [String: Int] = [:]
            var grouped: Set<String> = []
            for e in elements {
                let v = value(of: e)
                if let i = position[e.name] {
                    if grouped.contains(e.name), case .array(var items) = out[i].value {
                        items.append(v)
                        out[i].value = .array(items)
                    } else {
                        out[i].value = .array([out[i].value, v])
                        grouped.insert(e.name)
                    }
                } else {
                    position[e.name] = out.count
                    out.append(JSONMember(e.name, v))
                }
            }
            return out
        }

        /// A leaf's text as a number (plain decimals only, literal kept) or a string.
        public static func leaf(_ text: String) -> JSONValue {
            if isPlainDecimal(text), let d = Double(text) { return .number(JSONNumber(literal: text, double: d)) }
            return .string(text)
        }

        /// True for `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
        public static func isPlainDecimal(_ text: String) -> Bool {
            var u = Substring(text).utf8[...]
            if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
            guard let first = u.first, first >= 48, first <= 57 else { return false }
            var digits = 0
            while let c = u.first, c >= 48, c <= 57 { u = u.dropFirst(); digits += 1 }
            if first == 48 && digits > 1 { return false }
            if u.first == UInt8(ascii: ".") {
                u = u.dropFirst()
                var frac = 0
                while let c = u.first, c >= 48, c <= 57 { u = u.dropFirst(); frac += 1 }
                if frac == 0 { return false }
            }
            return u.isEmpty
        }

        /// The elements that represent `value` under `name` (several for an array).
        public static func elements(name: String, value: JSONValue) -> [XML.Element] {
            switch value {
            case .array(let items):
                return items.flatMap { item -> [XML.Element] in
                    if case .array = item { return [XML.Element(name: name, children: elements(name: "item", value: item))] }
                    return elements(name: name, value: item)
                }
            case .object(let members):
                return [XML.Element(name: name, children: members.flatMap { elements(name: $0.key, value: $0.value) })]
            case .string(let s):
                return [XML.Element(name: name, text: s)]
            case .number(let n):
                return [XML.Element(name: name, text: n.literal)]
            case .bool(let b):
                return [XML.Element(name: name, text: b ? "1" : "0")]
            case .null:
                return [XML.Element(name: name)]
            }
        }
    }
}
