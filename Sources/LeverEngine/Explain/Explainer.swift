import LeverCompile
import LeverSyntax

/// Builds the derivation tree of an account's numbers from a trace of the compiled program.
///
/// The plan's named nodes (measures, standard results, properties per asset, table lookups,
/// curves, market inputs) become the tree; unnamed arithmetic between them is folded into the
/// rule texts shown. Only the cases that apply to the account's own assets and venues appear.
public struct Explainer {
    let engine: MarginEngine
    let sources: SourceMap

    public init(engine: MarginEngine, sources: SourceMap) {
        self.engine = engine
        self.sources = sources
    }

    /// The explanation of one account (`measure` nil: every output), or nil when the account is
    /// not in the book or the output does not exist.
    public func explain(account id: String, book: Book, market: MarketSnapshot, measure: String? = nil) -> Explanation? {
        guard let account = book.account(id: id) else { return nil }
        return explain(account, market: market, measure: measure)
    }

    /// The explanation of `account`, which need not come from a book (an account without
    /// positions explains values that depend on no account). `measure` may also name a probe
    /// (`CompileOptions.probes`). Nil when there is no such output.
    public func explain(_ account: Account, market: MarketSnapshot, measure: String? = nil) -> Explanation? {
        let plan = engine.policy.plan
        // The reported outputs, the requested probes and each runtime assertion under its own
        // text (its helper outputs and probes are named `assert …`, which no measure can be).
        let reported = plan.outputs.prefix(engine.policy.outputs.count).map { ($0.name, $0.node) }
        let probes = plan.probes.filter { !$0.name.hasPrefix("assert ") }.map { ($0.name, $0.node) }
        let assertions = engine.policy.assertions.map { ("assert \($0.text)", plan.outputs[$0.holds].node) }
        let named = (reported + probes + assertions).filter { measure == nil || $0.0 == measure }
        guard !named.isEmpty else { return nil }
        let (values, notes) = trace(account, market: market)
        var walk = TreeWalk(plan: plan, values: values, account: account, policy: engine.policy, sources: sources)
        let children = named.map { walk.explain($0.1, title: $0.0) }
        return Explanation(title: "account \(account.id)", value: "", detail: notes.joined(separator: "; "), children: children)
    }

    /// The value of a position-level probe for each of the account's positions, described as
    /// `ETH spot +10 @ venue`; nil when the plan has no such probe. A probe that turned out to
    /// depend only on the asset (or on nothing) was hoisted, so its value is looked up by the
    /// position's asset.
    public func positionValues(of probe: String, account: Account, market: MarketSnapshot)
        -> [(position: String, value: Double)]? {
        let policy = engine.policy
        guard let node = policy.plan.probes.first(where: { $0.name == probe })?.node else { return nil }
        let column = trace(account, market: market).values[node.index]
        return account.positions.enumerated().map { i, p in
            let index: Int?
            switch policy.plan[node].domain {
            case .scalar, .account: index = 0
            case .asset: index = policy.assets.firstIndex(of: p.asset)
            case .position: index = i
            }
            let value = index.flatMap { column.indices.contains($0) ? column[$0] : nil } ?? .nan
            return (TreeWalk.describe(p), value)
        }
    }

    /// Every plan node's values for one account (as `Program.trace` lays them out) and the
    /// notes the engine's input adaptation made about it (stale prices, unknown assets).
    private func trace(_ account: Account, market: MarketSnapshot) -> (values: [[Double]], notes: [String]) {
        let policy = engine.policy
        let prepared = PreparedMarket(policy: policy, market: market)
        let adapted = BookAdapter(book: Book(accounts: [account]), policy: policy, market: market, prepared: prepared)
        let snapshot = policy.program.prepare(prepared.columns)
        let values = policy.program.trace(adapted.columns, snapshot: snapshot, account: 0)
        return (values, adapted.notes[0].map(\.message))
    }
}
