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

    public init(policy: CompiledPolicy, identity: PolicyIdentity, horizon: Double) {
        self.policy = policy
        self.identity = identity
        self.horizon = horizon
    }

    /// Evaluates every account of `book`; the result is the same at any thread count.
    public func evaluate(book: Book, market: MarketSnapshot, threads: Int = 1) -> Report {
        evaluate(programInputs(book: book, market: market), book: book, market: market, threads: threads)
    }

    /// The report from inputs laid out already (`programInputs`, or `repriced` after a price
    /// move), so a service re-margining one book pays the layout once. `book` and `market` must
    /// be the ones the inputs were made from.
    public func evaluate(_ inputs: ProgramInputs, book: Book, market: MarketSnapshot, threads: Int = 1) -> Report {
        let adapted = inputs.adapted
        let program = policy.program
        let snapshot = program.prepare(inputs.market)
        // A fixed-point policy's numbers come from its exact program; its per-asset values for
        // findings and liquidation plans from the `Double` snapshot.
        let exact = exactResults(inputs, threads: threads)
        let results = exact?.values ?? program.evaluate(inputs.book, snapshot: snapshot, threads: threads)
        let planner = LiquidationPlanner(policy: policy, prices: inputs.market.inputs[.price] ?? [], snapshot: snapshot)
        // Looked up once, not per account.
        let closeFactorOutput = policy.output("close_factor"), bonusOutput = policy.output("bonus")
        let statusOutput = policy.output("status")
        var accounts: [AccountReport] = []
        let store = book.store
        accounts.reserveCapacity(store.accountCount)
        let findings = Findings(policy: policy, book: inputs.book, snapshot: snapshot, issues: inputs.prepared.issues,
                                inputIssues: inputs.prepared.inputIssues)
        for a in 0..<store.accountCount {
            var r = report(id: store.ids[a], index: a, results: results, exact: exact?.texts, adapted: adapted, status: statusOutput)
            if r.evaluated { findings.complete(&r, account: store.account(a), index: a, results: results) }
            if r.evaluated, let status = statusOutput, r.values[status] == .label("liquidatable") {
                let closeFactor = closeFactorOutput.map { results[$0][a] } ?? 0.5
                let bonus = bonusOutput.map { results[$0][a] } ?? 0
                r.liquidation = planner.plan(for: store.account(a), closeFactor: closeFactor, accountBonus: bonus)
            }
            accounts.append(r)
        }
        var report = Report(policy: identity, asOf: market.asOf, horizon: horizon, outputs: policy.outputs,
                            accounts: accounts, marketIssues: inputs.prepared.allIssues)
        report.declaresFlags = !policy.flags.isEmpty
        return report
    }

    private func report(id: String, index a: Int, results: [[Double]], exact: [[String?]]?, adapted: BookAdapter,
                        status: Int?) -> AccountReport {
        var notes = adapted.notes[a]
        guard adapted.evaluable[a] else {
            return AccountReport(id: id, evaluated: false, values: [], notes: notes, liquidation: nil)
        }
        var values = policy.outputs.indices.map { o in
            Self.value(results[o][a], exact: exact?[o][a], kind: policy.outputs[o].kind)
        }
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

    static func value(_ x: Double, exact: String? = nil, kind: OutputKind) -> ReportValue {
        if x.isNaN { return .undefined }
        switch kind {
        case .number: return exact.map { .decimal(x, $0) } ?? .number(x)
        case .flag: return .flag(x != 0)
        case .label(let labels):
            let i = Int(x)
            return labels.indices.contains(i) ? .label(labels[i]) : .undefined
        }
    }
}
