/// Interval arithmetic: each operation returns every value the operation can produce from
/// values of its operands, and keeps track of which ends are actually reached.
///
/// Soundness comes first: when in doubt an end widens (to infinity if need be), never narrows,
/// because a proof built on a too-narrow interval would be wrong.
extension Bounds {
    /// `-x`.
    public static prefix func - (x: Bounds) -> Bounds {
        if x.isEmpty { return .empty }
        return Bounds(-x.upper, -x.lower, lowerClosed: x.upperClosed, upperClosed: x.lowerClosed)
    }

    /// `x + y`: ends add; an end is reached only when both operands reach theirs.
    public static func + (x: Bounds, y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        return Bounds(x.lower + y.lower, x.upper + y.upper,
                      lowerClosed: x.lowerClosed && y.lowerClosed, upperClosed: x.upperClosed && y.upperClosed)
    }

    /// `x - y`.
    public static func - (x: Bounds, y: Bounds) -> Bounds { x + (-y) }

    /// `x * y`: the extremes of a product lie at the corners of the operand box.
    public static func * (x: Bounds, y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        let corners = [product(x.lowerEnd, y.lowerEnd), product(x.lowerEnd, y.upperEnd),
                       product(x.upperEnd, y.lowerEnd), product(x.upperEnd, y.upperEnd)]
        return extremes(corners)
    }

    /// `x / y`; a divisor that can be zero makes the result unbounded.
    public static func / (x: Bounds, y: Bounds) -> Bounds {
        if x.isEmpty || y.isEmpty { return .empty }
        guard let r = y.reciprocal else { return .unbounded }
        return x * r
    }

    /// `1 / x`, or nil when `x` can be zero (or is exactly zero).
    ///
    /// An open zero end is allowed: `1 / (0, 2]` is `[0.5, +infinity)`.
    public var reciprocal: Bounds? {
        if isEmpty { return .empty }
        if contains(0) || (lower < 0 && upper > 0) { return nil }
        if lower >= 0 {
            return Bounds(1 / upper, lower == 0 ? .infinity : 1 / lower,
                          lowerClosed: upperClosed, upperClosed: lowerClosed)
        }
        return Bounds(upper == 0 ? -.infinity : 1 / upper, 1 / lower,
                      lowerClosed: upperClosed, upperClosed: lowerClosed)
    }

    /// One corner of a product. `0 × ∞` counts as 0: the infinite end is never reached, and zero
    /// times any finite value is zero, so zero is reached whenever the zero end is.
    private static func product(_ a: End, _ b: End) -> End {
        if a.value == 0 || b.value == 0 {
            let closed = (a.value == 0 && a.closed) || (b.value == 0 && b.closed) || (a.closed && b.closed)
            return End(value: 0, closed: closed)
        }
        return End(value: a.value * b.value, closed: a.closed && b.closed)
    }

    /// The interval spanned by candidate ends; an extreme is reached if any candidate reaching it is.
    static func extremes(_ candidates: [End]) -> Bounds {
        guard let lo = candidates.map(\.value).min(), let hi = candidates.map(\.value).max() else { return .empty }
        let loClosed = candidates.contains { $0.value == lo && $0.closed }
        let hiClosed = candidates.contains { $0.value == hi && $0.closed }
        return Bounds(lo, hi, lowerClosed: loClosed, upperClosed: hiClosed)
    }
}
