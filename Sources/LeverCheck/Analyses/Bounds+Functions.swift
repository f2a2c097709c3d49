import Foundation

/// The builtin functions over intervals (`min max clamp abs sqrt exp ln floor ceil round` and
/// powers), each returning every value the function can produce from the argument intervals.
extension Bounds {
    /// `min(x, y)`.
    public static func minimum(_ x: Bounds, _ y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        let lo = looserLower(x, y), hi = tighterUpper(x, y)
        return Bounds(lo.value, hi.value, lowerClosed: lo.closed, upperClosed: hi.closed)
    }

    /// `max(x, y)`.
    public static func maximum(_ x: Bounds, _ y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        let lo = tighterLower(x, y), hi = looserUpper(x, y)
        return Bounds(lo.value, hi.value, lowerClosed: lo.closed, upperClosed: hi.closed)
    }

    /// `clamp(x, lo, hi)` = `max(lo, min(x, hi))`, the engine's definition.
    public static func clamp(_ x: Bounds, _ lo: Bounds, _ hi: Bounds) -> Bounds {
        maximum(lo, minimum(x, hi))
    }

    /// `abs(x)`.
    public var magnitude: Bounds {
        if isEmpty || lower >= 0 { return self }
        if upper <= 0 { return -self }
        let top = Bounds.looserUpper(-self, self)
        return Bounds(0, top.value, upperClosed: top.closed)
    }

    /// `sqrt(x)` over the part of `x` where it is defined (`x >= 0`).
    public var squareRoot: Bounds {
        increasing(Foundation.sqrt, on: Bounds.atLeast(0))
    }

    /// `exp(x)`.
    public var exponential: Bounds { increasing(Foundation.exp, on: .unbounded) }

    /// `ln(x)` over the part of `x` where it is defined (`x > 0`).
    public var logarithm: Bounds { increasing(Foundation.log, on: Bounds.atLeast(0, closed: false)) }

    /// `floor(x)`, `ceil(x)` or `round(x)`: non-decreasing, ends kept closed (a sound superset).
    public func rounded(_ rule: FloatingPointRoundingRule) -> Bounds {
        if isEmpty { return .empty }
        return Bounds(lower.rounded(rule), upper.rounded(rule))
    }

    /// `x ^ y`. A constant integer exponent is exact (even powers fold the sign); any other
    /// exponent needs `x > 0` and goes through `exp(y × ln x)`, else the result is unbounded.
    public static func power(_ x: Bounds, _ y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        if let n = y.constant, n == n.rounded(), abs(n) <= 64 { return x.integerPower(Int(n)) }
        guard x.lower >= 0 else { return .unbounded }
        return (y * x.logarithm).exponential
    }

    /// `x ^ n` for a whole `n`.
    func integerPower(_ n: Int) -> Bounds {
        if n == 0 { return .exactly(1) }
        if n < 0 { return integerPower(-n).reciprocal ?? .unbounded }
        let base = n % 2 == 0 ? magnitude : self
        return base.increasing({ Foundation.pow($0, Double(n)) }, on: n % 2 == 0 ? .atLeast(0) : .unbounded)
    }

    /// Applies a non-decreasing function to the part of the set inside its domain.
    func increasing(_ f: (Double) -> Double, on domain: Bounds) -> Bounds {
        let x = intersection(domain)
        if x.isEmpty { return .empty }
        return Bounds(f(x.lower), f(x.upper), lowerClosed: x.lowerClosed, upperClosed: x.upperClosed)
    }
}
