import LeverCompile

/// A book and a market snapshot laid out as the compiled program reads them: the snapshot in the
/// policy's asset order with the oracle rules applied, the positions as columns.
///
/// `MarginEngine.evaluate` builds one per evaluation; it is public so that a benchmark can build
/// it once and time only the compiled program (`MarginEngine.results(for:threads:)`).
public struct ProgramInputs: @unchecked Sendable {
    /// Per policy asset: the market columns the program's per-asset nodes read.
    public let market: ProgramMarket<Double>
    /// The positions and accounts as columns.
    public let book: ProgramBook<Double>
    let prepared: PreparedMarket
    let adapted: BookAdapter

    /// Per account, in book order: false when its input errors keep it from being evaluated.
    public var evaluable: [Bool] { adapted.evaluable }
    /// Per account, in book order: why it could not be evaluated, or what its numbers rest on
    /// (the notes `MarginEngine.evaluate` reports), so a caller that skips the report can say why.
    public var notes: [[AccountNote]] { adapted.notes }

    init(policy: CompiledPolicy, book: Book, market: MarketSnapshot) {
        prepared = PreparedMarket(policy: policy, market: market)
        adapted = BookAdapter(book: book, policy: policy, market: market, prepared: prepared)
        self.market = prepared.columns
        self.book = adapted.columns
    }

    init(prepared: PreparedMarket, adapted: BookAdapter) {
        (self.prepared, self.adapted) = (prepared, adapted)
        self.market = prepared.columns
        self.book = adapted.columns
    }
}

extension MarginEngine {
    /// The inputs of the same `book` under a new market snapshot (a price tick), for a service
    /// that re-margins a book on every move: the book's columns are reused, so only the per-asset
    /// market is laid out again, unless an option is held or the oracle rule now rejects a
    /// different set of assets (then the book is laid out again, as `programInputs` does).
    /// `book` must be the book `inputs` were made from. The results are those of
    /// `programInputs(book:market:)` for the new market.
    public func repriced(_ inputs: ProgramInputs, book: Book, market: MarketSnapshot) -> ProgramInputs {
        let prepared = PreparedMarket(policy: policy, market: market)
        guard let adapted = inputs.adapted.repriced(book: book, policy: policy, old: inputs.prepared, new: prepared) else {
            return programInputs(book: book, market: market)
        }
        return ProgramInputs(prepared: prepared, adapted: adapted)
    }
}

extension MarginEngine {
    /// Lays `book` and `market` out for the compiled program (input adaptation, done once).
    public func programInputs(book: Book, market: MarketSnapshot) -> ProgramInputs {
        ProgramInputs(policy: policy, book: book, market: market)
    }

    /// Runs the compiled program: the per-snapshot (per-asset) nodes once, then every account.
    /// Per output (`policy.outputs` order), per account in book order; the same at any thread count.
    /// A fixed-point policy runs its exact program; its results come back as the nearest `Double`s.
    public func results(for inputs: ProgramInputs, threads: Int = 1) -> [[Double]] {
        programResults(inputs, snapshot: policy.program.prepare(inputs.market), threads: threads).0
    }
}
