import LeverCompile

/// Evaluates a compiled policy over books and market snapshots.
///
/// Immutable and `Sendable`: one engine serves any number of evaluations from any thread. Each
/// evaluation lays the snapshot out in the policy's asset order (with the oracle rules applied),
/// hoists the per-asset values once, then runs the compiled program over the book in batches.
public struct MarginEngine: Sendable {
    public let policy: CompiledPolicy
    public let identity: PolicyIdentity
    public let horizon: Double
    let valueForms: ReportValueForms
    /// When set, every evaluated account whose status does not meet the target gets a `remedy`
    /// in its report (`RemedyFinder`: about a thousand evaluations of the account each, so a
    /// report with remedies costs milliseconds per sick account). Nil by default.
    public var remedyTarget: Remedy.Target? = nil
    /// The policy's native code (`useNative`), which evaluates accounts in place of the closure
    /// program, with the same results; nil by default.
    public private(set) var native: NativeProgram? = nil

    /// Evaluates with the policy compiled to native code from now on (`NativeProgram`, built
    /// with `toolchain` or found in its cache); throws the reason when it cannot, and the engine
    /// keeps the closure program. A fixed-point policy has no native code (it compiles binary64).
    public mutating func useNative(toolchain: NativeToolchain? = nil) throws(NativeRefusal) {
        if let numbers = policy.exactProgram.map({ _ in policy.arithmetic.numbers }) {
            throw NativeRefusal("the policy computes in fixed point (`numbers = \(numbers)`); native code is binary64 only")
        }
        let found: NativeToolchain
        if let toolchain { found = toolchain } else { found = try NativeToolchain.find() }
        native = try NativeProgram(policy.program, toolchain: found)
    }

    public init(policy: CompiledPolicy, identity: PolicyIdentity, horizon: Double) {
        self.policy = policy
        self.identity = identity
        self.horizon = horizon
        valueForms = ReportValueForms(policy.outputs)
    }

    /// Evaluates every account of `book`; the result is the same at any thread count.
    public func evaluate(book: Book, market: MarketSnapshot, threads: Int = 1) -> Report {
        evaluate(programInputs(book: book, market: market), book: book, market: market, threads: threads)
    }

    /// The report from inputs laid out already (`programInputs`, or `repriced` after a price
    /// move), so a service re-margining one book pays the layout once. `book` and `market` must
    /// be the ones the inputs were made from.
    public func evaluate(_ inputs: ProgramInputs, book: Book, market: MarketSnapshot, threads: Int = 1) -> Report {
        let snapshot = policy.program.prepare(inputs.market)
        var report = header(market: market, issues: inputs.prepared.allIssues)
        report.accounts = accountReports(inputs, book: book, market: market, first: 0, snapshot: snapshot, threads: threads)
        return report
    }

    /// Evaluates `book` a chunk of at most `chunkSize` accounts at a time (laid out, evaluated and
    /// reported, then let go), handing each chunk's account reports to `body` in book order, with
    /// the accounts the loader rejected put back where they were in the file. Memory stays bounded
    /// by the chunk, whatever the book's size: this is how `lever eval` writes a report as it is
    /// computed. Returns the report without its accounts, its `tally` counted over all of them.
    /// The chunks, and so the accounts, are the same at any thread count. The default size keeps
    /// a chunk's account reports in the processor's cache while they are written and counted:
    /// with chunks of 16,384, a one-thread report ran a fifth slower, waiting on memory.
    public func evaluate(book: Book, market: MarketSnapshot, threads: Int = 1, chunkSize: Int = 2_048,
                         rejected: [RejectedAccount] = [], _ body: ([AccountReport]) throws -> Void) rethrows -> Report {
        try evaluate(book: book, market: market, threads: threads, chunkSize: chunkSize, rejected: rejected,
                     render: { accounts, _ in accounts }, body)
    }

