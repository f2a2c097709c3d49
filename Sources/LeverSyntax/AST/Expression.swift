/// Identity of a syntax node, unique within one parse; the checker's side tables and
/// `explain` map results back to source through it.
public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
    public var description: String { "#\(raw)" }
}

/// A name as written, with where it was written.
public struct Name: Sendable, Hashable {
    public var text: String
    public var span: Span
    public init(_ text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// An expression node. Every node carries its id and span.
///
/// The node's kind lives in a shared, immutable box (`ExprNode`) rather than in an `indirect`
/// enum, so that a tree is freed by a loop instead of by recursion: a sum of 100,000 terms nests
/// 100,000 levels to the left, and freeing it one level per stack frame would overflow the stack.
/// Equality and hashing walk the tree with an explicit stack for the same reason (`Expr+Equality`).
public struct Expr: Sendable {
    public var id: NodeID
    public var span: Span
    var node: ExprNode
    /// What the node is; setting it gives this value a box of its own.
    public var kind: ExprKind {
        get { node.kind }
        set { node = ExprNode(newValue) }
    }
    public init(id: NodeID, span: Span, kind: ExprKind) {
        self.id = id
        self.span = span
        self.node = ExprNode(kind)
    }
}

/// The box holding an expression's kind. Immutable once made, except that freeing it takes its
/// children apart first: whatever it alone holds is unhooked onto a worklist and freed there, so
/// that no free recurses into the next (the technique of long linked lists).
final class ExprNode: @unchecked Sendable {
    // `var` only so that `deinit` can replace it; nothing else writes it, and `deinit` runs when
    // no other reference exists, so sharing the box between threads is safe.
    private(set) var kind: ExprKind

    init(_ kind: ExprKind) {
        self.kind = kind
    }

    deinit {
        var pending: [ExprNode] = []
        kind.forEachChild { pending.append($0.node) }
        kind = .missing
        while var box = pending.popLast() {
            // A box shared with a live tree stays whole; one held only here is taken apart.
            guard isKnownUniquelyReferenced(&box) else { continue }
            box.kind.forEachChild { pending.append($0.node) }
            box.kind = .missing
        }
    }
}

public enum UnaryOp: String, Sendable, Hashable {
    case negate = "-", plus = "+", not = "not"
}

public enum BinaryOp: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or

    /// Binding strength: higher binds tighter. Used by the parser and by the formatter
    /// to decide where parentheses are needed.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        case .power: 8
        }
    }

    public var isComparison: Bool { precedence == 4 }

    /// `+ - * / ^`: an operation on numbers giving a number.
    public var isArithmetic: Bool { precedence >= 5 }

    /// `and`, `or`.
    public var isLogical: Bool { self == .and || self == .or }
}

/// An argument of a call, optionally named (`kinked(base: 0%, …)`).
public struct Argument: Sendable, Hashable {
    public var label: Name?
    public var value: Expr
    public init(label: Name? = nil, value: Expr) {
        self.label = label
        self.value = value
    }
}

/// A number literal as written: `5M USD` is digits `5`, magnitude `M`, unit `USD`.
public struct NumberLiteral: Sendable, Hashable {
    /// The digits as written (`1_000`, `0.25`, `1e-3`), kept for the formatter.
    public var digits: String
    /// `k`, `M` or `B` (thousand, million, billion), if written.
    public var magnitude: String?
    /// The unit word as written (`%`, `bps`, `USD`, `days`, `h`, …), if any.
    public var unit: Name?
    /// The digits times the magnitude, before the unit is applied.
    public var value: Double

    public init(digits: String, magnitude: String? = nil, unit: Name? = nil, value: Double) {
        self.digits = digits
        self.magnitude = magnitude
        self.unit = unit
        self.value = value
    }

    /// Multipliers of the magnitude suffixes.
    public static let magnitudes: [String: Double] = ["k": 1e3, "M": 1e6, "B": 1e9]
}

public enum ExprKind: Sendable, Hashable {
    case number(NumberLiteral)
    case string(String)
    case bool(Bool)
    /// A bare name: a param, measure, field, market input, class, asset, enum word (`long`).
    case name(String)
    /// `base.member`, e.g. `account.score`, `tier.credit_line`, `BTC.price`.
    case member(Expr, Name)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    /// `f(args)` or an aggregate `sum(notional where side == long)`.
    case call(Name, [Argument], filter: Expr?)
    case conditional(Expr, then: Expr, else: Expr)
    /// `x in [lo, hi)`.
    case inRange(Expr, Interval)
    /// `amount per unit of base [above threshold]`: amount × max(0, base − threshold) ÷ unit.
    case per(amount: Expr, unit: Expr, of: Expr, above: Expr?)
    /// Parentheses as written; kept so that formatting never changes the tree.
    case paren(Expr)
    /// Stands in for an expression the parser could not read (already diagnosed).
    case missing
}

/// A numeric interval with open or closed ends, e.g. `[650, 800)`.
public struct Interval: Sendable, Hashable {
    public var span: Span
    public var lower: Expr
    public var upper: Expr
    public var lowerClosed: Bool
    public var upperClosed: Bool
    public init(span: Span, lower: Expr, upper: Expr, lowerClosed: Bool, upperClosed: Bool) {
        self.span = span
        self.lower = lower
        self.upper = upper
        self.lowerClosed = lowerClosed
        self.upperClosed = upperClosed
    }
}
