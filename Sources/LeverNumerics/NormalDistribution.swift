#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal density and distribution function: one implementation for the engine's
/// Black–Scholes formulas, the compiled option kernel and the language's `ncdf`/`npdf`.
///
/// `Φ(x) = ½·erfc(−x/√2)` with the C library's `erfc`, accurate to about 1e-16 relative in
/// both tails, unlike `½(1 + erf)`, which loses every digit below −8.
public enum NormalDistribution {
    /// √(2π).
    @usableFromInline static let sqrtTwoPi = (2 * Double.pi).squareRoot()

    /// Φ(x).
    @inlinable
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// φ(x) = e^(−x²/2) ÷ √(2π).
    @inlinable
    public static func pdf(_ x: Double) -> Double { exp(-0.5 * x * x) / sqrtTwoPi }
}
