/// A left-nested chain of binary operations, unrolled along its left operands.
///
/// Operators of one precedence associate to the left, so `a + b - c + d` is
/// `((a + b) - c) + d`: a tree as deep as the chain is long, which a generated policy can make
/// 100,000 levels deep while its real nesting (parentheses, calls, `if`) stays shallow. Code that
/// walks expressions handles a binary node through its chain, in a loop, so that its recursion
/// depth follows the real nesting only: `first` is the leftmost operand (never itself a binary
/// node) and `links` go from the innermost operation outwards, the last one being the node the
/// chain was taken from.
public struct BinaryChain: Sendable {
    /// One operation of the chain: `node` is `lhs op rhs`, where `lhs` is the previous link's
    /// node (or `first`).
    public struct Link: Sendable {
        public let op: BinaryOp
        public let rhs: Expr
        public let node: Expr

        /// The left operand: the previous link's node, or the chain's `first`.
        public var lhs: Expr {
            if case .binary(_, let lhs, _) = node.kind { return lhs }
            return node
        }
    }

    /// The leftmost operand; not a binary node (or not one `include` accepts).
    public let first: Expr
    /// The operations from the innermost outwards; never empty.
    public let links: [Link]

    /// The chain headed by `expr`, or nil when `expr` is not a binary node. With `include`, only
    /// operators it accepts are unrolled (`and` and `or`, say): the chain stops at the first left
    /// operand with another operator, which becomes `first`, and is nil when `expr`'s own
    /// operator is not accepted.
    public init?(_ expr: Expr, where include: (BinaryOp) -> Bool = { _ in true }) {
        guard case .binary(let top, _, _) = expr.kind, include(top) else { return nil }
        var links: [Link] = []
        var current = expr
        while case .binary(let op, let lhs, let rhs) = current.kind, include(op) {
            links.append(Link(op: op, rhs: rhs, node: current))
            current = lhs
        }
        first = current
        self.links = links.reversed()
    }

    /// Folds the chain from the left: `start` gives the value of `first`, `combine` the value of
    /// each link from the value of its left operand. The recursion this replaces was
    /// `combine(link, value(lhs))` for each node.
    public func fold<Value>(_ start: (Expr) throws -> Value,
                            _ combine: (Value, Link) throws -> Value) rethrows -> Value {
        var value = try start(first)
        for link in links { value = try combine(value, link) }
        return value
    }
}
