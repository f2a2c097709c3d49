import Foundation
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// Where an expression is evaluated: the asset whose property chain is being folded (nil for the
/// current position's own asset, with venue adjustments), the scenario whose shocked market is
/// read, the value a curve's parameter stands for, and the current position.
struct ReferenceScope {
    var asset: Int?
    var scenario: Int?
    var curveArgument: Double?
    var position: Int?
    /// In the argument of an aggregate over groups: the key and the group's key value.
    var groupKey: String?
    var groupValue = 0
}

/// The reference evaluator: evaluates one account of a book under a checked policy by walking the
/// AST directly with the checker's resolutions. No plan, no closures, no columns: plain recursion
/// over `Double`s, written from the language's semantics (the `Lowerer*.swift` files) so that the
/// compiled path can be checked against it.
///
/// Values are coded as the compiled path codes them so that outputs compare one to one: booleans
/// 1/0 (any non-zero, NaN included, is true), words by `WordCode`, row labels and entities by index.
final class ReferenceEvaluator {
    let checked: CheckResult
    let market: ReferenceMarket
    let horizon: Double
    let assets: [String]
    let assetClasses: [String]
    let venues: [String]
    let classes: [String]
    /// Per scenario, per asset: the factor on price and on vol.
    let shocks: [[String: [Double]]]
    var positions: [ReferencePosition] = []
    var score: Double = .nan
    /// The policy's declared input ranges.
    var ranges: [ReferenceRange] = []
    var attributes: [String: AttributeValue] = [:]
    /// Account-level values already computed for the current account (results, measures, tables, params).
    var cache: [String: Double] = [:]
    /// Strings met so far, coded by their index (only equality and display need them).
    var strings: [String] = []
    /// Recursion guard: the checker forbids cycles, this only keeps a bug from overflowing the stack.
    var depth = 0

    var symbols: SymbolTable { checked.symbols }

    init(checked: CheckResult, market: MarketSnapshot, horizon: Double) {
        self.checked = checked
        self.horizon = horizon
        let symbols = checked.symbols
        assets = symbols.symbols(.asset).map(\.name)
        assetClasses = assets.map { symbols.assetInfo($0)?.cls.text ?? "" }
        venues = symbols.names(.venue)
        classes = symbols.names(.class)
        let oracle = symbols.settingsBody(.oracle) ?? []
        let fold = ConstantFolder(symbols: symbols)
        let age = oracle.last { $0.name.text == "max_price_age" }.flatMap { fold.fold($0.value) } ?? .infinity
        // one minute unless the policy says otherwise, in years as durations fold
        let skew = oracle.last { $0.name.text == "max_clock_skew" }.flatMap { fold.fold($0.value) } ?? 60.0 / 31_536_000
        var stale = "zero"
        if let item = oracle.last(where: { $0.name.text == "stale_price" }), case .name(let w) = item.value.kind,
           ["zero", "reject", "keep"].contains(w) {
            stale = w
        }
        // market inputs other than the price: their own limit, else the price's
        let inputAge = oracle.last { $0.name.text == "max_input_age" }.flatMap { fold.fold($0.value) } ?? age
        let emptyPool = oracle.last { $0.name.text == "empty_pool_utilization" }.flatMap { fold.fold($0.value) } ?? 0
        // Declared input ranges: data outside one is no data (the proofs assumed the range).
        let ranges = symbols.symbols(.input).compactMap { symbol -> ReferenceRange? in
            guard case .input(let name, let interval) = symbol.declaration.kind, let lo = fold.fold(interval.lower),
                  let hi = fold.fold(interval.upper) else { return nil }
            return ReferenceRange(path: name.text, lower: lo, upper: hi, lowerClosed: interval.lowerClosed,
                                  upperClosed: interval.upperClosed)
        }
        self.ranges = ranges
        self.market = ReferenceMarket(assets: assets, market: market, maxPriceAge: age, maxClockSkew: skew,
                                      stalePrice: stale, emptyPoolUtilization: emptyPool, ranges: ranges,
                                      declared: symbols.declaredMarketInputs, maxInputAge: inputAge)
        shocks = Self.shockFactors(symbols: symbols, assets: assets, classes: assetClasses)
    }

