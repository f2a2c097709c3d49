import Foundation
import LeverCheck
import LeverSyntax

/// Evaluates an expression of one variable (`utilization` or `x`) at a given value, calling the
/// policy's curves and folding its params, so `:plot` can sample any one-argument expression.
///
/// Only what a rate expression needs: numbers, params, arithmetic, pure builtins, conditionals
/// and curve calls. Anything else (market data, positions) is not a function of utilization and
/// gives nil. Depth is capped so that no input exhausts the stack.
struct UtilizationEvaluator {
    let symbols: SymbolTable
    /// The market that `BTC.price`-style members read, when one is loaded.
    var market: MarketSnapshot? = nil
    /// The names that stand for the variable.
    static let variables: Set<String> = ["utilization", "x"]
    static let maxDepth = 200

    /// The value of `expr` at `u`, or nil when it is not a function of utilization alone.
    func value(_ expr: Expr, at u: Double, depth: Int = 0) -> Double? {
        guard depth < Self.maxDepth else { return nil }
        let d = depth + 1
        switch expr.kind {
        case .name(let name) where Self.variables.contains(name): return u
        case .name, .number: return ConstantFolder(symbols: symbols).fold(expr)
        case .paren(let inner): return value(inner, at: u, depth: d)
        case .unary(.negate, let e): return value(e, at: u, depth: d).map { -$0 }
        case .unary(.plus, let e): return value(e, at: u, depth: d)
        case .binary:
            // A chain of operators in a loop (`BinaryChain`): its length is not nesting.
            guard let chain = BinaryChain(expr), var a = value(chain.first, at: u, depth: d) else { return nil }
            for link in chain.links {
                guard let b = value(link.rhs, at: u, depth: d), let next = Self.apply(link.op, a, b) else { return nil }
                a = next
            }
            return a
        case .conditional(let c, let t, let e):
            guard let truth = condition(c, at: u, depth: d) else { return nil }
            return value(truth ? t : e, at: u, depth: d)
        case .call(let name, let args, nil): return call(name.text, args, at: u, depth: d)
        case .per(let a, let unit, let b, let above):
            guard let x = value(a, at: u, depth: d), let y = value(unit, at: u, depth: d), y != 0,
                  let z = value(b, at: u, depth: d) else { return nil }
            let t = above.flatMap { value($0, at: u, depth: d) } ?? 0
            return x * max(0, z - t) / y
        case .member(let base, let field): return member(base, field.text)
        case .unary(.not, _), .call, .string, .bool, .inRange, .missing: return nil
        }
    }

    /// `ASSET.price`, `.vol`, `.utilization`, `.supplied`, `.borrowed` from the loaded market.
    private func member(_ base: Expr, _ field: String) -> Double? {
        guard case .name(let asset) = base.kind, let quote = market?[asset] else { return nil }
        switch field {
        case "price": return quote.price
        case "vol": return quote.vol
        case "utilization": return quote.utilization
        case "supplied": return quote.supplied
        case "borrowed": return quote.borrowed
        default: return nil
        }
    }

    private static func apply(_ op: BinaryOp, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: b == 0 ? nil : a / b
        case .power: Foundation.pow(a, b)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: nil
        }
    }

    private func condition(_ expr: Expr, at u: Double, depth: Int) -> Bool? {
        guard case .binary(let op, let l, let r) = expr.kind, op.isComparison,
              let a = value(l, at: u, depth: depth), let b = value(r, at: u, depth: depth) else { return nil }
        switch op {
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        case .greaterEqual: return a >= b
        case .equal: return a == b
        default: return a != b
        }
    }

    private func call(_ name: String, _ args: [Argument], at u: Double, depth: Int) -> Double? {
        var values: [Double] = []
        for arg in args {
            guard let v = value(arg.value, at: u, depth: depth) else { return nil }
            values.append(v)
        }
        if let curve = symbols.curve(name), values.count == 1 { return self.curve(curve, at: values[0], depth: depth) }
        guard let builtin = Builtins.lookup(name, arguments: values.count), let body = builtin.implementation else { return nil }
        let result = body(values)
        return result.isFinite ? result : nil
    }

    /// A curve's value at `x`: a constant shape as the engine computes it (`ConstantCurve`),
    /// another expression body evaluated with its parameter bound.
    func curve(_ decl: CurveDecl, at x: Double, depth: Int = 0) -> Double? {
        if let shape = constantShape(decl.body) { return shape.value(at: x) }
        guard case .expression(let e) = decl.body else { return nil }
        return value(e, at: x, depth: depth + 1)
    }

    /// The curve body's folded shape, or nil when it is not constant.
    func constantShape(_ body: CurveBody) -> ConstantCurve? {
        ConstantCurve(body, folder: ConstantFolder(symbols: symbols))
    }
}
