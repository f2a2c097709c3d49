import Lever

/// The book and market a benchmark runs on: read from the workload's files, or the built-in
/// workload market and a generated book, in any mix.
public struct BenchInputs: Sendable {
    public var book: Book?
    public var market: MarketSnapshot?
    /// How the report names them.
    public var sources: BenchSources
    /// Why there is no book although the files read well (a market too small to generate one).
    public var problem: String?
    /// Problems found in the files (rendered with `files`).
    public var diagnostics: [Diagnostic]
    public var files: SourceMap

    /// Reads `marketPath` (else the built-in workload market), then `bookPath` (else generates
    /// `accounts` accounts with `seed`), its names checked against `policy` when given (else its
    /// assets against the market's), within `limits`. Throws only when a file cannot be read.
    ///
    /// For `Rules/portfolio_margin.lever` (`portfolio`), the built-in market and the generated
    /// book are a derivatives desk's (`PortfolioMarket`, `PortfolioBookGenerator`).
    public static func load(market marketPath: String?, book bookPath: String?, accounts: Int,
                            seed: UInt64 = BookGenerator.defaultSeed, policy: PolicyNames? = nil,
                            portfolio: Bool = false, limits: InputLimits = .standard) throws -> BenchInputs {
        var files = SourceMap()
        var diagnostics: [Diagnostic] = []
        var market: MarketSnapshot? = portfolio ? PortfolioMarket.snapshot : WorkloadMarket.snapshot
        if let marketPath {
            let loaded = try MarketLoader.load(path: marketPath, into: &files, options: LoadOptions(limits: limits))
            (market, diagnostics) = (loaded.value, loaded.diagnostics)
        }
        var book: Book?
        if let bookPath {
            let loaded = try BookLoader.load(path: bookPath, into: &files, policy: policy, market: market,
                                             options: LoadOptions(limits: limits))
            (book, diagnostics) = (loaded.value, diagnostics + loaded.diagnostics)
        } else if let market {
            book = portfolio ? PortfolioBookGenerator(seed: seed).book(accounts: accounts, market: market)
                : BookGenerator(seed: seed).book(accounts: accounts, market: market)
        }
        let sources = BenchSources(book: bookPath ?? "generated, seed \(seed)",
                                   market: marketPath ?? (portfolio ? "the desk's market, built in" : "the workload's market, built in"))
        let needs = portfolio ? "a priced BTC, ETH and USDC and an `as_of`"
            : "at least \(BookGenerator.positionsPerAccount) priced assets"
        let problem = book == nil && market != nil && diagnostics.isEmpty ? "cannot generate a book: the market needs \(needs)" : nil
        return BenchInputs(book: book, market: market, sources: sources, problem: problem, diagnostics: diagnostics,
                           files: files)
    }
}
