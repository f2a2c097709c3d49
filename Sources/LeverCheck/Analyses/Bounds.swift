/// A set of real numbers between two ends, each open or closed, possibly infinite.
///
/// The static analyses (tables, curves, proofs) reason about every value an expression can take
/// at once, so they need intervals that say precisely whether an end is included: a tier row
/// `[650, 800)` and a row `>= 800` meet without overlapping only because one end is open.
/// Infinite ends are always open. An interval whose lower end lies above its upper end (or that
/// is a single point with an open end) is empty.
public struct Bounds: Sendable, Hashable, CustomStringConvertible {
    /// The lower end; `-infinity` when unbounded below.
    public var lower: Double
    /// The upper end; `+infinity` when unbounded above.
    public var upper: Double
    /// Whether `lower` itself belongs to the set.
    public var lowerClosed: Bool
    /// Whether `upper` itself belongs to the set.
    public var upperClosed: Bool

    /// Makes `[lower, upper]` (closed by default); a NaN end widens to infinity so results stay sound.
    public init(_ lower: Double, _ upper: Double, lowerClosed: Bool = true, upperClosed: Bool = true) {
        self.lower = lower.isNaN ? -.infinity : lower
        self.upper = upper.isNaN ? .infinity : upper
        self.lowerClosed = lowerClosed && self.lower.isFinite
        self.upperClosed = upperClosed && self.upper.isFinite
    }

    /// The single value `value`.
    public static func exactly(_ value: Double) -> Bounds { Bounds(value, value) }

    /// Every real number: what an expression can be when nothing is known about it.
    public static let unbounded = Bounds(-.infinity, .infinity)

    /// No value at all.
    public static let empty = Bounds(1, 0)

    /// `[lower, +infinity)`, e.g. the pattern `>= 800`.
    public static func atLeast(_ lower: Double, closed: Bool = true) -> Bounds {
        Bounds(lower, .infinity, lowerClosed: closed)
    }

    /// `(-infinity, upper]`, e.g. the pattern `< 500` with `closed: false`.
    public static func atMost(_ upper: Double, closed: Bool = true) -> Bounds {
        Bounds(-.infinity, upper, upperClosed: closed)
    }

    // MARK: - Queries

    /// True when no number lies in the set.
    public var isEmpty: Bool {
        lower > upper || (lower == upper && !(lowerClosed && upperClosed))
    }

    /// The only value, when the set holds exactly one.
    public var constant: Double? {
        lower == upper && lowerClosed && upperClosed ? lower : nil
    }

    /// True when both ends are finite.
    public var isFinite: Bool { lower.isFinite && upper.isFinite }

    /// Whether `value` lies in the set.
    public func contains(_ value: Double) -> Bool {
        let aboveLower = lowerClosed ? value >= lower : value > lower
        let belowUpper = upperClosed ? value <= upper : value < upper
        return aboveLower && belowUpper
    }

    /// Whether every value of `other` lies in the set (the empty set lies in every set).
    public func contains(_ other: Bounds) -> Bool {
        if other.isEmpty { return true }
        if isEmpty { return false }
        let lowerOK = other.lower > lower || (other.lower == lower && (lowerClosed || !other.lowerClosed))
        let upperOK = other.upper < upper || (other.upper == upper && (upperClosed || !other.upperClosed))
        return lowerOK && upperOK
    }

    /// The values in both sets.
    public func intersection(_ other: Bounds) -> Bounds {
        let lo = Bounds.tighterLower(self, other), hi = Bounds.tighterUpper(self, other)
        return Bounds(lo.value, hi.value, lowerClosed: lo.closed, upperClosed: hi.closed)
    }

    /// Whether the sets share a value.
    public func overlaps(_ other: Bounds) -> Bool { !intersection(other).isEmpty }

    /// The smallest interval holding both sets (the hull of their union).
    public func hull(_ other: Bounds) -> Bounds {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let lo = Bounds.looserLower(self, other), hi = Bounds.looserUpper(self, other)
        return Bounds(lo.value, hi.value, lowerClosed: lo.closed, upperClosed: hi.closed)
    }

    /// Interval notation with plain numbers, e.g. `[500, 520)`; `ValueFormat` adds units.
    public var description: String { ValueFormat.interval(self, unit: nil) }

    // MARK: - End selection

    /// An end of an interval: its value and whether it is included.
    struct End: Equatable {
        var value: Double
        var closed: Bool
    }

    var lowerEnd: End { End(value: lower, closed: lowerClosed) }
    var upperEnd: End { End(value: upper, closed: upperClosed) }

    /// The higher of two lower ends (an open end is higher than a closed one at the same value).
    static func tighterLower(_ a: Bounds, _ b: Bounds) -> End {
        if a.lower != b.lower { return a.lower > b.lower ? a.lowerEnd : b.lowerEnd }
        return End(value: a.lower, closed: a.lowerClosed && b.lowerClosed)
    }

    /// The lower of two upper ends.
    static func tighterUpper(_ a: Bounds, _ b: Bounds) -> End {
        if a.upper != b.upper { return a.upper < b.upper ? a.upperEnd : b.upperEnd }
        return End(value: a.upper, closed: a.upperClosed && b.upperClosed)
    }

    /// The lower of two lower ends.
    static func looserLower(_ a: Bounds, _ b: Bounds) -> End {
        if a.lower != b.lower { return a.lower < b.lower ? a.lowerEnd : b.lowerEnd }
        return End(value: a.lower, closed: a.lowerClosed || b.lowerClosed)
    }

    /// The higher of two upper ends.
    static func looserUpper(_ a: Bounds, _ b: Bounds) -> End {
        if a.upper != b.upper { return a.upper > b.upper ? a.upperEnd : b.upperEnd }
        return End(value: a.upper, closed: a.upperClosed || b.upperClosed)
    }
}
