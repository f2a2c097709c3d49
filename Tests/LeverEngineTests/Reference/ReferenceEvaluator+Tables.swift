import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// Decision tables and curves.
extension ReferenceEvaluator {
    /// The first row whose every pattern matches (−1 when none). `unique` tables have at most one.
    func tableRow(_ name: String, _ scope: ReferenceScope) -> Double {
        guard let table = symbols.table(name) else { return -1 }
        var own = ReferenceScope(scenario: scope.scenario)
        own.position = scope.position
        let compute = { () -> Double in
            let keys = table.keys.map { self.eval($0, own) }
            for (r, row) in table.rows.enumerated() where row.patterns.count == keys.count {
                // A row whose outcome hangs on an undefined key leaves the row undefined: a later
                // row (or `else`) would be an answer built on an unknown.
                var unknown = false, fails = false
                for (pattern, key) in zip(row.patterns, keys) {
                    if case .any = pattern { continue }
                    if key.isNaN { unknown = true } else if !self.matches(pattern, key) { fails = true }
                }
                if fails { continue }
                return unknown ? .nan : Double(r)
            }
            return -1
        }
        return scope.position == nil ? memo(Self.key("table", name, own), compute) : compute()
    }

    func matches(_ pattern: Pattern, _ x: Double) -> Bool {
        let fold = ConstantFolder(symbols: symbols)
        switch pattern {
        case .any: return true
        case .interval(let i):
            let lo = fold.fold(i.lower) ?? .nan, hi = fold.fold(i.upper) ?? .nan
            return (i.lowerClosed ? x >= lo : x > lo) && (i.upperClosed ? x <= hi : x < hi)
        case .comparison(let op, let bound, _):
            let v = fold.fold(bound) ?? .nan
            switch op {
            case .less: return x < v
            case .lessEqual: return x <= v
            case .greater: return x > v
            default: return x >= v
            }
        case .values(let values, _):
            return values.contains { value in
                if case .name(let w) = value.kind, let code = WordCode.value(w) { return code == x }
                // A row label (`Prime` in a column keyed on `tier`) is its row's index.
                if case .rowLabel(let table, let label)? = checked.resolutions[value] {
                    return Double(symbols.table(table)?.rows.firstIndex { $0.label.text == label } ?? -1) == x
                }
                if case .string(let text) = value.kind { return Double(intern(text)) == x }
                return (fold.fold(value) ?? .nan) == x
            }
        }
    }

    /// The matching row's field (a row that omits it gives 0); NaN when no row matches.
    func tableField(_ name: String, _ field: String, _ scope: ReferenceScope) -> Double {
        guard let table = symbols.table(name) else { return .nan }
        let row = tableRow(name, scope)
        guard !row.isNaN else { return .nan }
        let r = Int(row)
        guard table.rows.indices.contains(r) else { return .nan }
        guard let item = table.rows[r].body.last(where: { $0.name.text == field }) else { return 0 }
        return eval(item.value, scope)
    }

    func tableFieldOrZero(_ name: String, _ field: String, _ scope: ReferenceScope) -> Double {
        let has = symbols.table(name)?.rows.contains { $0.body.contains { $0.name.text == field } } ?? false
        return has ? tableField(name, field, scope) : 0
    }

    /// A curve at `x`. Kinked: `base + slope1·x/kink` up to the kink (inclusive), then
    /// `base + slope1 + slope2·(x − kink)/(1 − kink)`. Points: linear between points, flat beyond
    /// the ends. Steps: the value of the last step whose x is ≤ the input. Expression curves are
    /// evaluated with their parameter bound to `x`.
    func curveValue(_ name: String, _ x: Double, _ scope: ReferenceScope) -> Double {
        guard let curve = symbols.curve(name) else { return .nan }
        let constant = ReferenceScope()
        switch curve.body {
        case .points(let ps, _):
            let xs = ps.map { eval($0.x, constant) }, ys = ps.map { eval($0.y, constant) }
            guard let last = xs.indices.last else { return 0 }
            if x <= xs[0] { return ys[0] }
            if x >= xs[last] { return ys[last] }
            var i = 1
            while xs[i] < x { i += 1 }
            return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
        case .steps(let ps, _):
            let xs = ps.map { eval($0.x, constant) }, ys = ps.map { eval($0.y, constant) }
            guard !xs.isEmpty else { return 0 }
            var i = 0
            while i + 1 < xs.count, xs[i + 1] <= x { i += 1 }
            return ys[i]
        case .expression(let e):
            if case .call(let fn, let args, _) = e.kind, fn.text == "kinked" {
                func arg(_ label: String) -> Double {
                    args.first { $0.label?.text == label }.map { eval($0.value, constant) } ?? .nan
                }
                let base = arg("base"), s1 = arg("slope1"), kink = arg("kink"), s2 = arg("slope2")
                if x <= kink { return base + s1 * x / kink }
                return base + s1 + s2 * (x - kink) / (1 - kink)
            }
            var inner = scope
            inner.curveArgument = x
            return eval(e, inner)
        }
    }
}
