import LeverNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thread's scratch space: a column per account- and position-level node, sized for one batch.
///
/// Allocated page-aligned so two threads' frames never share a cache line (TOOLCHAIN.md §4,
/// trap 3), and reused for every batch the thread runs.
final class Frame<N: MarginNumber> {
    let program: Program<N>
    let book: ProgramBook<N>
    let columns: UnsafeMutablePointer<UnsafeMutablePointer<N>>
    /// The columns' memory, allocated when a batch first needs it (`prepareColumns`).
    private var storage: UnsafeMutableRawPointer?
    let positionCapacity: Int
    let accountCapacity: Int
    let resultTable: UnsafeMutablePointer<UnsafeMutablePointer<N>>
    /// Batch-relative position offsets of the batch's accounts (`accountCapacity + 1`), reused.
    let starts: UnsafeMutablePointer<Int32>
    let snapshot: Snapshot<N>
    /// The kind column the plan reads (`bindInputs` reads the side column for a book without one).
    private let kinds: UnsafeMutablePointer<N>
    /// Whether batches of spot balances run the spot program (not for a trace, which reads
    /// every node of the whole program).
    private let specialized: Bool
    /// The spot program's frame, made when a batch of spot balances first comes.
    private lazy var spotFrame: Frame<N>? = program.spot.flatMap { spot in
        snapshot.spot.map { Frame(program: spot, snapshot: $0, book: book, capacity: positionCapacity) }
    }

    /// - Parameter capacity: the positions (and accounts) a batch may hold; by default what the
    ///   plan's size allows. The spot program's frame takes its whole program's batches.
    init(program: Program<N>, snapshot: Snapshot<N>, book: ProgramBook<N>, specialized: Bool = true, capacity: Int? = nil) {
        self.specialized = specialized
        self.program = program
        self.book = book
        self.snapshot = snapshot
        kinds = book.positionColumns[.kind] ?? book.side
        let plan = program.plan
        // A policy of a million steps would need a million columns of `batchPositions` rows per
        // thread: batches shrink so that the columns stay within `maxColumnBytes`, except that a
        // batch always holds the largest account.
        let fitting = max(1, Self.maxColumnBytes / (max(plan.nodes.count, 1) * MemoryLayout<N>.stride))
        positionCapacity = capacity ?? max(min(program.batchPositions, fitting), book.largestAccount, 1)
        accountCapacity = positionCapacity
        columns = .allocate(capacity: max(plan.nodes.count, 1))
        resultTable = .allocate(capacity: max(plan.outputs.count, 1))
        starts = .allocate(capacity: accountCapacity + 1)
        for (i, node) in plan.nodes.enumerated() where node.domain <= .asset { columns[i] = snapshot.columns[i] }
    }

    /// Allocates the account and position columns and writes their first values (zeros): a
    /// frame whose batches all run the spot program never needs its own, so they are made when
    /// a batch first does.
    private func prepareColumns() {
        let plan = program.plan
        let perNode = max(positionCapacity, accountCapacity) * MemoryLayout<N>.stride
        var raw: UnsafeMutableRawPointer?
        posix_memalign(&raw, 4096, max(plan.nodes.count, 1) * perNode + 4096)
        guard let memory = raw else { fatalError("out of memory for a batch's columns") }
        storage = memory
        for (i, node) in plan.nodes.enumerated() where node.domain > .asset {
            let column = (memory + i * perNode).bindMemory(to: N.self, capacity: positionCapacity)
            column.initialize(repeating: N.zero, count: positionCapacity)
            columns[i] = column
        }
    }

    /// Scratch memory for one thread's columns beyond which batches get smaller (a workload
    /// policy of a few hundred steps is far below it and keeps its batches).
    static var maxColumnBytes: Int { 64 << 20 }

    deinit {
        free(storage)  // nil: nothing
        columns.deallocate()
        resultTable.deallocate()
        starts.deallocate()
    }

    /// Evaluates `accounts` in batches of about `positionCapacity` positions.
    func run(accounts: Range<Int>, results: UnsafeMutablePointer<UnsafeMutablePointer<N>>) {
        var first = accounts.lowerBound
        while first < accounts.upperBound {
            var last = first + 1
            let base = Int(book.accountStart[first])
            while last < accounts.upperBound, last - first < accountCapacity,
                  Int(book.accountStart[last + 1]) - base <= positionCapacity { last += 1 }
            runBatch(first..<last, results: results)
            first = last
        }
    }

    private func runBatch(_ batch: Range<Int>, results: UnsafeMutablePointer<UnsafeMutablePointer<N>>) {
        let p0 = Int(book.accountStart[batch.lowerBound])
        let pCount = Int(book.accountStart[batch.upperBound]) - p0
        if specialized, program.spot != nil, Self.allZero(UnsafeRawPointer(kinds + p0), count: pCount), let spotFrame {
            spotFrame.runBatch(batch, results: results)
            return
        }
        if storage == nil { prepareColumns() }
        bindInputs(accountOffset: batch.lowerBound, positionOffset: p0)
        for j in 0..<program.plan.outputs.count { resultTable[j] = results[j] + batch.lowerBound }
        for (k, a) in (batch.lowerBound...batch.upperBound).enumerated() { starts[k] = book.accountStart[a] - Int32(p0) }
        var exec = Exec<N>(columns: columns, counts: (1, 0, batch.count, pCount),
                           positionAsset: UnsafePointer(book.positionAsset + p0),
                           positionVenue: UnsafePointer(book.positionVenue + p0),
                           accountStart: UnsafePointer(starts), results: resultTable)
        program.batchChain(&exec)
    }

    /// Whether `count` binary64 values are all +0 (every position a spot balance): the words
    /// compared as integers, in code that is not generic over the number type (this class's
    /// methods are not specialised, and a generic comparison per position cost a tenth of the
    /// evaluation). Only a binary64 program has a spot program.
    private static func allZero(_ values: UnsafeRawPointer, count: Int) -> Bool {
        let words = values.assumingMemoryBound(to: UInt64.self)
        var any: UInt64 = 0
        for i in 0..<count { any |= words[i] }
        return any == 0
    }

    /// Points the input nodes at the book's columns for this batch.
    private func bindInputs(accountOffset a0: Int, positionOffset p0: Int) {
        for (i, node) in program.plan.nodes.enumerated() {
            switch node.op {
            case .positionInput(let input): columns[i] = (book.positionColumns[input] ?? book.side) + p0
            case .side: columns[i] = book.side + p0
            case .positionKey(.asset): columns[i] = book.assetKey + p0
            case .positionKey(.venue): columns[i] = book.venueKey + p0
            case .accountInput(let input): if let c = book.accountColumns[input] { columns[i] = c + a0 }
            default: break
            }
        }
    }
}
