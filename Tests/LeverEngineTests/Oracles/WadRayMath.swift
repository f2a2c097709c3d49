@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave's WadRayMath and PercentageMath on raw integers.

/// Aave v3's `WadRayMath` and `PercentageMath` on raw unsigned integers, with its roundings.
///
/// The protocol-mirroring formulas (`AaveInterest`, `AaveAccount`, `AaveLiquidation`) are written
/// with these so each step rounds exactly as the contract does. Half-up forms:
/// `(a·b + HALF)/UNIT` and `(a·UNIT + b/2)/b`; percent: `(v·p + 5000)/1e4` and `(v·1e4 + p/2)/p`.
/// The `Floor`/`Ceil` variants are the v3.5 ones. nil stands for a revert (overflow, ÷0).
public enum WadRayMath {
    /// 10^18.
    public static let wad: UInt128 = WadScale.unit
    /// 10^27.
    public static let ray: UInt128 = RayScale.unit
    /// 10^4: 100.00% in basis points.
    public static let percentageFactor: UInt128 = 10_000

    /// `a × b ÷ 1e18`, half up.
    @inlinable public static func wadMul(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, b, wad, .halfUp) }
    /// `a × 1e18 ÷ b`, half up.
    @inlinable public static func wadDiv(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, wad, b, .halfUp) }
    /// `a × b ÷ 1e27`, half up.
    @inlinable public static func rayMul(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, b, ray, .halfUp) }
    /// `a × 1e27 ÷ b`, half up.
    @inlinable public static func rayDiv(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, ray, b, .halfUp) }
    /// `a × b ÷ 1e27`, rounded down (v3.5 `rayMulFloor`).
    @inlinable public static func rayMulFloor(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, b, ray, .down) }
    /// `a × b ÷ 1e27`, rounded up (v3.5 `rayMulCeil`).
    @inlinable public static func rayMulCeil(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, b, ray, .up) }
    /// `a × 1e27 ÷ b`, rounded down (v3.5 `rayDivFloor`).
    @inlinable public static func rayDivFloor(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, ray, b, .down) }
    /// `a × 1e27 ÷ b`, rounded up (v3.5 `rayDivCeil`).
    @inlinable public static func rayDivCeil(_ a: UInt128, _ b: UInt128) -> UInt128? { mulDiv(a, ray, b, .up) }

    /// `value × bps ÷ 1e4`, half up.
    @inlinable public static func percentMul(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, bps, percentageFactor, .halfUp)
    }
    /// `value × 1e4 ÷ bps`, half up.
    @inlinable public static func percentDiv(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, percentageFactor, bps, .halfUp)
    }
    /// `value × bps ÷ 1e4`, rounded down.
    @inlinable public static func percentMulFloor(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, bps, percentageFactor, .down)
    }
    /// `value × bps ÷ 1e4`, rounded up.
    @inlinable public static func percentMulCeil(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, bps, percentageFactor, .up)
    }
    /// `value × 1e4 ÷ bps`, rounded down.
    @inlinable public static func percentDivFloor(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, percentageFactor, bps, .down)
    }
    /// `value × 1e4 ÷ bps`, rounded up.
    @inlinable public static func percentDivCeil(_ value: UInt128, _ bps: UInt128) -> UInt128? {
        mulDiv(value, percentageFactor, bps, .up)
    }

    /// `a × b ÷ d` with a 256-bit intermediate (see `FullWidthArithmetic.mulDiv`).
    @inlinable public static func mulDiv(_ a: UInt128, _ b: UInt128, _ d: UInt128, _ rounding: Rounding) -> UInt128? {
        FullWidthArithmetic.mulDiv(a, b, d, rounding)
    }
}