    /// `evaluate(book:market:…, body)` with each chunk's account reports first turned by `render`
    /// into what `body` takes (a report's bytes, say), given the chunk's accounts and the place of
    /// its first among all the report's accounts. Chunks are laid out, evaluated, reported and
    /// rendered on up to `threads` threads, each chunk by one thread from start to end as soon as
    /// one is free, and handed to `body` in book order on the calling thread.
    public func evaluate<Rendered: Sendable>(
        book: Book, market: MarketSnapshot, threads: Int = 1, chunkSize: Int = 2_048, rejected: [RejectedAccount] = [],
        render: @escaping @Sendable (_ accounts: [AccountReport], _ place: Int) -> Rendered,
        _ body: (Rendered) throws -> Void
    ) rethrows -> Report {
        let statusColumn = policy.output("status")
        let placement = RejectedPlacement(rejected, accountCount: book.count)
        var tally = ReportTally()
        let prepared = try forEachChunk(of: book, market: market, chunkSize: chunkSize, threads: threads, { range, inputs, snapshot in
            let reports = range.isEmpty ? [] : accountReports(inputs, book: book, market: market, first: range.lowerBound,
                                                              snapshot: snapshot, threads: 1)
            let chunk = placement.merged(reports, accounts: range)
            return (render(chunk, placement.place(ofAccount: range.lowerBound)), ReportTally(chunk, statusColumn: statusColumn))
        }, consume: { rendered, chunkTally in
            tally.add(chunkTally)
            try body(rendered)
        })
        return header(market: market, issues: prepared.allIssues, tally: tally)
    }

    /// Lays out `book` in chunks of at most `chunkSize` accounts against one prepared market and
    /// computes `work` for each (its account range, inputs and snapshot), each chunk on one of
    /// `threads` threads as one comes free (`inOrder`), handing the results to `consume` in book
    /// order; an empty book is one empty chunk. When the book is smaller than `threads` full
    /// chunks, the chunks are made smaller so that every thread has one. Returns the prepared market.
    private func forEachChunk<T: Sendable>(of book: Book, market: MarketSnapshot, chunkSize: Int, threads: Int,
                                           _ work: @escaping @Sendable (Range<Int>, ProgramInputs, Snapshot<Double>) -> T,
                                           consume: (T) throws -> Void) rethrows -> PreparedMarket {
        let prepared = PreparedMarket(policy: policy, market: market)
        let snapshot = policy.program.prepare(prepared.columns)
        let ranges = Self.chunks(count: book.count, size: chunkSize, threads: threads)
        try inOrder(ranges.count, threads: threads, { [policy] i in
            let adapted = BookAdapter(book: book, policy: policy, market: market, prepared: prepared, accounts: ranges[i])
            return work(ranges[i], ProgramInputs(prepared: prepared, adapted: adapted), snapshot)
        }, consume: consume)
        return prepared
    }

    /// The account ranges of a book of `count` accounts taken at most `size` at a time, as even
    /// as the count allows and, when the book has enough accounts, as many as a multiple of
    /// `threads` (5 accounts on 4 threads are 3 ranges of 2, 2 and 1); one empty range for an
    /// empty book.
    static func chunks(count: Int, size: Int, threads: Int) -> [Range<Int>] {
        guard count > 0 else { return [0..<0] }
        let lanes = max(1, threads), size = max(1, size)
        var n = (count - 1) / size + 1  // no overflow for a size of Int.max
        // On several threads, at least sixteen chunks a thread when the book allows chunks of a
        // thousand accounts, so that the last one to finish leaves the others little to wait
        // for (with four, a thread sat idle for a tenth of a 100,000-account report).
        if lanes > 1 { n = max(n, min(16 * lanes, count / 1_024)) }
        n = min(count, (n + lanes - 1) / lanes * lanes)
        let even = (count + n - 1) / n
        return stride(from: 0, to: count, by: even).map { $0..<min($0 + even, count) }
    }

    /// The program's results for `inputs`, per output per account, and for a fixed-point policy
    /// the exact decimals reports print (its numbers come from its exact program).
    func programResults(_ inputs: ProgramInputs, snapshot: Snapshot<Double>, threads: Int) -> ([[Double]], [[String?]]?) {
        if let exact = exactResults(inputs, threads: threads) { return (exact.values, exact.texts) }
        if let native { return (native.evaluate(inputs.book, snapshot: snapshot, threads: threads), nil) }
        return (policy.program.evaluate(inputs.book, snapshot: snapshot, threads: threads), nil)
    }

    /// The report's header for `market`, known before any account is evaluated: the policy, the
    /// market's issues, no accounts and no tally (what JSON Lines writes on its first line).
    public func header(market: MarketSnapshot) -> Report {
        header(market: market, issues: PreparedMarket(policy: policy, market: market).allIssues)
    }

