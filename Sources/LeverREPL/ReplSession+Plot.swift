extension ReplSession {
    /// Columns sampled across 0%..100%: x = i / (columns - 1).
    static let plotColumns = 51
    static let plotName = "repl_plot__"

    /// `:plot CURVE` or `:plot EXPR`: samples the curve (or the expression as a curve of
    /// `utilization` or `x`) and draws it.
    func plot(_ text: String) -> ReplResponse {
        let symbols = policy.checked.symbols
        if let curve = symbols.curve(text) {
            return .output(PlotRenderer().render(samples(curve, symbols: symbols, title: "\(text)(\(curve.parameter.text))")))
        }
        let variable = Self.mentionsX(text) ? "x" : "utilization"
        let prefix = sessionSource + "curve \(Self.plotName)(\(variable)) = "
        let checked = Checker.check(source: prefix + text + "\n", path: checkPath)
        let line = TypedLine(text: text, offset: prefix.utf8.count, file: checked.root?.source.id ?? 0)
        // Shape rules for rate curves (L05xx) do not apply to a plot of any expression.
        let own = line.diagnostics(checked.diagnostics).filter { !$0.code.hasPrefix("L05") }
        if own.hasErrors { return .diagnostics(render(own, line.sources)) }
        guard let curve = checked.symbols.curve(Self.plotName) else { return error("cannot plot `\(text)`") }
        let plot = samples(curve, symbols: checked.symbols, title: text)
        guard plot.samples.contains(where: \.isFinite) else {
            return error("`\(text)` is not a function of utilization alone; it cannot be plotted")
        }
        return .output(PlotRenderer().render(plot))
    }

    /// Whether `text` uses `x` as a name (then `x` is the plotted variable).
    static func mentionsX(_ text: String) -> Bool {
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        return words.contains("x")
    }

    private func samples(_ curve: CurveDecl, symbols: SymbolTable, title: String) -> Plot {
        let evaluator = UtilizationEvaluator(symbols: symbols)
        let ys = (0..<Self.plotColumns).map { i in
            evaluator.curve(curve, at: Double(i) / Double(Self.plotColumns - 1)) ?? .nan
        }
        return Plot(title: title, samples: ys, kink: kink(curve, evaluator), format: format(curve, symbols))
    }

    /// Percent when the curve was written in percentages (or is `kinked`), else plain numbers.
    private func format(_ curve: CurveDecl, _ symbols: SymbolTable) -> ValueFormat {
        let percent = PercentLiterals(symbols: symbols)
        switch curve.body {
        case .expression(let e): return percent.appear(in: e) ? .percent : .plain
        case .points(let points, _), .steps(let points, _): return points.contains { percent.appear(in: $0.y) } ? .percent : .plain
        }
    }

    /// The kink of a `kinked` curve, or of an expression that calls one with the variable
    /// (`2 * borrow_rate(x)` kinks where `borrow_rate` does).
    private func kink(_ curve: CurveDecl, _ evaluator: UtilizationEvaluator) -> Double? {
        guard case .expression(let e) = curve.body else { return nil }
        return evaluator.constantShape(.expression(e))?.kink ?? kinkedCall(in: e, evaluator, depth: 0)
    }

    private func kinkedCall(in e: Expr, _ evaluator: UtilizationEvaluator, depth: Int) -> Double? {
        guard depth < 64 else { return nil }
        switch e.kind {
        case .call(let name, let args, nil):
            if args.count == 1, case .name(let v) = args[0].value.kind, UtilizationEvaluator.variables.contains(v),
               let inner = evaluator.symbols.curve(name.text), let kink = evaluator.constantShape(inner.body)?.kink {
                return kink
            }
            return args.lazy.compactMap { self.kinkedCall(in: $0.value, evaluator, depth: depth + 1) }.first
        case .paren(let inner), .unary(_, let inner): return kinkedCall(in: inner, evaluator, depth: depth + 1)
        case .binary:
            // Operands in written order, a chain of operators in a loop (`BinaryChain`).
            guard let chain = BinaryChain(e) else { return nil }
            return ([chain.first] + chain.links.map(\.rhs)).lazy.compactMap { self.kinkedCall(in: $0, evaluator, depth: depth + 1) }.first
        default: return nil
        }
    }
}