    // MARK: - Accounts

    /// The account's outputs by name, in report order, or nil when the account is not evaluated
    /// (an asset or a venue the policy does not declare, or a price the oracle rule rejects).
    func evaluate(_ account: Account) -> [(name: String, value: ReportValue)]? {
        var rows: [ReferencePosition] = []
        for p in account.positions {
            guard let a = assets.firstIndex(of: p.asset), !market.rejected[a] else { return nil }
            let v = p.venue.flatMap { venues.firstIndex(of: $0) } ?? -1
            if p.venue != nil, v < 0 { return nil }
            rows.append(ReferencePosition(p, asset: a, venue: v, market: market.snapshot))
        }
        positions = rows
        score = ReferenceRange.outside(ranges, "account.score", account.score) ? .nan : account.score
        attributes = account.attributes
        cache = [:]
        return outputs().map { output in
            let value = Self.reportValue(output.value, kind: output.kind)
            // A status that cannot be decided is reported as `unvalued`, never as a decision.
            return (output.name, output.name == "status" && value == .undefined ? .unvalued : value)
        }
    }

    /// As the engine shows a number of a given kind: NaN is undefined, labels by index.
    static func reportValue(_ x: Double, kind: OutputKind) -> ReportValue {
        if x.isNaN { return .undefined }
        switch kind {
        case .number: return .number(x)
        case .flag: return .flag(x != 0)
        case .label(let labels):
            let i = Int(x)
            return labels.indices.contains(i) ? .label(labels[i]) : .undefined
        }
    }

    func intern(_ text: String) -> Int {
        if let i = strings.firstIndex(of: text) { return i }
        strings.append(text)
        return strings.count - 1
    }

    /// Memoises an account-level value of the current account.
    func memo(_ key: String, _ body: () -> Double) -> Double {
        if let hit = cache[key] { return hit }
        let v = body()
        cache[key] = v
        return v
    }

    static func key(_ kind: String, _ name: String, _ scope: ReferenceScope) -> String {
        "\(kind):\(name)/\(scope.scenario.map(String.init) ?? "-")"
    }

    // MARK: - Expressions

    func eval(_ expr: Expr, _ scope: ReferenceScope) -> Double {
        depth += 1
        defer { depth -= 1 }
        guard depth < 2_000 else { return .nan }
        switch expr.kind {
        case .number(let literal): return UnitTable.quantity(of: literal)?.value ?? .nan
        case .string(let text): return Double(intern(text))
        case .bool(let b): return b ? 1 : 0
        case .name, .member: return reference(expr, scope)
        case .unary(let op, let operand):
            let x = eval(operand, scope)
            switch op {
            case .plus: return x
            case .negate: return 0 - x
            case .not: return x.isNaN ? x : (x != 0 ? 0 : 1)
            }
        case .binary(let op, let l, let r): return Self.binary(op, eval(l, scope), eval(r, scope))
        case .call(let name, let args, let filter): return call(expr, name.text, args, filter, scope)
        case .conditional(let c, let a, let b):
            let cond = eval(c, scope)
            return cond.isNaN ? .nan : (cond != 0 ? eval(a, scope) : eval(b, scope))
        case .inRange(let x, let i):
            let v = eval(x, scope), lo = eval(i.lower, scope), hi = eval(i.upper, scope)
            if v.isNaN || lo.isNaN || hi.isNaN { return .nan }
            let above = i.lowerClosed ? v >= lo : v > lo
            let below = i.upperClosed ? v <= hi : v < hi
            return above && below ? 1 : 0
        case .per(let amount, let unit, let base, let above):
            // amount × max(0, base − above) ÷ unit
            let excess = above.map { eval(base, scope) - eval($0, scope) } ?? eval(base, scope)
            return eval(amount, scope) * Self.divide(Self.maximum(excess, 0), eval(unit, scope))
        case .paren(let inner): return eval(inner, scope)
        case .missing: return .nan
        }
    }

