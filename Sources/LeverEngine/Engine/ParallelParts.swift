import Dispatch

/// Splits `0 ..< count` into at most `parts` contiguous ranges and computes `body` for each on
/// its own thread, returning the results in range order: work whose pieces are independent and
/// whose results are joined in order is the same at any thread count.
func inParallelParts<T>(_ count: Int, parts: Int, minimumPart: Int = 256, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let n = max(1, min(parts, count / max(minimumPart, 1)))
    guard n > 1 else { return [body(0..<count)] }
    let size = (count + n - 1) / n
    let ranges = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    let slots = UnsafeMutablePointer<T?>.allocate(capacity: ranges.count)
    slots.initialize(repeating: nil, count: ranges.count)
    defer {
        slots.deinitialize(count: ranges.count)
        slots.deallocate()
    }
    let shared = SendablePointer(slots)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
        (shared.pointer + i).pointee = body(ranges[i])
    }
    return (0..<ranges.count).map { slots[$0]! }
}

/// A pointer whose pointees each thread writes apart (one index per thread).
private struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
