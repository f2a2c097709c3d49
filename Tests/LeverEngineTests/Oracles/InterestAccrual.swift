@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): interest accrued over a horizon.

/// Growth factors of a debt or deposit over a horizon, in the conventions lending markets use.
///
/// Which is which:
/// - `linearFactor`: `1 + r·t` — Aave's supply side (`calculateLinearInterest`), exact in any type.
/// - `perSecondFactor`: `(1 + r/31_536_000)^seconds` — what per-second compounding converges to
///   with exact arithmetic; computed as `exp(seconds · log1p(r/SPY))` in `Double`.
/// - `continuousFactor`: `exp(r·t)` — the continuous limit, for Black–Scholes-style carry.
/// - `AaveInterest.compoundedFactor` (raw ray) — Aave's borrow side: the 3-term binomial
///   approximation the contract uses, reproduced to the last unit in the exact mode; it slightly
///   undercharges relative to `perSecondFactor`.
/// Years have 365 days (31,536,000 s), as in Lever's units and Aave's `SECONDS_PER_YEAR`.
public enum InterestAccrual {
    /// Seconds in a 365-day year.
    public static let secondsPerYear = 31_536_000

    /// `1 + rate × years` (simple interest).
    @inlinable
    public static func linearFactor<N: MarginNumber>(rate: N, years: N) -> N {
        N.one + rate * years
    }

    /// `(1 + rate/secondsPerYear)^seconds`: compounding every second.
    ///
    /// `log1p` keeps the tiny per-second rate (≈ 1e-9) from losing digits to `1 +`.
    @inlinable
    public static func perSecondFactor(rate: Double, seconds: Double) -> Double {
        guard seconds > 0 else { return 1 }
        return (seconds * (rate / Double(secondsPerYear)).log1pValue).exponentialValue
    }

    /// `exp(rate × years)`: continuous compounding.
    @inlinable
    public static func continuousFactor<N: ContinuousNumber>(rate: N, years: N) -> N {
        (rate * years).exponential()
    }

    /// Interest on `principal` for a growth `factor`: `principal × (factor − 1)`.
    @inlinable
    public static func interest<N: MarginNumber>(principal: N, factor: N) -> N {
        principal * (factor - N.one)
    }
}
