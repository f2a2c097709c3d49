#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Black–Scholes–Merton with a continuous dividend yield (Haug's generalised form, cost of carry
/// `r − q`): one implementation for the engine's `BlackScholes` (the values a position is
/// reported with) and the compiled option kernel (the values a scenario revalues), so a Greek
/// under `under(crash, delta)` and at the snapshot can never come from two formulas.
///
/// Units as in Haug's tables and QuantLib: vega and rho per 1.00 change (not per 1 %), theta per
/// year as ∂V/∂t (negative for decay), gamma per unit of spot.
///
/// - Unknown in, unknown out: any NaN input makes every value NaN (`max(0, NaN)` is 0, which
///   would value an option on an unpriced underlying at nothing).
/// - Expired (`years ≤ 0`), or a non-positive spot or strike: intrinsic value. Delta is the
///   exercise delta, ±1 strictly in the money and 0 at or out of it; every other Greek is 0.
/// - No diffusion (`vol · √years == 0`): the discounted forward payoff; N(d) becomes a step
///   (½ exactly at the money forward) and the density terms vanish, so gamma and vega are 0.
public enum BlackScholesMerton {
    /// A price and its sensitivities, per option unit.
    public struct Values: Sendable, Hashable {
        public var price, delta, gamma, vega, theta, rho, dividendRho: Double

        /// Every value NaN.
        public static let unknown = Values(price: .nan, delta: .nan, gamma: .nan, vega: .nan, theta: .nan, rho: .nan,
                                           dividendRho: .nan)
    }

    /// Price and Greeks of one option unit.
    public static func values(isCall: Bool, spot: Double, strike: Double, years: Double, vol: Double,
                              rate: Double, yield: Double) -> Values {
        if spot.isNaN || strike.isNaN || years.isNaN || vol.isNaN || rate.isNaN || yield.isNaN { return .unknown }
        let sign: Double = isCall ? 1 : -1
        guard years > 0, spot > 0, strike > 0 else {
            let inTheMoney = sign * (spot - strike) > 0
            return Values(price: max(0, sign * (spot - strike)), delta: inTheMoney ? sign : 0,
                          gamma: 0, vega: 0, theta: 0, rho: 0, dividendRho: 0)
        }
        let sqrtT = years.squareRoot(), spread = vol * sqrtT
        let carry = exp(-yield * years), discount = exp(-rate * years)
        let forwardLeg = spot * carry, strikeLeg = strike * discount
        let moneyness = log(spot / strike) + (rate - yield) * years
        let n1: Double, n2: Double, density: Double
        if spread > 0 {
            let d1 = moneyness / spread + spread / 2
            (n1, n2, density) = (NormalDistribution.cdf(sign * d1), NormalDistribution.cdf(sign * (d1 - spread)),
                                 NormalDistribution.pdf(d1))
        } else {
            let step: Double = moneyness * sign > 0 ? 1 : (moneyness == 0 ? 0.5 : 0)
            (n1, n2, density) = (step, step, 0)
        }
        let decay = spread > 0 ? -forwardLeg * density * vol / (2 * sqrtT) : 0
        return Values(
            price: sign * (forwardLeg * n1 - strikeLeg * n2),
            delta: sign * carry * n1,
            gamma: spread > 0 ? carry * density / (spot * spread) : 0,
            vega: forwardLeg * density * sqrtT,
            theta: decay + sign * (yield * forwardLeg * n1 - rate * strikeLeg * n2),
            rho: sign * strikeLeg * years * n2,
            dividendRho: -sign * forwardLeg * years * n1)
    }
}
