extension JSONReader {
    /// A copy of this reader that resumes at `offset`, which must hold the `,` between two elements of the
    /// innermost open array: the copy reads the elements after it, then the rest of the document. Nil when `offset`
    /// is not a comma or the innermost container is not an array.
    ///
    /// The copy shares the input (read-only) and has its own working buffers, so it may run on another thread. It cannot know how many elements precede `offset`, so its JSON Pointers count
    /// elements from there (the element after `offset` is index 1); callers that join the two halves shift them.
    /// Use it to read a large array on several cores; a caller must confirm the split by reading the first half up
    /// to exactly `offset` (see ``offset``), because a comma inside a string looks the same.
    public func resuming(atArraySeparator offset: Int) -> JSONReader? {
        guard level > 0, !top.isObject, offset > pos, offset < end, base[offset] == UInt8(ascii: ",") else { return nil }
        var copy = self
        // Same input, but its own scratch buffer and line index: the copy runs on another thread.
        copy.storage = JSONReaderStorage(sharing: storage, start: offset)
        copy.pos = offset
        copy.top.count = max(copy.top.count, 1)
        return copy
    }

    /// Lets the reader give the memory of input it has read back to the system (`discardReadInput()`), for a
    /// caller that reads a large document once, front to back, and never asks for those bytes again. Builds the
    /// line index first, so locations stay exact. Readers resumed from this one discard only their own part.
    public func startDiscardingReadInput() { storage.startDiscarding() }

    /// True when some input may already be discarded (see `startDiscardingReadInput()`): the reader can then
    /// only go forward, so a caller must not fall back to re-reading a part another reader has passed.
    public var discardsReadInput: Bool { storage.discardsInput }

    /// Hands back whole pages of input from `floor` to the current position (less a 64 KiB margin) once at least
    /// 2 MiB have accumulated; a no-op unless `startDiscardingReadInput()` was called.
    ///
    /// Pointers and duplicate-key checks look back at the keys of open objects, so call it only between the
    /// elements of an array, with `floor` at or after that array's `[` (keys of enclosing objects lie before it).
    public func discardReadInput(from floor: Int) { storage.discard(from: floor, upTo: pos) }

    /// The number of elements begun so far in the innermost open array (0 outside arrays).
    public var elementCount: Int { level > 0 && !top.isObject ? top.count : 0 }

    /// Takes over the state of `other`, a reader made by ``resuming(atArraySeparator:)`` from this one that has
    /// read on from the split, keeping this reader's warnings and appending those `other` found after the split
    /// (the first `inheritedWarnings` of `other`'s warnings are the ones it was created with).
    public mutating func adopt(_ other: JSONReader, inheritedWarnings: Int, shiftingPointersBy shift: (String) -> String) {
        let mine = warnings
        self = other
        var joined = mine
        for w in other.warnings.dropFirst(inheritedWarnings) {
            var moved = w
            moved.pointer = shift(w.pointer)
            joined.append(moved)
        }
        warnings = joined
    }
}

extension JSONReader {
    /// The offset of the first `,` at or after `from` that sits between `}` and `{` (whitespace allowed): a
    /// candidate place to split an array of objects for ``resuming(atArraySeparator:)``. Only a candidate: the
    /// same bytes can occur inside a string. O(bytes scanned).
    public func arraySplitCandidate(from: Int) -> Int? {
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        var p = max(from, 0)
        while p < end {
            if base[p] == UInt8(ascii: "}") {
                var q = p + 1
                while q < end, isSpace(base[q]) { q += 1 }
                if q < end, base[q] == UInt8(ascii: ",") {
                    let comma = q
                    q += 1
                    while q < end, isSpace(base[q]) { q += 1 }
                    if q < end, base[q] == UInt8(ascii: "{") { return comma }
                }
            }
            p += 1
        }
        return nil
    }
}
