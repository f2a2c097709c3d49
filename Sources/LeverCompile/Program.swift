import LeverNumerics
import LeverSyntax
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

    /// The program for batches of spot balances only (`Plan.specialized(.kind, as: 0)`): most
    /// books are mostly spot, and such a batch runs none of the steps of perpetuals and options,
    /// and decides once what a position's kind decides. The same results, bit for bit; nil for
    /// a plan that does not read the kind, and for exact number types.
    let spot: Program<N>?

    public convenience init(_ plan: Plan, batchPositions: Int = 512) {
        self.init(plan, batchPositions: batchPositions, specializing: true)
    }

    /// - Parameters:
    ///   - specializing: build the spot program (the whole program does).
    ///   - fusingGathers: fuse gathers into the operations that read them (the spot program, which
    ///     is never traced, does: `StepBuilder`).
    init(_ plan: Plan, batchPositions: Int = 512, specializing: Bool, fusingGathers: Bool = false) {
        self.plan = plan
        self.batchPositions = batchPositions
        let builder = StepBuilder<N>(plan: plan, fusingGathers: fusingGathers)
        snapshotChain = builder.chain { $0 <= .asset }
        batchChain = builder.chain { $0 > .asset }
        if specializing, N.self == Double.self, let special = plan.specialized(.kind, as: 0) {
            spot = Program(special, batchPositions: batchPositions, specializing: false, fusingGathers: true)
        } else {
            spot = nil
        }
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
        collect(accounts: book.accountCount, threads: threads) { chunk, results in
            Frame(program: self, snapshot: snapshot, book: book).run(accounts: chunk, results: results)
        }
    }

    /// The result arrays of `accounts` accounts, per output, written in place by `run` on each
    /// of `threads` even chunks of the accounts at once (given the chunk and the arrays' bases).
    func collect(accounts: Int, threads: Int,
                 run: @escaping @Sendable (Range<Int>, UnsafeMutablePointer<UnsafeMutablePointer<N>>) -> Void) -> [[N]] {
        let outputs = plan.outputs.count
        guard outputs > 0, accounts > 0 else { return Array(repeating: [], count: outputs) }
        let table = UnsafeMutablePointer<UnsafeMutablePointer<N>>.allocate(capacity: outputs)
        defer { table.deallocate() }
        let chunks = Self.split(accounts: accounts, into: max(1, threads))
        let shared = UnsafeSendable(table)
        return results(from: 0, accounts: accounts, table: table) {
            DispatchQueue.concurrentPerform(iterations: chunks.count) { c in run(chunks[c], shared.value) }
        }
    }

    /// Outputs whose arrays `results(from:…)` creates nested in one another; each level is a stack
    /// frame, so a policy with more outputs (thousands of measures) has the rest written into
    /// buffers of their own and copied (`copiedResults`).
    static var maxNestedOutputs: Int { 256 }

    /// The result arrays of outputs `k…`, written in place: array `k` is created, and inside its
    /// initialiser the later ones, so that `run` (innermost) sees every array's storage in `table`.
    /// No second buffer, no copy and no element-wise generic initialisation: `Frame` writes every
    /// account of every output (for a type that is not trivial the storage is zeroed first).
    private func results(from k: Int, accounts: Int, table: UnsafeMutablePointer<UnsafeMutablePointer<N>>,
                         run: () -> Void) -> [[N]] {
        var later: [[N]] = []
        let array = [N](unsafeUninitializedCapacity: accounts) { buffer, initialized in
            if !_isPOD(N.self) { buffer.initialize(repeating: N.zero) }
            table[k] = buffer.baseAddress!
            if k + 1 == plan.outputs.count {
                run()
            } else if k + 1 < Self.maxNestedOutputs {
                later = results(from: k + 1, accounts: accounts, table: table, run: run)
            } else {
                later = copiedResults(from: k + 1, accounts: accounts, table: table, run: run)
            }
            initialized = accounts
        }
        return [array] + later
    }

    /// The result arrays of outputs `k…` written into buffers of their own, then copied: the
    /// outputs beyond `maxNestedOutputs`.
    private func copiedResults(from k: Int, accounts: Int, table: UnsafeMutablePointer<UnsafeMutablePointer<N>>,
                               run: () -> Void) -> [[N]] {
        let buffers = (k..<plan.outputs.count).map { _ in UnsafeMutableBufferPointer<N>.allocate(capacity: accounts) }
        defer {
            for buffer in buffers {
                _ = buffer.deinitialize()
                buffer.deallocate()
            }
        }
        for (i, buffer) in buffers.enumerated() {
            buffer.initialize(repeating: N.zero)
            table[k + i] = buffer.baseAddress!
        }
        run()
        return buffers.map { Array($0) }
    }

    static func split(accounts: Int, into parts: Int) -> [Range<Int>] {
        let size = (accounts + parts - 1) / max(parts, 1)
        guard size > 0 else { return [0..<0] }
        return stride(from: 0, to: accounts, by: size).map { $0..<min($0 + size, accounts) }
    }
}

