import LeverCompile

/// One position's input values as the program reads them (codes for kinds and rights, years to
/// expiry, the option's model price and Greeks at the snapshot).
struct PositionRow {
    /// Indexed like `PositionInput.allCases`; inputs that do not apply to the kind stay 0.
    var values = [Double](repeating: 0, count: PositionInput.allCases.count)

    init(_ p: Position, market: MarketSnapshot) {
        self[.quantity] = p.quantity
        switch p {
        case .spot:
            self[.kind] = 0
        case .perpetual(let perp):
            self[.kind] = 1
            self[.entryPrice] = perp.entryPrice
        case .option(let o):
            self[.kind] = 2
            self[.right] = o.right == .call ? 0 : 1
            self[.strike] = o.strike
            let years = market.asOf.map { (o.expiry.secondsSinceEpoch - $0.secondsSinceEpoch) / 31_536_000 } ?? .nan
            self[.expiry] = years
            let quote = market[o.underlying]
            // Rates are zero: the policy's market carries no yield curve (documented in the README).
            let greeks = BlackScholes.valuation(OptionInputs(right: o.right, spot: quote?.price ?? .nan, strike: o.strike,
                                                             years: years, rate: 0, vol: quote?.vol ?? .nan))
            self[.optionPrice] = greeks.price
            self[.delta] = greeks.delta
            self[.gamma] = greeks.gamma
            self[.vega] = greeks.vega
            self[.theta] = greeks.theta
        }
    }

    subscript(_ input: PositionInput) -> Double {
        get { values[input.slot] }
        set { values[input.slot] = newValue }
    }
}

extension PositionInput {
    /// The input's index in `allCases` (column order of the book adapter), without hashing.
    var slot: Int {
        switch self {
        case .quantity: 0
        case .kind: 1
        case .right: 2
        case .entryPrice: 3
        case .strike: 4
        case .expiry: 5
        case .delta: 6
        case .gamma: 7
        case .vega: 8
        case .theta: 9
        case .optionPrice: 10
        }
    }
}
