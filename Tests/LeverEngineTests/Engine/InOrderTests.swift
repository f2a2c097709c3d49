import Foundation
import Testing
@testable import LeverEngine

/// `inOrder`, the pipeline streamed reports run on: every piece computed once, results handed
/// over in index order whatever the thread count and however uneven the pieces, never more
/// than two pieces a thread ahead of the consumer, and no piece still running once it returns,
/// even when the consumer throws.
@Suite struct InOrderTests {
    /// Counts pieces started and finished (from many threads).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0, finished = 0
        func start() { lock.withLock { started += 1 } }
        func finish() { lock.withLock { finished += 1 } }
        var counts: (started: Int, finished: Int) { lock.withLock { (started, finished) } }
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInOrderOnAnyThreadCount(_ threads: Int) {
        for count in [0, 1, 2, 5, 100] {
            let counter = Counter()
            var seen: [Int] = []
            inOrder(count, threads: threads, { i in
                counter.start()
                // Uneven pieces: every seventh is slow.
                if i % 7 == 3 { Thread.sleep(forTimeInterval: 0.002) }
                counter.finish()
                return i * i
            }, consume: { value in
                // Never more than two pieces a thread started ahead of the one consumed.
                #expect(counter.counts.started <= seen.count + 1 + 2 * max(threads, 1))
                seen.append(value)
            })
            #expect(seen == (0..<count).map { $0 * $0 }, "\(count) pieces, \(threads) threads")
            #expect(counter.counts.started == count && counter.counts.finished == count)
        }
    }

    struct Stop: Error {}

    @Test func aThrowingConsumerLeavesNothingRunning() {
        let counter = Counter()
        #expect(throws: Stop.self) {
            try inOrder(50, threads: 4, { i in
                counter.start()
                Thread.sleep(forTimeInterval: 0.001)
                counter.finish()
                return i
            }, consume: { value in
                if value == 3 { throw Stop() }
            })
        }
        let (started, finished) = counter.counts
        #expect(started == finished)
        #expect(started < 50)
    }
}
