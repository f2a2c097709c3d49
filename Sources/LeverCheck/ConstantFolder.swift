import Foundation
import LeverSyntax

/// Evaluates constant expressions (literals, params, arithmetic, pure builtins) to numbers in
/// base units; anything that depends on the market, a position or an account is not constant.
///
/// Within one call each param is folded once (`FoldState`): `p2 = p1 + p1`, `p3 = p2 + p2`, …
/// would otherwise cost 2^n.
///
/// Used by the table, curve and proof analyses to read bounds such as `[650, 800)` or
/// `90% -> 5%`, and by the checker to read constant exponents. Params that refer to each other in
/// a cycle fold to nil (the resolver reports the cycle); depth is capped so that no input can
/// exhaust the stack.
public struct ConstantFolder: Sendable {
    public let symbols: SymbolTable
    /// Deeper than this is treated as not constant.
    static let maxDepth = 256

    /// Literals read as the decimal written (`UnitTable.decimalQuantity`): a fixed-point
    /// policy's table bounds and curve points must equal its exact constants.
    let decimalLiterals: Bool

    /// `decimalLiterals` defaults to whether the policy declares fixed point.
    public init(symbols: SymbolTable, decimalLiterals: Bool? = nil) {
        self.symbols = symbols
        self.decimalLiterals = decimalLiterals ?? symbols.arithmetic.isFixedPoint
    }

    /// The value of a constant expression in base units, or nil when it is not constant.
    public func fold(_ expr: Expr) -> Double? {
        quantity(expr)?.value
    }

    /// The value and dimension of a constant expression, or nil when it is not constant.
    public func quantity(_ expr: Expr) -> Quantity? {
        var state = FoldState()
        return quantity(expr, depth: 0, state: &state)
    }

    /// The truth of a constant boolean expression, or nil when it is not constant.
    public func truth(_ expr: Expr) -> Bool? {
        var state = FoldState()
        return truth(expr, depth: 0, state: &state)
    }

    // MARK: - Numbers

    func quantity(_ expr: Expr, depth: Int, state: inout FoldState) -> Quantity? {
        guard depth < Self.maxDepth else { return nil }
        let d = depth + 1
        switch expr.kind {
        case .number(let literal): return decimalLiterals ? UnitTable.decimalQuantity(of: literal) : UnitTable.quantity(of: literal)
        case .name(let name): return param(name, depth: d, state: &state)
        case .paren(let inner): return quantity(inner, depth: d, state: &state)
        case .unary(let op, let operand): return unary(op, operand, depth: d, state: &state)
        case .binary: return chain(expr, depth: d, state: &state)
        case .call(let name, let args, let filter):
            guard filter == nil else { return nil }
            return call(name.text, args.map(\.value), depth: d, state: &state)
        case .conditional(let c, let t, let e):
            guard let cond = truth(c, depth: d, state: &state) else { return nil }
            return quantity(cond ? t : e, depth: d, state: &state)
        case .per(let amount, let unit, let base, let above):
            return per(amount, unit, base, above, depth: d, state: &state)
        case .string, .bool, .member, .inRange, .missing: return nil
        }
    }

    private func param(_ name: String, depth: Int, state: inout FoldState) -> Quantity? {
        if let known = state.params[name] { return known }
        guard let expr = symbols.param(name), !state.visiting.contains(name) else { return nil }
        state.visiting.insert(name)
        let value = quantity(expr, depth: depth, state: &state)
        state.visiting.remove(name)
        state.params[name] = .some(value)
        return value
    }

    private func unary(_ op: UnaryOp, _ operand: Expr, depth: Int, state: inout FoldState) -> Quantity? {
        guard let q = quantity(operand, depth: depth, state: &state) else { return nil }
        switch op {
        case .negate: return Quantity(-q.value, q.dimension)
        case .plus: return q
        case .not: return nil
        }
    }

    /// A chain of binary operations (`a + b - c`), folded in a loop rather than one recursion
    /// per operator; the first operand that is not constant ends it.
    private func chain(_ expr: Expr, depth: Int, state: inout FoldState) -> Quantity? {
        guard let chain = BinaryChain(expr), var value = quantity(chain.first, depth: depth, state: &state)
        else { return nil }
        for link in chain.links {
            guard let b = quantity(link.rhs, depth: depth, state: &state),
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

    private func call(_ name: String, _ args: [Expr], depth: Int, state: inout FoldState) -> Quantity? {
        guard let builtin = Builtins.lookup(name, arguments: args.count), builtin.kind == .function,
              builtin.accepts(count: args.count), let body = builtin.implementation else { return nil }
        var values: [Quantity] = []
        for arg in args {
            guard let q = quantity(arg, depth: depth, state: &state) else { return nil }
            values.append(q)
        }
        let dimension = values.first?.dimension ?? .none
        let result = body(values.map(\.value))
        guard result.isFinite else { return nil }
        switch builtin.unitRule {
        case .squareRoot: return Quantity(result, dimension.squareRoot ?? dimension)
        case .quotient: return Quantity(result, dimension / (values.last?.dimension ?? .none))
        case .same, .ratios: return Quantity(result, dimension)
        case .dimensionless, .count: return Quantity(result)
        }
    }

    private func per(_ amount: Expr, _ unit: Expr, _ base: Expr, _ above: Expr?, depth: Int,
                     state: inout FoldState) -> Quantity? {
        guard let a = quantity(amount, depth: depth, state: &state),
              let u = quantity(unit, depth: depth, state: &state), u.value != 0,
              let b = quantity(base, depth: depth, state: &state) else { return nil }
        var threshold = 0.0
        if let above {
            guard let t = quantity(above, depth: depth, state: &state) else { return nil }
            threshold = t.value
        }
        return Quantity(a.value * Swift.max(0, b.value - threshold) / u.value, a.dimension)
    }
}

/// What one call of the folder has worked out so far: the params being folded (a param met again
/// while being folded is a cycle, and not constant) and the params already folded, each once.
struct FoldState {
    var visiting: Set<String> = []
    var params: [String: Quantity?] = [:]
    var unitless: [String: Bool] = [:]
}
