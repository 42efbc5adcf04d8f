extension JSONReader {
    /// FNV-1a over raw bytes. O(count).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i < count {
            h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return h
    }

    /// FNV-1a over a string's UTF-8 bytes.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Records a key of the innermost object and reports it if the object already had it.
    ///
    /// Objects with up to 16 keys compare hashes linearly (no allocation); larger ones switch to a `Set` of
    /// hashes. A hash match is confirmed by comparing the decoded keys, so collisions never give false reports.
    @inline(__always)
    mutating func noteKey(hash: UInt64, offset: Int) throws(JSONError) {
        let f = top
        let n = keyCount
        if f.setIndex < 0 {
            var i = f.keyBase
            while i < n {
                if keyEntries[i].hash == hash, try confirmDuplicate(first: keyEntries[i].offset, second: offset) { break }
                i += 1
            }
            storeKey(KeyEntry(hash: hash, offset: offset))
            if n + 1 - f.keyBase > JSONReader.linearKeyLimit {
                var set = Set<UInt64>(minimumCapacity: 64)
                for j in f.keyBase..<keyCount { set.insert(keyEntries[j].hash) }
                keySets.append(set)
                top.setIndex = keySets.count - 1
            }
        } else {
            if !keySets[f.setIndex].insert(hash).inserted {
                var i = f.keyBase
                while i < n {
                    if keyEntries[i].hash == hash, try confirmDuplicate(first: keyEntries[i].offset, second: offset) { break }
                    i += 1
                }
            }
            storeKey(KeyEntry(hash: hash, offset: offset))
        }
    }

    /// Makes `e` the next live key entry.
    @inline(__always)
    mutating func storeKey(_ e: KeyEntry) {
        if keyCount < keyEntries.count {
            keyEntries[keyCount] = e
        } else {
            keyEntries.append(e)
        }
        keyCount += 1
    }

    /// Compares the keys at two offsets; if equal, records a warning (or throws in strict mode) and returns true.
    mutating func confirmDuplicate(first: Int, second: Int) throws(JSONError) -> Bool {
        let a = decodeStringUnchecked(at: first)
        let b = decodeStringUnchecked(at: second)
        guard a == b else { return false }
        if limits.rejectDuplicateKeys { throw error(.duplicateKey(b), at: second) }
        let (line, column) = storage.location(at: second)
        warnings.append(JSONWarning(kind: .duplicateKey(b, firstOffset: first), key: b, pointer: containerPointer,
                                    offset: second, line: line, column: column))
        return true
    }
}
