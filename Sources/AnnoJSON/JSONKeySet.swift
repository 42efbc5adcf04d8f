/// A fixed set of object keys that `JSONReader.nextKey(in:)` matches straight from the input bytes, so schema
/// readers (COCO) can dispatch on keys without building a `String` per member.
public struct JSONKeySet: Sendable {
    /// The keys, in the order given; `nextKey(in:)` returns indices into this array.
    public let names: [String]
    let hashes: [UInt64]
    let bytes: [[UInt8]]

    /// The index `nextKey(in:)` returns for a key that is not in the set.
    public static let unknown = -1

    /// Creates a set; if a key is given twice, the first index wins.
    public init(_ names: [String]) {
        self.names = names
        self.bytes = names.map { Array($0.utf8) }
        self.hashes = names.map { JSONReader.hash($0) }
    }

    /// The index of the key with this hash and bytes, or `unknown`. O(count) hash compares.
    @inline(__always)
    func index(hash: UInt64, _ p: UnsafePointer<UInt8>, count: Int) -> Int {
        var i = 0
        while i < hashes.count {
            if hashes[i] == hash && bytes[i].count == count {
                var same = true
                var j = 0
                while j < count {
                    if bytes[i][j] != p[j] {
                        same = false
                        break
                    }
                    j += 1
                }
                if same { return i }
            }
            i += 1
        }
        return JSONKeySet.unknown
    }
}

extension JSONReader {
    /// Like `nextKey()`, but matches the key against `keys` without building a String: returns the key's index
    /// in `keys`, `JSONKeySet.unknown` (-1) for any other key (use `currentKey` if you need its text), or nil after
    /// consuming `}`. Duplicate keys are still reported.
    public mutating func nextKey(in keys: JSONKeySet) throws(JSONError) -> Int? {
        guard level > 0, top.isObject else { throw error(.invalidState("nextKey(in:) outside an object"), at: pos) }
        guard try advanceInObject() else { return nil }
        top.count += 1
        top.keyOffset = -1
        let start = pos
        let (close, escaped) = try scanStringInPlace(at: start)
        let hash: UInt64
        let index: Int
        if escaped {
            var decoded = decodeEscapedBytes(from: start + 1, to: close)
            hash = decoded.withUnsafeBufferPointer { JSONReader.hash($0.baseAddress ?? base, count: $0.count) }
            index = decoded.withUnsafeMutableBufferPointer { b in
                keys.index(hash: hash, UnsafePointer(b.baseAddress ?? UnsafeMutablePointer(mutating: base)), count: b.count)
            }
        } else {
            hash = JSONReader.hash(base + start + 1, count: close - start - 1)
            index = keys.index(hash: hash, base + start + 1, count: close - start - 1)
        }
        try finishKey(start: start, close: close, hash: hash)
        return index
    }

    /// The key of the member being read in the innermost object (decoded on demand), or nil outside a member.
    public var currentKey: String? {
        guard level > 0, top.isObject, top.keyOffset >= 0 else { return nil }
        return decodeStringUnchecked(at: top.keyOffset)
    }
}
