// LeverNumerics: the fast number type.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Double` is the engine's fast number type: IEEE 754 binary64, rounding to nearest.
///
/// Rounding directions are ignored (binary floating point cannot honour decimal units), and
/// division by zero follows IEEE (±∞ or NaN); formulas test for zero first where the outcome
/// is defined (utilization, health factor).
extension Double: ContinuousNumber {
    /// Always `1.0`.
    @inlinable public static var one: Double { 1 }
    // `init(_: Int)`, `+ - * /`, `zero`, `infinity` and `squareRoot()` come from the standard library.
    /// `numerator / denominator` rounded to nearest.
    @inlinable public init(ratio numerator: Int, _ denominator: Int) {
        self = Double(numerator as Int) / Double(denominator as Int)
    }
    /// The value itself.
    @inlinable public init(approximating value: Double) { self = value }
    /// The IEEE product; the direction is ignored.
    @inlinable public func multiplied(by other: Double, rounding: Rounding) -> Double { self * other }
    /// The IEEE quotient; the direction is ignored.
    @inlinable public func divided(by other: Double, rounding: Rounding) -> Double { self / other }
    /// The value itself.
    @inlinable public var doubleValue: Double { self }
    /// False for NaN only: infinities are valid (a debt-free health factor is `+∞`).
    @inlinable public var isValid: Bool { !isNaN }
    /// `exp(self)`.
    @inlinable public func exponential() -> Double { exp(self) }
    /// `log(self)`.
    @inlinable public func logarithm() -> Double { log(self) }
}
