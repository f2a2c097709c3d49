import LeverSyntax

/// A three-valued answer: the condition holds for every value, for none, or it depends.
///
/// Interval analysis cannot always decide a condition; `unknown` is the honest answer then, and
/// the proofs turn it into a runtime check instead of a false claim.
public enum Truth: Sendable, Hashable, CustomStringConvertible {
    /// Holds for every value; does not hold for any value; holds for some values or cannot be decided.
    case `true`, `false`, unknown

    /// The truth of a known boolean.
    public init(_ value: Bool) { self = value ? .true : .false }

    /// Kleene negation: unknown stays unknown.
    public static prefix func ! (x: Truth) -> Truth {
        switch x {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }

    /// Kleene conjunction: false wins over unknown.
    public static func && (x: Truth, y: Truth) -> Truth {
        if x == .false || y == .false { return .false }
        return x == .true && y == .true ? .true : .unknown
    }

    /// Kleene disjunction: true wins over unknown.
    public static func || (x: Truth, y: Truth) -> Truth {
        if x == .true || y == .true { return .true }
        return x == .false && y == .false ? .false : .unknown
    }

    /// What two alternatives have in common (for `if` with an unknown condition).
    public func joined(_ other: Truth) -> Truth { self == other ? self : .unknown }

    /// `true`, `false` or `unknown`.
    public var description: String {
        switch self {
        case .true: "true"
        case .false: "false"
        case .unknown: "unknown"
        }
    }
}

/// Comparisons between intervals: `.true` when it holds for every pair of values, `.false` when
/// for none, `.unknown` otherwise (and for empty operands).
extension Bounds {
    /// `x < y`.
    public static func less(_ x: Bounds, _ y: Bounds) -> Truth {
        if x.isEmpty || y.isEmpty { return .unknown }
        if x.upper < y.lower || (x.upper == y.lower && !(x.upperClosed && y.lowerClosed)) { return .true }
        if x.lower >= y.upper { return .false }
        return .unknown
    }

    /// `x <= y`.
    public static func lessOrEqual(_ x: Bounds, _ y: Bounds) -> Truth { !less(y, x) }

    /// `x == y`: true only when both are the same single value.
    public static func equal(_ x: Bounds, _ y: Bounds) -> Truth {
        if x.isEmpty || y.isEmpty { return .unknown }
        if let a = x.constant, let b = y.constant { return Truth(a == b) }
        return x.overlaps(y) ? .unknown : .false
    }

    /// Compares with one of the six comparison operators.
    public static func compare(_ op: ComparisonOp, _ x: Bounds, _ y: Bounds) -> Truth {
        switch op {
        case .less: less(x, y)
        case .lessEqual: lessOrEqual(x, y)
        case .greater: less(y, x)
        case .greaterEqual: lessOrEqual(y, x)
        case .equal: equal(x, y)
        case .notEqual: !equal(x, y)
        }
    }

    /// `x in self`: true when every value of `x` lies inside, false when none does.
    public func membership(of x: Bounds) -> Truth {
        if x.isEmpty || isEmpty { return .unknown }
        if contains(x) { return .true }
        return x.overlaps(self) ? .unknown : .false
    }
}

/// The six comparison operators: the part of `BinaryOp` that `Bounds.compare` handles exhaustively.
public enum ComparisonOp: Sendable, Hashable {
    case less, lessEqual, greater, greaterEqual, equal, notEqual

    /// The comparison a binary operator denotes, or nil for arithmetic and logic operators.
    public init?(_ op: BinaryOp) {
        switch op {
        case .less: self = .less
        case .lessEqual: self = .lessEqual
        case .greater: self = .greater
        case .greaterEqual: self = .greaterEqual
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .add, .subtract, .multiply, .divide, .power, .and, .or: return nil
        }
    }
}