    /// Division by zero is ±∞ by the numerator's sign, +∞ for 0 ÷ 0.
    static func divide(_ a: Double, _ b: Double) -> Double {
        b == 0 ? (a.isNaN ? a : (a < 0 ? -.infinity : .infinity)) : a / b
    }

    /// `max` and `min` are undefined when either operand is (undefined never becomes an answer).
    static func maximum(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (b > a ? b : a) }
    static func minimum(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (b < a ? b : a) }

    static func binary(_ op: BinaryOp, _ a: Double, _ b: Double) -> Double {
        func truth(_ x: Bool) -> Double { x ? 1 : 0 }
        // Three-valued logic: a comparison with an undefined side is undefined; `and` is false
        // if either side is false, `or` true if either side is true, whatever the other holds.
        let unknown = a.isNaN || b.isNaN
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: if unknown { return .nan }
        case .and:
            if a == 0 || b == 0 { return 0 }
            return unknown ? .nan : 1
        case .or:
            if (!a.isNaN && a != 0) || (!b.isNaN && b != 0) { return 1 }
            return unknown ? .nan : 0
        default: break
        }
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return divide(a, b)
        case .power: return pow(a, b)
        case .equal: return truth(a == b)
        case .notEqual: return truth(a != b)
        case .less: return truth(a < b)
        case .lessEqual: return truth(a <= b)
        case .greater: return truth(a > b)
        case .greaterEqual: return truth(a >= b)
        case .and: return truth(a != 0 && b != 0)
        case .or: return truth(a != 0 || b != 0)
        }
    }

    // MARK: - Calls

    func call(_ expr: Expr, _ name: String, _ args: [Argument], _ filter: Expr?, _ scope: ReferenceScope) -> Double {
        if case .curve(let curve) = checked.resolutions[expr], let arg = args.first {
            return curveValue(curve, eval(arg.value, scope), scope)
        }
        if name == "under", args.count == 2, case .name(let scenario) = args[0].value.kind,
           let s = symbols.symbols(.scenario).firstIndex(where: { $0.name == scenario }) {
            var shocked = scope
            shocked.scenario = s
            return eval(args[1].value, shocked)
        }
        if name == "worst_loss", let x = args.first?.value {
            // the largest weighted loss of x over the scenarios, never below 0
            let now = eval(x, scope)
            var worst = 0.0
            for (s, symbol) in symbols.symbols(.scenario).enumerated() {
                var shocked = scope
                shocked.scenario = s
                var loss = now - eval(x, shocked)
                if case .scenario(_, let shocks) = symbol.declaration.kind,
                   let w = shocks.last(where: { $0.target.text == "weight" }).flatMap({ ConstantFolder(symbols: symbols).fold($0.value) }) {
                    loss = loss * w
                }
                worst = Self.maximum(worst, loss)
            }
            return worst
        }
        let grouped = args.contains { $0.label?.text == "by" }
        let args = args.filter { $0.label?.text != "by" }
        let isAggregate = Builtins.lookup(name, arguments: args.count)?.kind == .aggregate || filter != nil
        if isAggregate, ["sum", "max", "min", "avg", "count"].contains(name) {
            if !grouped, let arg = args.first, let key = Builtins.groupKey(in: arg.value) {
                return overGroups(name, arg.value, key: key, scope)
            }
            var own = scope
            if !grouped { own.groupKey = nil }
            return aggregate(name, args.first?.value, filter: filter, own)
        }
        let xs = args.map { eval($0.value, scope) }
        switch (name, xs.count) {
        case ("min", 1...): return xs.dropFirst().reduce(xs[0], Self.minimum)
        case ("max", 1...): return xs.dropFirst().reduce(xs[0], Self.maximum)
        case ("clamp", 3): return Self.minimum(Self.maximum(xs[0], xs[1]), xs[2])
        case ("abs", 1): return xs[0] < 0 ? 0 - xs[0] : xs[0]
        case ("sqrt", 1): return xs[0].squareRoot()
        case ("exp", 1): return exp(xs[0])
        case ("ln", 1): return log(xs[0])
        case ("floor", 1): return floor(xs[0])
        case ("ceil", 1): return ceil(xs[0])
        case ("round", 1): return xs[0].rounded(.toNearestOrAwayFromZero)
        case ("floor_div", 2): return floor(Self.divide(xs[0], xs[1]))
        case ("ceil_div", 2): return ceil(Self.divide(xs[0], xs[1]))
        case ("isqrt", 1): return floor(xs[0].squareRoot())
        // A direction of rounding is a fixed-point matter: in binary64 the product is the product.
        case ("rounded_down", 1), ("rounded_up", 1), ("rounded_half_up", 1), ("rounded_half_even", 1): return xs[0]
        case ("ncdf", 1): return 0.5 * erfc(-xs[0] / 2.0.squareRoot())
        case ("npdf", 1): return exp(-xs[0] * xs[0] / 2) / (2 * Double.pi).squareRoot()
        default: return .nan
        }
    }

    /// Folds the account's positions where the filter holds; an account with no matching
    /// position gets 0 for every kind.
    func aggregate(_ kind: String, _ value: Expr?, filter: Expr?, _ scope: ReferenceScope) -> Double {
        var total = 0.0, seen = 0
        for p in positions.indices {
            if let key = scope.groupKey, groupValue(of: p, key) != scope.groupValue { continue }
            var inner = scope
            inner.position = p
            inner.groupKey = nil
            if let filter {
                let keep = eval(filter, inner)
                if keep.isNaN { return .nan }      // may or may not count: the total is unknown
                if keep == 0 { continue }
            }
            let v: Double
            if let value, !Self.isPositions(value) { v = eval(value, inner) } else { v = 1 }
            if v.isNaN { return .nan }
            // `count(side == long)`: the positions where the condition holds.
            if kind == "count", v == 0 { continue }
            switch kind {
            case "sum", "avg": total += v
            case "count": total += 1
            case "max": total = seen == 0 || v > total ? v : total
            default: total = seen == 0 || v < total ? v : total
            }
            seen += 1
        }
        return kind == "avg" && seen > 0 ? total / Double(seen) : total
    }

    /// `sum(abs(sum(x, by: asset)))`: the argument once per group the account holds a position
    /// in (in key order), folded like positions are; no group gives 0.
    func overGroups(_ kind: String, _ argument: Expr, key: String, _ scope: ReferenceScope) -> Double {
        let present = Set(positions.indices.map { groupValue(of: $0, key) }).sorted()
        var total = 0.0, seen = 0
        for g in present {
            var inner = scope
            inner.groupKey = key
            inner.groupValue = g
            let v = eval(argument, inner)
            if v.isNaN { return .nan }
            switch kind {
            case "sum", "avg": total += v
            case "count": total += v != 0 ? 1 : 0
            case "max": total = seen == 0 || v > total ? v : total
            default: total = seen == 0 || v < total ? v : total
            }
            seen += 1
        }
        return kind == "avg" && seen > 0 ? total / Double(seen) : total
    }

    /// A position's value of a group key: its asset's, venue's or class's index.
    func groupValue(of p: Int, _ key: String) -> Int {
        switch key {
        case "asset": positions[p].asset
        case "venue": positions[p].venue
        default: classes.firstIndex(of: assetClasses[positions[p].asset]) ?? -1
        }
    }

    static func isPositions(_ e: Expr) -> Bool {
        if case .name("positions") = e.kind { return true }
        return false
    }

    /// Sums a position-level quantity over the account (a standard result's building block).
    func sum(_ scope: ReferenceScope, _ body: (ReferenceScope) -> Double) -> Double {
        var total = 0.0
        for p in positions.indices {
            var inner = scope
            inner.position = p
            total += body(inner)
        }
        return total
    }
}
