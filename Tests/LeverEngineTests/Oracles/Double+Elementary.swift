@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): C math functions used by the Double-only formulas.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Double {
    /// `log1p(self)`: ln(1 + x) accurate for tiny x (per-second rates).
    @inlinable var log1pValue: Double { log1p(self) }
    /// `exp(self)`.
    @inlinable var exponentialValue: Double { exp(self) }
    /// `erfc(self)`: the complementary error function, accurate in both tails.
    @inlinable var erfcValue: Double { erfc(self) }
}
