import LeverNumerics
// LeverEngine formulas: Black–Scholes–Merton prices and Greeks.


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
        let sign: Double = o.right == .call ? 1 : -1
        // An unknown input (no usable price, a vol outside its declared range) is an unknown
        // value, never the intrinsic value of a zero-vol option.
        if o.spot.isNaN || o.strike.isNaN || o.years.isNaN || o.vol.isNaN || o.rate.isNaN || o.dividendYield.isNaN {
            return OptionValuation(price: .nan, delta: .nan, gamma: .nan, vega: .nan, theta: .nan, rho: .nan,
                                   dividendRho: .nan)
        }
        guard o.years > 0, o.spot > 0, o.strike > 0 else {
            let inTheMoney = sign * (o.spot - o.strike) > 0
            return OptionValuation(price: max(0, sign * (o.spot - o.strike)), delta: inTheMoney ? sign : 0,
                                   gamma: 0, vega: 0, theta: 0, rho: 0)
        }
        let t = o.years, sqrtT = t.squareRoot(), spread = o.vol * sqrtT
        let carry = (-o.dividendYield * t).exponentialValue, discount = (-o.rate * t).exponentialValue
        let (n1, n2, density) = terms(o, spread: spread)
        let forwardLeg = o.spot * carry, strikeLeg = o.strike * discount
        let price = sign * (forwardLeg * n1 - strikeLeg * n2)
        let decay = spread > 0 ? -forwardLeg * density * o.vol / (2 * sqrtT) : 0
        return OptionValuation(
            price: price,
            delta: sign * carry * n1,
            gamma: spread > 0 ? carry * density / (o.spot * spread) : 0,
            vega: forwardLeg * density * sqrtT,
            theta: decay + sign * (o.dividendYield * forwardLeg * n1 - o.rate * strikeLeg * n2),
            rho: sign * strikeLeg * t * n2,
            dividendRho: -sign * forwardLeg * t * n1)
    }

    /// Price only.
    public static func price(_ o: OptionInputs) -> Double { valuation(o).price }

    /// `d1` and `d2`; infinite when there is no diffusion.
    public static func d1d2(_ o: OptionInputs) -> (d1: Double, d2: Double) {
        let spread = o.vol * o.years.squareRoot()
        let d1 = ((o.spot / o.strike).logarithm() + (o.rate - o.dividendYield) * o.years) / spread + spread / 2
        return (d1, d1 - spread)
    }

    /// `N(±d1)`, `N(±d2)` (sign by right) and `φ(d1)`, with the no-diffusion limits.
    static func terms(_ o: OptionInputs, spread: Double) -> (Double, Double, Double) {
        let sign: Double = o.right == .call ? 1 : -1
        guard spread > 0 else {
            let moneyness = (o.spot / o.strike).logarithm() + (o.rate - o.dividendYield) * o.years
            let step: Double = moneyness * sign > 0 ? 1 : (moneyness == 0 ? 0.5 : 0)
            return (step, step, 0)
        }
        let (d1, d2) = d1d2(o)
        return (NormalDistribution.cdf(sign * d1), NormalDistribution.cdf(sign * d2), NormalDistribution.pdf(d1))
    }
}
