import LeverCompile

/// One position's input values as the program reads them (codes for kinds and rights, years to
/// expiry, the option's model price and Greeks at the snapshot).
///
/// Stored fields, not an array: the adapter builds one per position of every book, and a heap
/// array each time cost more than evaluating the account.
struct PositionRow {
    var quantity = 0.0, kind = 0.0, right = 0.0, entryPrice = 0.0, strike = 0.0, expiry = 0.0
    var delta = 0.0, gamma = 0.0, vega = 0.0, theta = 0.0, rho = 0.0, dividendRho = 0.0, optionPrice = 0.0

    init(_ p: Position, market: MarketSnapshot) {
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
            let years = market.asOf.map { (o.expiry.secondsSinceEpoch - $0.secondsSinceEpoch) / 31_536_000 } ?? .nan
            expiry = years
            let quote = market[o.underlying]
            let carry = market.carry(quote)
            // A price of 0 or less is no quote (the oracle rules' invalid price): no value.
            let spot = quote?.price.flatMap { $0 > 0 ? $0 : nil } ?? .nan
            let greeks = BlackScholes.valuation(OptionInputs(right: o.right, spot: spot, strike: o.strike,
                                                             years: years, rate: carry.rate, dividendYield: carry.dividendYield,
                                                             vol: quote?.vol ?? .nan))
            optionPrice = greeks.price
            (delta, gamma, vega, theta) = (greeks.delta, greeks.gamma, greeks.vega, greeks.theta)
            (rho, dividendRho) = (greeks.rho, greeks.dividendRho)
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
        case .delta: delta
        case .gamma: gamma
        case .vega: vega
        case .theta: theta
        case .rho: rho
        case .dividendRho: dividendRho
        case .optionPrice: optionPrice
        }
    }
}
