import Foundation
import LeverSyntax

/// Evaluates constant expressions (literals, params, arithmetic, pure builtins) to numbers in
/// base units; anything that depends on the market, a position or an account is not constant.
///
/// Used by the table, curve and proof analyses to read bounds such as `[650, 800)` or
/// `90% -> 5%`, and by the checker to read constant exponents. Params that refer to each other in
/// a cycle fold to nil (the resolver reports the cycle); depth is capped so that no input can
/// exhaust the stack.
public struct ConstantFolder: Sendable {
    public let symbols: SymbolTable
    /// Deeper than this is treated as not constant.
    static let maxDepth = 256

    public init(symbols: SymbolTable) {
        self.symbols = symbols
    }

    /// The value of a constant expression in base units, or nil when it is not constant.
    public func fold(_ expr: Expr) -> Double? {
        quantity(expr)?.value
    }

    /// The value and dimension of a constant expression, or nil when it is not constant.
    public func quantity(_ expr: Expr) -> Quantity? {
        var visiting: Set<String> = []
        return quantity(expr, depth: 0, visiting: &visiting)
    }

    /// The truth of a constant boolean expression, or nil when it is not constant.
    public func truth(_ expr: Expr) -> Bool? {
        var visiting: Set<String> = []
        return truth(expr, depth: 0, visiting: &visiting)
    }

    // MARK: - Numbers

    func quantity(_ expr: Expr, depth: Int, visiting: inout Set<String>) -> Quantity? {
        guard depth < Self.maxDepth else { return nil }
        let d = depth + 1
        switch expr.kind {
        case .number(let literal): return UnitTable.quantity(of: literal)
        case .name(let name): return param(name, depth: d, visiting: &visiting)
        case .paren(let inner): return quantity(inner, depth: d, visiting: &visiting)
        case .unary(let op, let operand): return unary(op, operand, depth: d, visiting: &visiting)
        case .binary: return chain(expr, depth: d, visiting: &visiting)
        case .call(let name, let args, let filter):
            guard filter == nil else { return nil }
            return call(name.text, args.map(\.value), depth: d, visiting: &visiting)
        case .conditional(let c, let t, let e):
            guard let cond = truth(c, depth: d, visiting: &visiting) else { return nil }
            return quantity(cond ? t : e, depth: d, visiting: &visiting)
        case .per(let amount, let unit, let base, let above):
            return per(amount, unit, base, above, depth: d, visiting: &visiting)
        case .string, .bool, .member, .inRange, .missing: return nil
        }
    }

    private func param(_ name: String, depth: Int, visiting: inout Set<String>) -> Quantity? {
        guard let expr = symbols.param(name), !visiting.contains(name) else { return nil }
        visiting.insert(name)
        defer { visiting.remove(name) }
        return quantity(expr, depth: depth, visiting: &visiting)
    }

    private func unary(_ op: UnaryOp, _ operand: Expr, depth: Int, visiting: inout Set<String>) -> Quantity? {
        guard let q = quantity(operand, depth: depth, visiting: &visiting) else { return nil }
        switch op {
        case .negate: return Quantity(-q.value, q.dimension)
        case .plus: return q
        case .not: return nil
        }
    }

    /// A chain of binary operations (`a + b - c`), folded in a loop rather than one recursion
    /// per operator; the first operand that is not constant ends it.
    private func chain(_ expr: Expr, depth: Int, visiting: inout Set<String>) -> Quantity? {
        guard let chain = BinaryChain(expr), var value = quantity(chain.first, depth: depth, visiting: &visiting)
        else { return nil }
        for link in chain.links {
            guard let b = quantity(link.rhs, depth: depth, visiting: &visiting),
                  let next = binary(link.op, value, b) else { return nil }
            value = next
        }
        return value
    }

    private func binary(_ op: BinaryOp, _ a: Quantity, _ b: Quantity) -> Quantity? {
        switch op {
        case .add: return Quantity(a.value + b.value, a.dimension)
        case .subtract: return Quantity(a.value - b.value, a.dimension)
        case .multiply: return Quantity(a.value * b.value, a.dimension * b.dimension)
        case .divide: return b.value == 0 ? nil : Quantity(a.value / b.value, a.dimension / b.dimension)
        case .power:
            let n = Int(exactly: b.value)
            return Quantity(Foundation.pow(a.value, b.value), n.map { a.dimension.power($0) } ?? a.dimension)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return nil
        }
    }

    private func call(_ name: String, _ args: [Expr], depth: Int, visiting: inout Set<String>) -> Quantity? {
        guard let builtin = Builtins.lookup(name, arguments: args.count), builtin.kind == .function,
              builtin.accepts(count: args.count), let body = builtin.implementation else { return nil }
        var values: [Quantity] = []
        for arg in args {
            guard let q = quantity(arg, depth: depth, visiting: &visiting) else { return nil }
            values.append(q)
        }
        let dimension = values.first?.dimension ?? .none
        let result = body(values.map(\.value))
        guard result.isFinite else { return nil }
        switch builtin.unitRule {
        case .squareRoot: return Quantity(result, dimension.squareRoot ?? dimension)
        case .same, .ratios: return Quantity(result, dimension)
        case .dimensionless, .count: return Quantity(result)
        }
    }

    private func per(_ amount: Expr, _ unit: Expr, _ base: Expr, _ above: Expr?, depth: Int,
                     visiting: inout Set<String>) -> Quantity? {
        guard let a = quantity(amount, depth: depth, visiting: &visiting),
              let u = quantity(unit, depth: depth, visiting: &visiting), u.value != 0,
              let b = quantity(base, depth: depth, visiting: &visiting) else { return nil }
        var threshold = 0.0
        if let above {
            guard let t = quantity(above, depth: depth, visiting: &visiting) else { return nil }
            threshold = t.value
        }
        return Quantity(a.value * Swift.max(0, b.value - threshold) / u.value, a.dimension)
    }
}