    /// A report without accounts: what every report of this engine says about itself and the
    /// market, with `tally` as its summary when the accounts are not held in it.
    private func header(market: MarketSnapshot, issues: [MarketIssue], tally: ReportTally? = nil) -> Report {
        var report = Report(policy: identity, asOf: market.asOf, horizon: horizon, outputs: policy.outputs,
                            accounts: [], marketIssues: issues)
        report.declaresFlags = !policy.flags.isEmpty
        report.tally = tally
        return report
    }

    /// The reports of the accounts `inputs` hold: accounts `first ..< first + n` of `book`.
    private func accountReports(_ inputs: ProgramInputs, book: Book, market: MarketSnapshot, first: Int,
                                snapshot: Snapshot<Double>, threads: Int) -> [AccountReport] {
        let adapted = inputs.adapted
        // A fixed-point policy's numbers come from its exact program; its per-asset values for
        // findings and liquidation plans from the `Double` snapshot.
        let (results, texts) = programResults(inputs, snapshot: snapshot, threads: threads)
        let store = book.store
        let planner = LiquidationPlanner(policy: policy, prices: inputs.market.inputs[.price] ?? [], snapshot: snapshot, store: store,
                                         haltedChains: market.haltedChains, quoted: inputs.market.inputs[.quotedPrice] ?? [])
        // Looked up once, not per account.
        let closeFactorOutput = policy.output("close_factor"), bonusOutput = policy.output("bonus")
        let statusOutput = policy.output("status")
        let findings = Findings(policy: policy, book: inputs.book, snapshot: snapshot, issues: inputs.prepared.issues,
                                inputIssues: inputs.prepared.inputIssues, freshness: ScoreFreshness(policy: policy, asOf: market.asOf))
        let remedies = remedyTarget.map { RemedyFinder(engine: self, market: market, target: $0) }
        // Each account's report is its own: built on as many threads as evaluated it, joined in order.
        let parts = inParallelParts(inputs.book.accountCount, parts: threads) { range in
            var accounts: [AccountReport] = []
            accounts.reserveCapacity(range.count)
            for a in range {
                var r = report(id: store.ids[first + a], index: a, results: results, exact: texts, adapted: adapted, status: statusOutput)
                if r.evaluated { findings.complete(&r, store: store, account: first + a, index: a, results: results) }
                if r.evaluated, let status = statusOutput, r.values[status] == .label("liquidatable") {
                    let closeFactor = closeFactorOutput.map { results[$0][a] } ?? 0.5
                    let bonus = bonusOutput.map { results[$0][a] } ?? 0
                    r.liquidation = planner.plan(store, account: first + a, closeFactor: closeFactor, accountBonus: bonus)
                }
                if r.evaluated, let remedies, let status = statusOutput, case .label(let word) = r.values[status] {
                    if !remedies.target.isMet(by: word) {
                        r.remedy = remedies.remedy(for: store.account(first + a), status: word)
                    } else if policy.remedies?.hedgeBand != nil {
                        // An account at the target still gets its delta hedges, when it needs any.
                        let remedy = remedies.remedy(for: store.account(first + a), status: word)
                        if !remedy.hedges.isEmpty { r.remedy = remedy }
                    }
                }
                accounts.append(r)
            }
            return accounts
        }
        return parts.count == 1 ? parts[0] : Array(parts.joined())
    }

    private func report(id: String, index a: Int, results: [[Double]], exact: [[String?]]?, adapted: BookAdapter,
                        status: Int?) -> AccountReport {
        var notes = adapted.notes[a]
        guard adapted.evaluable[a] else {
            return AccountReport(id: id, evaluated: false, values: [], notes: notes, liquidation: nil)
        }
        var values = policy.outputs.indices.map { o in valueForms.value(results[o][a], exact: exact?[o][a], output: o) }
        if let status, values[status] == .undefined { values[status] = .unvalued }
        var flags: [String] = []
        for flag in policy.flags {
            guard let raised = flag.raised(results, account: a) else {
                // Never silently unraised: the condition read an undefined value.
                notes.append(AccountNote(severity: .warning,
                                         message: "cannot tell whether flag `\(flag.template)` (\(flag.location)) is raised: its condition reads an undefined value"))
                continue
            }
            flags += raised
        }
        var report = AccountReport(id: id, evaluated: true, values: values, notes: notes, liquidation: nil)
        report.flags = flags
        return report
    }
}
