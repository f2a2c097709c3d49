@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): weights that shrink (assets) or grow (liabilities) with position size.

/// Size-scaled margin weights: the FTX "IMF" rule as Drift v2 applies it to spot markets.
///
/// A large position cannot be liquidated at the screen price, so its collateral weight falls
/// and its liability weight rises with √size: asset `min(w, 1.1 ÷ (1 + imf·√size))`,
/// liability `max(w, 0.8·w + imf·√size)`, with size in tokens and `imf` the IMF factor
/// (Drift's `imf_factor ÷ 1e6`). `DriftWeight` is the same rule in Drift's integers.
public enum SizeScaledWeight {
    /// The collateral weight of `size` tokens: never above `base`.
    @inlinable
    public static func asset<N: MarginNumber>(base: N, imf: N, size: N) -> N {
        guard imf > .zero else { return base }
        let discounted = N(ratio: 11, 10) / (N.one + imf * size.squareRoot())
        return N.minimum(base, discounted)
    }

    /// The liability weight of `size` tokens: never below `base`.
    @inlinable
    public static func liability<N: MarginNumber>(base: N, imf: N, size: N) -> N {
        guard imf > .zero else { return base }
        let premium = base * N(ratio: 4, 5) + imf * size.squareRoot()
        return N.maximum(base, premium)
    }
}

/// Drift v2's size-scaled spot weights in its integer precisions, to the last unit.
///
/// Sizes are token amounts in 1e9 precision, IMF factors in 1e6, weights in 1e4
/// (`calculate_size_discount_asset_weight`, `calculate_size_premium_liability_weight`);
/// `isqrt(size·10 + 1)` brings the 1e9 size to a 1e5 square root.
public enum DriftWeight {
    /// `min(w, 1.1e6·1e4 ÷ (1e6 + isqrt(size·10+1)·imf ÷ 1e5))`.
    public static func asset(size1e9: UInt128, imfFactor: UInt128, baseWeight: UInt128) -> UInt128? {
        guard imfFactor != 0 else { return baseWeight }
        guard let root = root(size1e9), let scaled = mul(root, imfFactor) else { return nil }
        let discounted = UInt128(11_000_000_000) / (1_000_000 + scaled / 100_000)
        return min(baseWeight, discounted)
    }

    /// `max(w, w − w/5 + isqrt(size·10+1)·imf ÷ 1e7)`.
    public static func liability(size1e9: UInt128, imfFactor: UInt128, baseWeight: UInt128) -> UInt128? {
        guard imfFactor != 0 else { return baseWeight }
        guard let root = root(size1e9), let scaled = mul(root, imfFactor) else { return nil }
        let (premium, overflow) = (baseWeight - baseWeight / 5).addingReportingOverflow(scaled / 10_000_000)
        return overflow ? nil : max(baseWeight, premium)
    }

    /// `isqrt(size·10 + 1)`, nil on overflow.
    static func root(_ size: UInt128) -> UInt128? {
        guard let tenfold = mul(size, 10), tenfold < .max else { return nil }
        return FullWidthArithmetic.squareRoot(tenfold + 1)
    }

    /// `a × b`, nil on overflow.
    static func mul(_ a: UInt128, _ b: UInt128) -> UInt128? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }
}
