import LeverNumerics

/// What the option kernel computes for each option position: its model price or one Greek,
/// per unit (`BlackScholesMerton`). At the snapshot the adapter supplies them as position
/// inputs; a scenario revalues them with the shocked price, volatility, rate and yield.
public enum OptionOutput: String, Sendable, Hashable, CaseIterable {
    case price, delta, gamma, vega, theta, rho
    case dividendRho = "dividend_rho"

    /// The output a position field names (`delta`, …), or nil for a field that is no Greek.
    public init?(field: String) {
        guard let output = OptionOutput(rawValue: field), output != .price else { return nil }
        self = output
    }
}

/// One value of one option unit, as the compiled program revalues options (under each
/// scenario's shocked market: full revaluation, not a Greek approximation).
enum OptionKernel {
    static func value(_ output: OptionOutput, isCall: Bool, spot: Double, strike: Double, years: Double, vol: Double,
                      rate: Double, yield: Double) -> Double {
        let v = BlackScholesMerton.values(isCall: isCall, spot: spot, strike: strike, years: years, vol: vol,
                                          rate: rate, yield: yield)
        switch output {
        case .price: return v.price
        case .delta: return v.delta
        case .gamma: return v.gamma
        case .vega: return v.vega
        case .theta: return v.theta
        case .rho: return v.rho
        case .dividendRho: return v.dividendRho
        }
    }
}
