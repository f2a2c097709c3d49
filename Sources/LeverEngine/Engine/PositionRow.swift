import LeverCompile

/// One position's input values as the program reads them (codes for kinds and rights, years to
/// expiry). An option's model price and Greeks are not inputs: the program values them from the
/// prepared market (`OptionOutput`), so the snapshot and every scenario use one formula and one
/// quote, and laying out a book prices nothing.
///
/// Stored fields, not an array: the adapter builds one per position of every book, and a heap
/// array each time cost more than evaluating the account.
struct PositionRow {
    var quantity = 0.0, kind = 0.0, right = 0.0, entryPrice = 0.0, strike = 0.0, expiry = 0.0

    init(_ p: Position, asOf: Timestamp?) {
        quantity = p.quantity
        switch p {
        case .spot:
            kind = 0
        case .perpetual(let perp):
            kind = 1
            entryPrice = perp.entryPrice
        case .option(let o):
            kind = 2
            right = o.right == .call ? 0 : 1
            strike = o.strike
            expiry = asOf.map { (o.expiry.secondsSinceEpoch - $0.secondsSinceEpoch) / 31_536_000 } ?? .nan
        }
    }

    /// The value of one input.
    subscript(_ input: PositionInput) -> Double {
        switch input {
        case .quantity: quantity
        case .kind: kind
        case .right: right
        case .entryPrice: entryPrice
        case .strike: strike
        case .expiry: expiry
        // Not the position's own: the adapter derives them from the account (`BookAdapter`).
        case .chain, .crossChain, .bridgeHalted: .nan
        }
    }
}
