import LeverCompile

/// One position's input values as the program reads them (codes for kinds and rights, years to
/// expiry, the option's model price and Greeks at the snapshot).
struct PositionRow {
    var values: [PositionInput: Double] = [:]

    init(_ p: Position, market: MarketSnapshot) {
        values[.quantity] = p.quantity
        switch p {
        case .spot:
            values[.kind] = 0
        case .perpetual(let perp):
            values[.kind] = 1
            values[.entryPrice] = perp.entryPrice
        case .option(let o):
            values[.kind] = 2
            values[.right] = o.right == .call ? 0 : 1
            values[.strike] = o.strike
            let years = market.asOf.map { (o.expiry.secondsSinceEpoch - $0.secondsSinceEpoch) / 31_536_000 } ?? .nan
            values[.expiry] = years
            let quote = market[o.underlying]
            // Rates are zero: the policy's market carries no yield curve (documented in the README).
            let greeks = BlackScholes.valuation(OptionInputs(right: o.right, spot: quote?.price ?? .nan, strike: o.strike,
                                                             years: years, rate: 0, vol: quote?.vol ?? .nan))
            values[.optionPrice] = greeks.price
            values[.delta] = greeks.delta
            values[.gamma] = greeks.gamma
            values[.vega] = greeks.vega
            values[.theta] = greeks.theta
        }
    }

    func value(_ input: PositionInput) -> Double { values[input] ?? 0 }
}
