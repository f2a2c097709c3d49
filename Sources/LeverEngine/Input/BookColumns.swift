/// The book as columns (struct of arrays): what the compiled engine iterates.
///
/// Built once per (book, market) pair. Positions of account `a` are rows
/// `accountStart[a] ..< accountStart[a + 1]`; every per-position column has one entry per row.
/// Asset indexes are the market's (`MarketSnapshot.index(of:)`), so per-asset tables computed
/// once per snapshot are read with `table[asset[row]]`; -1 marks an asset the market lacks (the
/// account is then flagged). Columns that do not apply to a row's kind hold NaN (or `none`).
/// Int32 indexes keep the hot columns small: 10 positions cost 10 × (4 + 8 + 1 + 4) bytes.
public struct BookColumns: Sendable {
    /// Account ids, in book order.
    public var accountIDs: [String]
    /// Reputation score per account.
    public var score: [Double]
    /// Loader flags per account (`unknownAsset`).
    public var flags: [AccountFlags]
    /// Row offsets: `accountStart.count == accountIDs.count + 1`, last entry = row count.
    public var accountStart: [Int32]

    /// Market asset index per row, or -1.
    public var asset: [Int32]
    /// Signed amount: spot quantity (negative = borrowed), perpetual or option size.
    public var quantity: [Double]
    /// Position kind per row.
    public var kind: [PositionKind]
    /// Index into `venues` per row, or -1 when unspecified.
    public var venue: [Int32]
    /// Perpetual entry price (NaN otherwise).
    public var entryPrice: [Double]
    /// Option strike (NaN otherwise).
    public var strike: [Double]
    /// Option expiry in seconds since the epoch (NaN otherwise).
    public var expiry: [Double]
    /// Option right (nil otherwise).
    public var right: [OptionRight?]
    /// Venue names in order of first appearance (market venues first, then the book's).
    public var venues: [String]

    /// Number of positions (rows).
    public var rowCount: Int { asset.count }
    /// Number of accounts.
    public var accountCount: Int { accountIDs.count }

    /// The rows of account `a`.
    public func rows(ofAccount a: Int) -> Range<Int> { Int(accountStart[a])..<Int(accountStart[a + 1]) }
}

extension BookColumns {
    /// Lays out `book` against `market`. The row count must fit in Int32 (2^31 positions).
    public init(book: Book, market: MarketSnapshot) {
        let rows = book.accounts.reduce(0) { $0 + $1.positions.count }
        accountIDs = book.ids
        score = book.accounts.map(\.score)
        flags = book.accounts.map(\.flags)
        accountStart = [0]
        accountStart.reserveCapacity(book.accounts.count + 1)
        asset = []; quantity = []; kind = []; venue = []; entryPrice = []; strike = []; expiry = []; right = []
        quantity.reserveCapacity(rows); entryPrice.reserveCapacity(rows); strike.reserveCapacity(rows)
        expiry.reserveCapacity(rows); asset.reserveCapacity(rows); kind.reserveCapacity(rows)
        venue.reserveCapacity(rows); right.reserveCapacity(rows)
        venues = market.venues.map(\.venue)
        var venueIndex: [String: Int32] = [:]
        for (i, v) in venues.enumerated() where venueIndex[v] == nil { venueIndex[v] = Int32(i) }
        for account in book.accounts {
            for p in account.positions { append(p, market: market, venueIndex: &venueIndex) }
            accountStart.append(Int32(truncatingIfNeeded: asset.count))
        }
    }

    private mutating func append(_ p: Position, market: MarketSnapshot, venueIndex: inout [String: Int32]) {
        asset.append(market.index(of: p.asset).map { Int32($0) } ?? -1)
        quantity.append(p.quantity)
        kind.append(p.kind)
        venue.append(p.venue.map { intern($0, &venueIndex) } ?? -1)
        switch p {
        case .spot:
            entryPrice.append(.nan); strike.append(.nan); expiry.append(.nan); right.append(nil)
        case .perpetual(let perp):
            entryPrice.append(perp.entryPrice); strike.append(.nan); expiry.append(.nan); right.append(nil)
        case .option(let o):
            entryPrice.append(.nan); strike.append(o.strike); expiry.append(o.expiry.secondsSinceEpoch); right.append(o.right)
        }
    }

    private mutating func intern(_ name: String, _ index: inout [String: Int32]) -> Int32 {
        if let i = index[name] { return i }
        let i = Int32(venues.count)
        venues.append(name)
        index[name] = i
        return i
    }
}
