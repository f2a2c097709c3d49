import Dispatch
import LeverSyntax

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
    let shared = UnsafeSendable(slots)  // each thread writes its own slot
    DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
        (shared.value + i).pointee = body(ranges[i])
    }
    return (0..<ranges.count).map { slots[$0]! }
}

/// Computes `work(i)` for every `i` in `0 ..< count` on up to `threads` threads, each as soon
/// as a thread is free and no more than two per thread ahead of the caller, and hands the
/// results to `consume` on the calling thread in index order: a long run of pieces of uneven
/// cost keeps every thread busy (no piece waits for the slowest of a group), the result is the
/// same at any thread count, and memory holds at most a few pieces' results. When `consume`
/// throws, the pieces already started are waited for before the error goes on.
func inOrder<T: Sendable>(_ count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> T,
                          consume: (T) throws -> Void) rethrows {
    let lanes = max(1, threads)
    guard lanes > 1, count > 1 else {
        for i in 0..<count { try consume(work(i)) }
        return
    }
    let slots = (0..<count).map { _ in PipelineSlot<T>() }
    let running = DispatchSemaphore(value: lanes)
    var submitted = 0
    func submit() {
        let slot = slots[submitted], i = submitted
        slot.done.enter()
        // The permit is taken here, so no worker thread is parked waiting for one; a piece
        // gives it back when it ends, consumed or not, so this wait always ends.
        running.wait()
        DispatchQueue.global().async {
            slot.value = work(i)
            running.signal()
            slot.done.leave()
        }
        submitted += 1
    }
    defer { for slot in slots[..<submitted] { slot.done.wait() } }
    while submitted < min(2 * lanes, count) { submit() }
    for i in 0..<count {
        slots[i].done.wait()
        let value = slots[i].value!  // set before `done` was left
        slots[i].value = nil
        if submitted < count { submit() }
        try consume(value)
    }
}

/// One piece's result, written by the thread that computed it before it leaves `done`, and
/// read by the consumer only after waiting on `done`.
private final class PipelineSlot<T>: @unchecked Sendable {
    let done = DispatchGroup()
    var value: T?
}
