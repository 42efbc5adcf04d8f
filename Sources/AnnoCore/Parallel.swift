#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Deterministic data parallelism: work is split into contiguous chunks whose results are joined in order,
/// so output never depends on thread scheduling.
public enum Parallel {
    /// The number of online cores.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Splits `0..<count` into contiguous ranges, runs `body` on each concurrently, and returns the results in
    /// range order. Runs inline when `count` is small.
    public static func mapChunks<T>(count: Int, minimumChunk: Int = 256, _ body: (Range<Int>) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(coreCount * 4, count / max(1, minimumChunk)))
        if chunks == 1 { return [body(0..<count)] }
        let slots = Slots<T>(count: chunks)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
                slots.set(chunk, box.value(range))
            }
        }
        return slots.values()
    }

    /// `mapChunks` with the per-chunk arrays concatenated in order.
    public static func map<T>(count: Int, minimumChunk: Int = 256, _ body: (Range<Int>) -> [T]) -> [T] {
        let chunks = mapChunks(count: count, minimumChunk: minimumChunk, body)
        var out: [T] = []
        out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for c in chunks { out.append(contentsOf: c) }
        return out
    }

    /// Runs `count` independent jobs concurrently and returns their results in job order.
    public static func jobs<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if count == 1 { return [body(0)] }
        let slots = Slots<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, box.value(k)) }
        }
        return slots.values()
    }
}

/// Result slots that concurrent workers fill, one slot per worker.
final class Slots<T>: @unchecked Sendable {
    private var items: [T?]
    private var mutex = pthread_mutex_t()

    init(count: Int) {
        items = Array(repeating: nil, count: count)
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func set(_ index: Int, _ value: T) {
        pthread_mutex_lock(&mutex)
        items[index] = value
        pthread_mutex_unlock(&mutex)
    }

    func values() -> [T] { items.compactMap { $0 } }
}

/// Carries a non-Sendable closure into `concurrentPerform`, which runs it only while the caller waits.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
