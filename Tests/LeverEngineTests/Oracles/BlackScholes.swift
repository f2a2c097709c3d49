@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Black–Scholes–Merton prices and Greeks.


/// The inputs of a European option under generalized Black–Scholes–Merton (Haug's form).
///
/// Rates are continuous and annual; the dividend yield `q` gives cost of carry `b = r − q`
/// (q = r prices an option on a future). Time is in years of 365 days.
public struct OptionInputs: Sendable, Hashable {
    /// Call or put.
    public var right: OptionRight
    /// Underlying price.
    public var spot: Double
    /// Strike.
    public var strike: Double
    /// Time to expiry in years; ≤ 0 means expired.
    public var years: Double
    /// Risk-free rate.
    public var rate: Double
    /// Continuous dividend yield (or foreign rate).
    public var dividendYield: Double
    /// Annualised volatility.
    public var vol: Double

    /// Option inputs.
    public init(right: OptionRight, spot: Double, strike: Double, years: Double, rate: Double,
                dividendYield: Double = 0, vol: Double) {
        (self.right, self.spot, self.strike, self.years) = (right, spot, strike, years)
        (self.rate, self.dividendYield, self.vol) = (rate, dividendYield, vol)
    }
}

/// A price and its sensitivities.
///
/// Units as in Haug's tables and QuantLib: vega and rho per 1.00 change (not per 1%), theta per
/// year as ∂V/∂t (negative for decay; divide by 365 for a day), gamma per unit of spot.
public struct OptionValuation: Sendable, Hashable {
    /// Price.
    public var price: Double
    /// ∂V/∂S.
    public var delta: Double
    /// ∂²V/∂S².
    public var gamma: Double
    /// ∂V/∂σ.
    public var vega: Double
    /// ∂V/∂t (calendar time passing), per year.
    public var theta: Double
    /// ∂V/∂r.
    public var rho: Double
    /// ∂V/∂q: the sensitivity to the dividend (staking) yield.
    public var dividendRho: Double = 0
}

/// Black–Scholes–Merton with continuous dividend yield, with defined edge cases.
///
/// - Expired (`years ≤ 0`): settled at intrinsic value. Delta is the exercise delta: ±1 (call,
///   put) strictly in the money, where settlement is worth one unit of the underlying's move,
///   and 0 at or out of the money; every other Greek is 0.
/// - No diffusion (`vol · √years == 0`): the discounted forward payoff; N(d) becomes a step
///   (½ exactly at the money forward) and the density terms vanish, so gamma and vega are 0.
/// - Non-positive spot or strike: intrinsic value (such inputs are rejected upstream).
public enum BlackScholes {
    /// Price and Greeks.
    public static func valuation(_ o: OptionInputs) -> OptionValuation {
        let v = BlackScholesMerton.values(isCall: o.right == .call, spot: o.spot, strike: o.strike, years: o.years,
                                          vol: o.vol, rate: o.rate, yield: o.dividendYield)
        return OptionValuation(price: v.price, delta: v.delta, gamma: v.gamma, vega: v.vega, theta: v.theta, rho: v.rho,
                               dividendRho: v.dividendRho)
    }

    /// Price only.
    public static func price(_ o: OptionInputs) -> Double { valuation(o).price }

    /// `d1` and `d2`; infinite when there is no diffusion.
    public static func d1d2(_ o: OptionInputs) -> (d1: Double, d2: Double) {
        let spread = o.vol * o.years.squareRoot()
        let d1 = ((o.spot / o.strike).logarithm() + (o.rate - o.dividendYield) * o.years) / spread + spread / 2
        return (d1, d1 - spread)
    }
}
