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
        guard let account = book.accounts.first(where: { $0.id == id }) else { return nil }
        let policy = engine.policy
        let single = Book(accounts: [account])
        let prepared = PreparedMarket(policy: policy, market: market)
        let adapted = BookAdapter(book: single, policy: policy, market: market, prepared: prepared)
        let snapshot = policy.program.prepare(prepared.columns)
        let values = policy.program.trace(adapted.columns, snapshot: snapshot, account: 0)
        var walk = TreeWalk(plan: policy.plan, values: values, account: account, policy: policy, sources: sources)
        let outputs = policy.plan.outputs.filter { measure == nil || $0.name == measure }
        guard !outputs.isEmpty else { return nil }
        let children = outputs.map { walk.explain($0.node, title: $0.name) }
        let notes = adapted.notes[0].map(\.message)
        return Explanation(title: "account \(id)", value: "", detail: notes.joined(separator: "; "), children: children)
    }
}
