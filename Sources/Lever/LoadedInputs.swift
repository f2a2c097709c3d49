/// A market snapshot and a book, loaded together so that a report can name both files (and,
/// without a policy to check the book's names against, the book is checked against the market).
public struct LoadedInputs: Sendable {
    /// Both files, for rendering the diagnostics (their messages start with the JSON path).
    public let sources: SourceMap
    /// Nil when the market failed to load.
    public let market: MarketSnapshot?
    /// Nil when the book failed to load; with `keepGoing`, bad accounts are in `book.rejected`.
    public let book: Book?
    /// Every problem found in either file.
    public let diagnostics: [Diagnostic]
    /// Where in `sources` the market's and the book's bytes are.
    let marketFile: Int?, bookFile: Int?
    /// The book's SHA-256 when it was taken while loading.
    var bookDigest: String?

    init(sources: SourceMap, market: MarketSnapshot?, book: Book?, diagnostics: [Diagnostic], marketFile: Int?,
         bookFile: Int?, bookDigest: String? = nil) {
        self.sources = sources
        self.market = market
        self.book = book
        self.diagnostics = diagnostics
        self.marketFile = marketFile
        self.bookFile = bookFile
        self.bookDigest = bookDigest
    }

    /// True when there is something to evaluate.
    public var isUsable: Bool { market != nil && book != nil }

    /// The inputs with only the account `id` (loaded or rejected); nil when the book has no
    /// such account.
    public func selecting(account id: String) -> LoadedInputs? {
        guard let book else { return nil }
        // By the ids alone: no other account is built.
        let ids = book.ids
        let accounts = ids.indices.filter { ids[$0] == id }.map { book.accounts[$0] }
        let rejected = book.rejected.filter { $0.id == id }.map {
            RejectedAccount(index: 0, id: $0.id, diagnostics: $0.diagnostics)
        }
        guard !accounts.isEmpty || !rejected.isEmpty else { return nil }
        return LoadedInputs(sources: sources, market: market, book: Book(accounts: accounts, rejected: rejected),
                            diagnostics: diagnostics, marketFile: marketFile, bookFile: bookFile, bookDigest: bookDigest)
    }

    /// SHA-256 of the book file's bytes, hashed from the copy read for loading (the file is not
    /// read again, so the digest is of exactly what was evaluated): taken while the book loaded
    /// when it loaded on several threads, else computed on each call, at memory speed (the
    /// README's Provenance section has measurements).
    public var bookSHA256: String? {
        bookDigest ?? bookFile.flatMap(sources.file).map { ContentDigest.sha256($0.bytes) }
    }

    /// SHA-256 of the market file's bytes, as `bookSHA256`.
    public var marketSHA256: String? { marketFile.flatMap(sources.file).map { ContentDigest.sha256($0.bytes) } }
}
