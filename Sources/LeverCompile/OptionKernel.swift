#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeverNumerics

/// The Black–Scholes–Merton value of one option unit, as the compiled program revalues options
/// (also under each scenario's shocked price and volatility: full revaluation, not Greeks).
///
/// Continuous rate `r` and dividend yield `q` (cost of carry `r − q`), matching the engine's
/// `BlackScholes.valuation`, which a test checks on a grid. Expired options (`years ≤ 0`) and
/// non-positive prices are worth their intrinsic value; with no diffusion (`vol × √years == 0`)
/// the value is the discounted forward payoff.
enum OptionKernel {
    static func price(isCall: Bool, spot: Double, strike: Double, years: Double, vol: Double,
                      rate: Double, yield: Double) -> Double {
        let sign: Double = isCall ? 1 : -1
        // Unknown in, unknown out: `max(0, .nan)` is 0, which would value an option on an
        // unpriced underlying at nothing.
        if spot.isNaN || strike.isNaN || years.isNaN || vol.isNaN || rate.isNaN || yield.isNaN { return .nan }
        let intrinsic = max(0, sign * (spot - strike))
        guard years > 0, spot > 0, strike > 0 else { return intrinsic }
        let forward = spot * exp(-yield * years), discounted = strike * exp(-rate * years)
        let spread = vol * years.squareRoot()
        guard spread > 0 else { return max(0, sign * (forward - discounted)) }
        let d1 = (log(spot / strike) + (rate - yield) * years) / spread + spread / 2
        let d2 = d1 - spread
        return sign * (forward * NormalDistribution.cdf(sign * d1) - discounted * NormalDistribution.cdf(sign * d2))
    }
}
