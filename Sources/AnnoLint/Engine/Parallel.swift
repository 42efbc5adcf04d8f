import Dispatch

/// Runs work over index ranges on every core, keeping results in index order so output is deterministic.
enum Parallel {
    /// Splits `0..<count` into chunks of at least `minimumChunk`, runs `body` on each chunk concurrently,
    /// and concatenates the per-chunk results in chunk order.
    static func map<T: Sendable>(count: Int, minimumChunk: Int = 64, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let chunks = perform(count: count, minimumChunk: minimumChunk, body)
        var out: [T] = []
        out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for c in chunks { out.append(contentsOf: c) }
        return out
    }

    /// Runs `body` for each of `count` items split into chunks, returning the per-chunk results in order.
    static func perform<T: Sendable>(count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard count > 0 else { return [] }
        let maxChunks = 32
        let chunkCount = max(1, min(maxChunks, count / max(1, minimumChunk)))
        let ranges = (0..<chunkCount).map { k in (count * k / chunkCount)..<(count * (k + 1) / chunkCount) }
        if chunkCount == 1 { return [body(ranges[0])] }
        let slots = Slots<T>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { k in slots.set(k, body(ranges[k])) }
        return slots.values()
    }

    /// Runs `count` independent jobs concurrently, returning their results in job order.
    static func jobs<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if count == 1 { return [body(0)] }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, body(k)) }
        return slots.values()
    }
}

/// Write-once result slots filled from concurrent iterations; each slot is written by exactly one iteration.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<T?>.allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    func values() -> [T] { (0..<count).compactMap { storage[$0] } }
}
