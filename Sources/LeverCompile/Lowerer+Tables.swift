import LeverCheck
import LeverSyntax

extension Lowerer {
    /// The matching row's index for a table (−1 when no row matches).
    mutating func tableRow(_ name: String, _ ctx: LowerContext) -> NodeRef {
        guard let table = symbols.table(name) else { return builder.constant(-1) }
        var own = LowerContext()
        own.scenario = ctx.scenario
        return memo(Self.key("table", name, own), at: table.name.span) { me in
            let keys = table.keys.map { me.lower($0, own) }
            // A column keyed on another table's row (`tier`) compares row labels (`Prime`) by
            // that table's row index, as `tier == Prime` does.
            let labelTables = table.keys.map { key -> String? in
                if case .tableLabel(let t)? = me.checked.resolutions[key] { return t }
                return nil
            }
            let rows = table.rows.map { row in
                row.patterns.enumerated().map { column, pattern in
                    me.matcher(pattern, own, labelsOf: labelTables.indices.contains(column) ? labelTables[column] : nil)
                }
            }
            let plan = TablePlan(name: name, rows: rows, labels: table.rows.map(\.label.text),
                                 keys: table.keys.map { me.source($0.span) })
            let detail = table.rows.map { row in
                row.patterns.map { ExpressionText.pattern($0, source: me.source) }.joined(separator: ", ") + " → " + row.label.text
            }.joined(separator: "; ")
            let keyText = table.keys.map { me.source($0.span) }.joined(separator: ", ")
            let row = me.named(me.builder.tableRow(plan, keys: keys), name,
                               "by \(keyText) (hit \(table.hit?.rawValue ?? "unique")): \(detail)", at: table.name.span)
            return name == "tier" ? me.downgradedTier(row) : row
        }
    }

    mutating func matcher(_ pattern: Pattern, _ ctx: LowerContext, labelsOf labelTable: String? = nil) -> TablePlan.Matcher {
        let fold = folder
        switch pattern {
        case .any: return .any
        case .interval(let i):
            return .interval(lower: fold.fold(i.lower) ?? .nan, upper: fold.fold(i.upper) ?? .nan,
                             lowerClosed: i.lowerClosed, upperClosed: i.upperClosed)
        case .comparison(let op, let bound, _):
            let v = fold.fold(bound) ?? .nan
            switch op {
            case .less: return .interval(lower: -.infinity, upper: v, lowerClosed: true, upperClosed: false)
            case .lessEqual: return .interval(lower: -.infinity, upper: v, lowerClosed: true, upperClosed: true)
            case .greater: return .interval(lower: v, upper: .infinity, lowerClosed: false, upperClosed: true)
            default: return .interval(lower: v, upper: .infinity, lowerClosed: true, upperClosed: true)
            }
        case .values(let values, _):
            return .values(values.map { value -> Double in
                // Interned here as everywhere else: a string the rest of the policy never
                // compares with must still get its code, or the row could never match.
                if case .string(let s) = value.kind { return Double(intern(s)) }
                if case .name(let w) = value.kind, let labelTable,
                   let row = symbols.table(labelTable)?.rows.firstIndex(where: { $0.label.text == w }) {
                    return Double(row)
                }
                if case .name(let w) = value.kind, let code = WordCode.value(w) { return code }
                return fold.fold(value) ?? .nan
            })
        }
    }

    /// A row field: a lookup when every row's value is constant, else one select per row.
    mutating func tableField(_ name: String, _ field: String, _ ctx: LowerContext) -> NodeRef {
        guard let table = symbols.table(name) else { return builder.constant(.nan) }
        let row = tableRow(name, ctx)
        let fold = folder
        let exprs = table.rows.map { r in r.body.last { $0.name.text == field }?.value }
        let constants = exprs.map { e in e.map { fold.fold($0) } ?? 0 }
        let detail = zip(table.rows, exprs).map { r, e in "\(r.label.text): \(e.map { source($0.span) } ?? "0")" }
            .joined(separator: "; ")
        if constants.allSatisfy({ $0 != nil }) {
            return named(builder.add(.tableField(row, values: constants.map { $0 ?? .nan })), "\(name).\(field)", detail)
        }
        var value = builder.constant(.nan)
        for (r, e) in exprs.enumerated().reversed() {
            let v = e.map { lower($0, ctx) } ?? builder.constant(0)
            value = builder.select(builder.binary(.equal, row, builder.constant(Double(r))), v, value)
        }
        return value
    }

    static func bodySpan(_ body: CurveBody) -> Span {
        switch body {
        case .points(_, let s), .steps(_, let s): s
        case .expression(let e): e.span
        }
    }

    mutating func tableFieldOrZero(_ name: String, _ field: String, _ ctx: LowerContext) -> NodeRef {
        let hasField = symbols.table(name)?.rows.contains { $0.body.contains { $0.name.text == field } } ?? false
        return hasField ? tableField(name, field, ctx) : builder.constant(0)
    }

    /// A curve applied to a value: kinked, points and steps become one kernel; an expression
    /// curve is inlined with its parameter bound to the argument.
    mutating func lowerCurveCall(_ name: String, _ x: NodeRef, _ ctx: LowerContext) -> NodeRef {
        guard let curve = symbols.curve(name) else { return builder.constant(.nan) }
        let fold = folder
        func points(_ ps: [CurvePoint]) -> ([Double], [Double]) {
            (ps.map { fold.fold($0.x) ?? .nan }, ps.map { fold.fold($0.y) ?? .nan })
        }
        let title = "curve \(name)", detail = source(curve.name.span.to(Self.bodySpan(curve.body)))
        switch curve.body {
        case .points(let ps, _):
            let (xs, ys) = points(ps)
            return named(builder.curve(.points(xs: xs, ys: ys), x), title, detail, at: curve.name.span)
        case .steps(let ps, _):
            let (xs, ys) = points(ps)
            return named(builder.curve(.steps(xs: xs, ys: ys), x), title, detail, at: curve.name.span)
        case .expression(let e):
            if case .call(let fn, let args, _) = e.kind, fn.text == "kinked" {
                func arg(_ label: String) -> Double {
                    args.first { $0.label?.text == label }.flatMap { fold.fold($0.value) } ?? .nan
                }
                return named(builder.curve(.kinked(base: arg("base"), slope1: arg("slope1"), kink: arg("kink"),
                                                   slope2: arg("slope2")), x), title, detail, at: curve.name.span)
            }
            var inner = ctx
            inner.curveArgument = x
            return lower(e, inner)
        }
    }
}
