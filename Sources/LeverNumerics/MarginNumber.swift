// LeverNumerics: the numeric seam shared by the fast and the exact evaluation modes.

/// How a fixed-point product or quotient drops the digits below its last unit.
///
/// On-chain markets choose the direction per step (collateral rounds down, debt rounds up, most
/// of Aave's WadRayMath rounds half up), so the direction is part of a formula, not of the type.
/// Directions apply to the magnitude: `.down` is toward zero, `.up` away from zero and `.halfUp`
/// half away from zero, `.halfEven` half to the even unit (banker's rounding); for the
/// non-negative amounts of lending markets the first three are floor, ceiling and Solidity's
/// `(a * b + HALF) / UNIT`. `Double` ignores the direction.
public enum Rounding: Sendable, Hashable {
    /// Toward zero (floor for non-negative values).
    case down
    /// Away from zero (ceiling for non-negative values).
    case up
    /// To the nearest unit, ties away from zero (Aave's `rayMul`, `wadDiv`, `percentMul`, …).
    case halfUp
    /// To the nearest unit, ties to the even one.
    case halfEven
}

/// The number type every engine formula is written against.
///
/// The engine evaluates in `Double` on its fast path and in exact fixed point (`Wad`, `Ray`)
/// when a policy mirrors on-chain integer math; writing each formula once over this protocol
/// keeps the two modes from drifting apart. `*` and `/` round half up; formulas that follow a
/// protocol's rounding direction call `multiplied(by:rounding:)` and `divided(by:rounding:)`.
public protocol MarginNumber: Comparable, Hashable, Sendable {
    /// The additive identity.
    static var zero: Self { get }
    /// The multiplicative identity.
    static var one: Self { get }
    /// A value above every finite value: the health factor of an account with no debt.
    ///
    /// `Double.infinity` in fast mode; the largest representable value in fixed point, as Aave
    /// returns `type(uint256).max`.
    static var infinity: Self { get }
    /// The exact value of an integer (fixed point reports overflow as an invalid value).
    init(_ integer: Int)
    /// The value `numerator / denominator`, rounded half up in fixed point (e.g. bps as `(b, 10_000)`).
    init(ratio numerator: Int, _ denominator: Int)
    /// The nearest value to a `Double` (for inputs and tests; fixed point rounds half up).
    init(approximating value: Double)
    /// Sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Product, rounded half up in fixed point.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Quotient, rounded half up in fixed point; dividing by zero gives an invalid value.
    static func / (lhs: Self, rhs: Self) -> Self
    /// Product with an explicit rounding direction.
    func multiplied(by other: Self, rounding: Rounding) -> Self
    /// Quotient with an explicit rounding direction.
    func divided(by other: Self, rounding: Rounding) -> Self
    /// Square root (rounded down in fixed point); invalid for negative values.
    func squareRoot() -> Self
    /// The value rounded to a whole number by `rule` (`floor`, `ceil`, `round` in policies and
    /// quantum rounding); exact in fixed point, where the rule applies to the signed value
    /// (`.down` is toward −∞, as for `Double`).
    func rounded(_ rule: FloatingPointRoundingRule) -> Self
    /// The value as a `Double`, for reports.
    var doubleValue: Double { get }
    /// False for NaN in `Double` and for the overflow/undefined marker in fixed point.
    var isValid: Bool { get }
}

/// A `MarginNumber` with the transcendental functions continuous-time finance needs.
///
/// Only `Double` conforms: exact on-chain math never takes `exp` or `ln`, it approximates them
/// (Aave's binomial compounding), and those approximations are written out as formulas instead.
public protocol ContinuousNumber: MarginNumber {
    /// e raised to this value.
    func exponential() -> Self
    /// The natural logarithm; NaN for negative values.
    func logarithm() -> Self
}

extension MarginNumber {
    /// The smaller of two values (the first when equal).
    @inlinable public static func minimum(_ a: Self, _ b: Self) -> Self { b < a ? b : a }
    /// The larger of two values (the first when equal).
    @inlinable public static func maximum(_ a: Self, _ b: Self) -> Self { b > a ? b : a }
    /// `self` limited to `[lo, hi]`.
    @inlinable public func clamped(_ lo: Self, _ hi: Self) -> Self { Self.minimum(Self.maximum(self, lo), hi) }
    /// The value of a basis-point count (1 bps = 0.0001).
    @inlinable public init(bps: Int) { self.init(ratio: bps, 10_000) }
}
