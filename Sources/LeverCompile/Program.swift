import LeverNumerics
import Dispatch

/// A plan compiled to chained closures for one number type. Immutable and `Sendable`: compile
/// once, then evaluate any number of snapshots and books from any number of threads.
///
/// Evaluation has two phases. `prepare` runs the scalar and per-asset nodes once per market
/// snapshot (everything that depends only on assets and the market is hoisted there); `evaluate`
/// runs the account and position nodes over batches of accounts, one closure call per node per
/// batch, so dispatch is paid per batch and not per position.
public final class Program<N: MarginNumber>: @unchecked Sendable {
    public let plan: Plan
    let snapshotChain: Step<N>
    let batchChain: Step<N>
    /// Preferred positions per batch: columns of this many values stay in the L1/L2 caches.
    public let batchPositions: Int

    public init(_ plan: Plan, batchPositions: Int = 512) {
        self.plan = plan
        self.batchPositions = batchPositions
        let builder = StepBuilder<N>(plan: plan)
        snapshotChain = builder.chain { $0 <= .asset }
        batchChain = builder.chain { $0 > .asset }
    }

    /// Output names, in report order.
    public var outputNames: [String] { plan.outputs.map(\.name) }

    /// Runs the per-snapshot nodes.
    public func prepare(_ market: ProgramMarket<N>) -> Snapshot<N> {
        Snapshot(program: self, market: market)
    }

    /// Evaluates every account of the book. Results are per output, per account, in book order,
    /// and identical whatever the thread count (each account is computed independently).
    public func evaluate(_ book: ProgramBook<N>, snapshot: Snapshot<N>, threads: Int = 1) -> [[N]] {
        let outputs = plan.outputs.count
        let buffers = (0..<outputs).map { _ in
            let p = UnsafeMutablePointer<N>.allocate(capacity: max(book.accountCount, 1))
            p.initialize(repeating: N.zero, count: max(book.accountCount, 1))
            return p
        }
        let table = UnsafeMutablePointer<UnsafeMutablePointer<N>>.allocate(capacity: max(outputs, 1))
        for (i, b) in buffers.enumerated() { table[i] = b }
        let chunks = Self.split(accounts: book.accountCount, into: max(1, threads))
        let shared = UnsafeSendable(table)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let frame = Frame(program: self, snapshot: snapshot, book: book)
            frame.run(accounts: chunks[c], results: shared.value)
        }
        let results = buffers.map { Array(UnsafeBufferPointer(start: $0, count: book.accountCount)) }
        buffers.forEach { $0.deallocate() }
        table.deallocate()
        return results
    }

    static func split(accounts: Int, into parts: Int) -> [Range<Int>] {
        let size = (accounts + parts - 1) / max(parts, 1)
        guard size > 0 else { return [0..<0] }
        return stride(from: 0, to: accounts, by: size).map { $0..<min($0 + size, accounts) }
    }
}

/// Lets a pointer cross into `concurrentPerform`; each task writes disjoint account ranges.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

