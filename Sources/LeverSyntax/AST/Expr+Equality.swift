/// Equality and hashing of expression trees, by a loop over an explicit stack.
///
/// The synthesized conformances would recurse once per level, and a left-nested chain such as a
/// sum of 100,000 terms is 100,000 levels deep. Here each node is compared (or hashed) by its own
/// fields and kind alone (`ExprKind.sameShape`), and its children are pushed, in the order
/// `ExprKind.forEachChild` gives, to be compared in turn.
extension Expr: Hashable {
    public static func == (a: Expr, b: Expr) -> Bool {
        var pending: [(Expr, Expr)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            guard x.id == y.id, x.span == y.span else { return false }
            if x.node === y.node { continue }
            let (p, q) = (x.kind, y.kind)
            guard p.sameShape(as: q) else { return false }
            var left: [Expr] = [], right: [Expr] = []
            p.forEachChild { left.append($0) }
            q.forEachChild { right.append($0) }
            pending.append(contentsOf: zip(left, right))
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var pending: [Expr] = [self]
        while let x = pending.popLast() {
            hasher.combine(x.id)
            hasher.combine(x.span)
            x.kind.hashShape(into: &hasher)
            x.kind.forEachChild { pending.append($0) }
        }
    }
}

extension ExprKind {
    /// Calls `body` with each direct child expression, in source order.
    public func forEachChild(_ body: (Expr) -> Void) {
        switch self {
        case .number, .string, .bool, .name, .missing: break
        case .member(let base, _): body(base)
        case .unary(_, let operand): body(operand)
        case .binary(_, let lhs, let rhs): body(lhs); body(rhs)
        case .call(_, let arguments, let filter):
            for argument in arguments { body(argument.value) }
            if let filter { body(filter) }
        case .conditional(let condition, let then, let otherwise): body(condition); body(then); body(otherwise)
        case .inRange(let value, let range): body(value); body(range.lower); body(range.upper)
        case .per(let amount, let unit, let base, let above):
            body(amount); body(unit); body(base)
            if let above { body(above) }
        case .paren(let inner): body(inner)
        }
    }

    /// True when the two kinds are the same case with the same everything except their child
    /// expressions (which `forEachChild` lists, in the same order for both).
    func sameShape(as other: ExprKind) -> Bool {
        switch self {
        case .number(let a): if case .number(let b) = other { a == b } else { false }
        case .string(let a): if case .string(let b) = other { a == b } else { false }
        case .bool(let a): if case .bool(let b) = other { a == b } else { false }
        case .name(let a): if case .name(let b) = other { a == b } else { false }
        case .member(_, let a): if case .member(_, let b) = other { a == b } else { false }
        case .unary(let a, _): if case .unary(let b, _) = other { a == b } else { false }
        case .binary(let a, _, _): if case .binary(let b, _, _) = other { a == b } else { false }
        case .call(let a, let x, let f):
            if case .call(let b, let y, let g) = other {
                a == b && x.map(\.label) == y.map(\.label) && (f == nil) == (g == nil)
            } else { false }
        case .conditional: if case .conditional = other { true } else { false }
        case .inRange(_, let a):
            if case .inRange(_, let b) = other {
                a.span == b.span && a.lowerClosed == b.lowerClosed && a.upperClosed == b.upperClosed
            } else { false }
        case .per(_, _, _, let a): if case .per(_, _, _, let b) = other { (a == nil) == (b == nil) } else { false }
        case .paren: if case .paren = other { true } else { false }
        case .missing: if case .missing = other { true } else { false }
        }
    }

    /// Hashes what `sameShape(as:)` compares.
    func hashShape(into hasher: inout Hasher) {
        switch self {
        case .number(let literal): hasher.combine(0); hasher.combine(literal)
        case .string(let value): hasher.combine(1); hasher.combine(value)
        case .bool(let value): hasher.combine(2); hasher.combine(value)
        case .name(let name): hasher.combine(3); hasher.combine(name)
        case .member(_, let name): hasher.combine(4); hasher.combine(name)
        case .unary(let op, _): hasher.combine(5); hasher.combine(op)
        case .binary(let op, _, _): hasher.combine(6); hasher.combine(op)
        case .call(let name, let arguments, let filter):
            hasher.combine(7); hasher.combine(name); hasher.combine(arguments.map(\.label)); hasher.combine(filter == nil)
        case .conditional: hasher.combine(8)
        case .inRange(_, let range):
            hasher.combine(9); hasher.combine(range.span); hasher.combine(range.lowerClosed); hasher.combine(range.upperClosed)
        case .per(_, _, _, let above): hasher.combine(10); hasher.combine(above == nil)
        case .paren: hasher.combine(11)
        case .missing: hasher.combine(12)
        }
    }
}
