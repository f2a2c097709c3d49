import LeverSyntax

/// Runs the table, curve and proof analyses (Sources/LeverCheck/Analyses) after the checker.
///
/// Must run after `units`: the analyses fold constants and assume names resolve and units agree,
/// so a declaration with a checker error inside it is skipped rather than analysed into noise.
struct AnalysisStages {
    let symbols: SymbolTable
    let types: NodeTable<LeverType>
    let folder: ConstantFolder
    /// Spans of the errors the earlier stages found.
    let errorSpans: [Span]

    init(symbols: SymbolTable, types: NodeTable<LeverType>, earlier: [Diagnostic]) {
        self.symbols = symbols
        self.types = types
        self.folder = ConstantFolder(symbols: symbols)
        self.errorSpans = earlier.filter { $0.severity == .error }.map(\.primary.span)
    }

    /// The diagnostics of every analysis stage up to `stopAfter`, and the assertion instances
    /// the proofs stage proved (`CheckResult.provedAssertions`).
    func run(stopAfter: StageName) -> (diagnostics: [Diagnostic], proved: [NodeID: Set<String>]) {
        let evaluator = makeEvaluator(covered: [])
        var diagnostics: [Diagnostic] = []
        // Tables the analysis found nothing to say about: every key value matches a row, so a
        // field is always one of the rows' values (proofs may use that).
        var covered: Set<String> = []
        for symbol in symbols.ordered where isClean(symbol.declaration) {
            switch symbol.declaration.kind {
            case .table(let table) where stopAfter >= .tables:
                let found = TableAnalysis.check(table, domains: table.keys.map(domain), evaluator: evaluator)
                if found.isEmpty { covered.insert(table.name.text) }
                diagnostics += found
            case .curve(let curve) where stopAfter >= .curves:
                diagnostics += CurveAnalysis.check(curve, evaluator: evaluator)
            default:
                continue
            }
        }
        guard stopAfter >= .proofs else { return (diagnostics, [:]) }
        var proved: [NodeID: Set<String>] = [:]
        let proving = makeEvaluator(covered: covered)
        for decl in symbols.assertions where isClean(decl) {
            guard case .assertion(let assertion) = decl.kind else { continue }
            let report = ProofAnalysis.check(assertion, span: assertion.condition.span, symbols: symbols,
                                             evaluator: proving)
            diagnostics += report.diagnostics
            proved[decl.id] = Set(report.results.filter { $0.outcome == .proved }.map { $0.instance ?? "" })
        }
        return (diagnostics, proved)
    }

    /// No earlier error lies inside the declaration.
    private func isClean(_ decl: Declaration) -> Bool {
        !errorSpans.contains { $0.file == decl.span.file && $0.start >= decl.span.start && $0.end <= decl.span.end }
    }

    /// What a table key can take: its declared input range, its enum words, or unknown.
    private func domain(_ key: Expr) -> TableAnalysis.KeyDomain {
        if let path = Self.path(key), let range = inputBounds(path) { return .numeric(range) }
        if case .word(let set)? = types[key] { return .categories(set.words) }
        return .unknown
    }

    // MARK: - The evaluator the analyses share

    /// Params fold to constants, declared inputs give their ranges, a field of a `covered` table
    /// the hull of its rows' values, a curve call what the curve can return over its argument's
    /// range (`CurveAnalysis.range`); everything else is unknown. A table that may match no row
    /// gives an undefined field, so only covered tables count.
    func makeEvaluator(covered: Set<String>) -> IntervalEvaluator {
        var evaluator = IntervalEvaluator(
            name: { expr in self.nameBounds(expr, covered: covered) },
            literal: { UnitTable.quantity(of: $0)?.value })
        let plain = evaluator
        evaluator.function = { name, args in
            guard let curve = self.symbols.curve(name.text), args.count == 1 else { return nil }
            return CurveAnalysis.range(of: curve, argument: args[0], evaluator: plain)
        }
        return evaluator
    }

    private func nameBounds(_ expr: Expr, covered: Set<String>) -> Bounds? {
        if case .name(let name) = expr.kind, let param = symbols.param(name) {
            return folder.fold(param).map(Bounds.exactly)
        }
        if case .member(let base, let field) = expr.kind, case .name(let table) = base.kind,
           covered.contains(table), let decl = symbols.table(table) {
            return fieldBounds(decl, field.text)
        }
        return Self.path(expr).flatMap(inputBounds)
    }

    /// Every value a table's field takes (`tier.credit_line`): the hull of its rows' values, as
    /// the compiler reads them (the row's last line for the field; a row that omits it gives 0);
    /// nil when a row computes it.
    private func fieldBounds(_ table: TableDecl, _ field: String) -> Bounds? {
        var hull = Bounds.empty
        for row in table.rows {
            guard let value = row.body.last(where: { $0.name.text == field }).map({ folder.fold($0.value) }) ?? 0
            else { return nil }
            hull = hull.hull(.exactly(value))
        }
        return table.rows.isEmpty ? nil : hull
    }

    /// The declared range of an input path, when both ends fold.
    private func inputBounds(_ path: String) -> Bounds? {
        guard let range = symbols.inputRange(path), let lo = folder.fold(range.lower),
              let hi = folder.fold(range.upper) else { return nil }
        return Bounds(lo, hi, lowerClosed: range.lowerClosed, upperClosed: range.upperClosed)
    }

    /// `vol`, `account.score` or `BTC.vol` as one dotted path.
    static func path(_ expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name): name
        case .member(let base, let member): path(base).map { "\($0).\(member.text)" }
        case .paren(let inner): path(inner)
        default: nil
        }
    }
}
