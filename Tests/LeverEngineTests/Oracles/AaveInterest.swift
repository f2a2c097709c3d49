@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave v3's interest factors in ray, to the last unit.

/// Aave v3 `MathUtils`: linear and compounded interest factors in ray, as the contract computes them.
///
/// `compoundedFactor` is the binomial approximation `1 + n·x + n(n−1)/2·x² + n(n−1)(n−2)/6·x³`
/// with `x = rate/SECONDS_PER_YEAR`, with the contract's exact truncations (v3.0–v3.3 form).
/// nil stands for an overflow of the 128-bit range (Aave's uint256 would not overflow first
/// only for rates × horizons far outside any market: rate·seconds must stay below 3.4e38).
public enum AaveInterest {
    /// Aave's `SECONDS_PER_YEAR` (365 days).
    public static let secondsPerYear = UInt128(InterestAccrual.secondsPerYear)

    /// `RAY + rate × elapsed ÷ SECONDS_PER_YEAR` (truncating): Aave's `calculateLinearInterest`.
    public static func linearFactor(rateRay: UInt128, elapsed: UInt128) -> UInt128? {
        let (product, overflow) = rateRay.multipliedReportingOverflow(by: elapsed)
        guard !overflow else { return nil }
        return WadRayMath.ray + product / secondsPerYear
    }

    /// Aave's `calculateCompoundedInterest`: exactly `RAY` when nothing elapsed.
    public static func compoundedFactor(rateRay: UInt128, elapsed: UInt128) -> UInt128? {
        if elapsed == 0 { return WadRayMath.ray }
        let expMinusOne = elapsed - 1
        let expMinusTwo = elapsed > 2 ? elapsed - 2 : 0
        guard let square = WadRayMath.rayMul(rateRay, rateRay),
              case let basePowerTwo = square / (secondsPerYear * secondsPerYear),
              let cube = WadRayMath.rayMul(basePowerTwo, rateRay),
              case let basePowerThree = cube / secondsPerYear,
              let pairs = mul(elapsed, expMinusOne),
              let second = mul(pairs, basePowerTwo),
              let triples = mul(pairs, expMinusTwo),
              let third = mul(triples, basePowerThree),
              let linear = mul(rateRay, elapsed),
              let partial = add(WadRayMath.ray + linear / secondsPerYear, second / 2) else { return nil }
        return add(partial, third / 6)
    }

    /// `a × b`, nil on overflow (allocation-free, unlike a variadic helper).
    static func mul(_ a: UInt128, _ b: UInt128) -> UInt128? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// `a + b`, nil on overflow.
    static func add(_ a: UInt128, _ b: UInt128) -> UInt128? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }
}
