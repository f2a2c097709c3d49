@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): dYdX v4 perpetual margin with open-interest scaling.

/// dYdX v4's initial-margin fraction scaled by market open interest, and its margin requirements.
///
/// Between the lower and upper open-interest caps the initial margin fraction rises linearly
/// from its base to 100%: `imf + (1 − imf)·(oi − lo)/(up − lo)`; the base applies at or below
/// `lo` (and when the caps are unset, `up == 0`), 100% at or above `up`. Maintenance is a
/// fraction of the *base* IMF and ignores open interest. Integer forms use ppm (1e6) with the
/// chain's floor/ceil; the generic form serves policies.
public enum OpenInterestIMF {
    /// The OI-adjusted initial margin fraction (ratios, e.g. 0.2 for 20%).
    @inlinable
    public static func adjusted<N: MarginNumber>(base: N, lowerCap: N, upperCap: N, openInterest: N) -> N {
        guard upperCap > .zero, openInterest > lowerCap else { return base }
        guard openInterest < upperCap else { return .one }
        return base + (N.one - base) * (openInterest - lowerCap) / (upperCap - lowerCap)
    }

    /// The OI-adjusted IMF in ppm, rounded down (`GetAdjustedInitialMarginPpm`).
    public static func adjustedPpm(basePpm: UInt128, lowerCap: UInt128, upperCap: UInt128, openInterest: UInt128) -> UInt128? {
        guard upperCap != 0, openInterest > lowerCap else { return basePpm }
        guard openInterest < upperCap, upperCap > lowerCap, basePpm <= 1_000_000 else { return 1_000_000 }
        return WadRayMath.mulDiv(1_000_000 - basePpm, openInterest - lowerCap, upperCap - lowerCap, .down).map { basePpm + $0 }
    }

    /// Maintenance margin ppm: `imf × maintenanceFraction ÷ 1e6`, rounded down.
    public static func maintenancePpm(initialPpm: UInt128, maintenanceFractionPpm: UInt128) -> UInt128? {
        WadRayMath.mulDiv(initialPpm, maintenanceFractionPpm, 1_000_000, .down)
    }

    /// A requirement: `notional × ppm ÷ 1e6`, rounded up.
    public static func requirement(notional: UInt128, ppm: UInt128) -> UInt128? {
        WadRayMath.mulDiv(notional, ppm, 1_000_000, .up)
    }

    /// Quote quantums of `|baseQuantums|` at `price`: `q × price × 10^(priceExponent + atomicResolution − quoteAtomicResolution)`, truncated.
    public static func notional(baseQuantums: UInt128, price: UInt128, priceExponent: Int, atomicResolution: Int,
                                quoteAtomicResolution: Int = -6) -> UInt128? {
        let power = priceExponent + atomicResolution - quoteAtomicResolution
        guard abs(power) <= 38, let scale = DecimalText.multiply(1, byPowerOfTen: abs(power)) else { return nil }
        return power >= 0 ? WadRayMath.mulDiv(baseQuantums, price, 1, .down).flatMap { WadRayMath.mulDiv($0, scale, 1, .down) }
                          : WadRayMath.mulDiv(baseQuantums, price, scale, .down)
    }

    /// Initial (OI-adjusted) and maintenance (base IMF × fraction, each step ceiled) requirements.
    public static func requirements(notional: UInt128, basePpm: UInt128, maintenanceFractionPpm: UInt128,
                                    adjustedPpm: UInt128) -> (initial: UInt128, maintenance: UInt128)? {
        guard let initial = requirement(notional: notional, ppm: adjustedPpm),
              let baseInitial = requirement(notional: notional, ppm: basePpm),
              let maintenance = requirement(notional: baseInitial, ppm: maintenanceFractionPpm) else { return nil }
        return (initial, maintenance)
    }
}
