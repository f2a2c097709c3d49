#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Black–Scholes value of one option unit, as the compiled program revalues options (also
/// under each scenario's shocked price and volatility: full revaluation, not Greeks).
///
/// Rates and carry are zero (the market snapshot has no yield curve), matching the engine's
/// `BlackScholes.valuation` with `rate: 0`, which a test checks on a grid. Expired options
/// (`years ≤ 0`) and non-positive prices are worth their intrinsic value; with no diffusion
/// (`vol × √years == 0`) the value is the forward payoff.
enum OptionKernel {
    static func price(isCall: Bool, spot: Double, strike: Double, years: Double, vol: Double) -> Double {
        let sign: Double = isCall ? 1 : -1
        let intrinsic = max(0, sign * (spot - strike))
        guard years > 0, spot > 0, strike > 0 else { return intrinsic }
        let spread = vol * years.squareRoot()
        guard spread > 0 else { return intrinsic }
        let d1 = log(spot / strike) / spread + spread / 2
        let d2 = d1 - spread
        return sign * (spot * cdf(sign * d1) - strike * cdf(sign * d2))
    }

    /// Φ(x) = erfc(−x ÷ √2) ÷ 2, accurate in both tails.
    static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}
