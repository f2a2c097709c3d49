import LeverCheck
import LeverSyntax

extension Lowerer {
    /// Compiles every assertion instance the proofs stage did not prove (`CheckResult.provedAssertions`)
    /// into outputs after the reported ones. Proved instances cost nothing at run time.
    mutating func lowerAssertions() -> [CompiledAssertion] {
        var compiled: [CompiledAssertion] = []
        for decl in symbols.assertions {
            guard case .assertion(let assertion) = decl.kind else { continue }
            let proved = checked.provedAssertions[decl.id] ?? []
            let quantifier = assertion.quantifier?.text
            let ctx = LowerContext()
            let text = source(decl.span).replacingOccurrences(of: "assert ", with: "", options: .anchored)
            let location = Self.shortLocation(decl.span, in: checked.sources)
            let index = compiled.count
            let perPosition = ["position", "asset", "class", "venue"].contains(quantifier ?? "")
            // Checked on each position when the quantifier says so, or when what it reads is per
            // position (`assert maintenance < initial` with a size-dependent initial margin).
            let condition = lower(assertion.condition, ctx)
            switch perPosition || builder.domain(condition) == .position {
            case true:
                // For `every asset:` only the assets whose proof was not found are checked, so a
                // proved asset costs nothing.
                var verdict = lower(assertion.condition, ctx)
                if quantifier == "asset" {
                    let open = assets.map { !proved.contains($0) }
                    guard open.contains(true) else { continue }
                    if open.contains(false) {
                        verdict = builder.cases(.asset, caseOf: open.map { $0 ? 0 : 1 },
                                                cases: [verdict, builder.constant(1)], fallback: builder.constant(1))
                    }
                } else if proved.contains("") {
                    continue
                }
                let breaches = builder.aggregate(.sum, builder.unary(.isFalse, verdict), filter: nil)
                let unknown = builder.aggregate(.sum, builder.unary(.isUndefined, verdict), filter: nil)
                let holds = builder.select(builder.binary(.greater, breaches, builder.constant(0)), builder.constant(0),
                                           builder.select(builder.binary(.greater, unknown, builder.constant(0)),
                                                          builder.constant(.nan), builder.constant(1)))
                let operands = assertionOperands(assertion.condition).map { expr -> CompiledAssertion.Operand in
                    let node = lower(expr, ctx)
                    builder.probe("assert \(index) \(source(expr.span))", node)
                    return CompiledAssertion.Operand(text: source(expr.span), dimension: dimension(of: expr), index: node.index)
                }
                builder.probe("assert \(index)", verdict)
                let holdsName = "assert \(index)", breachName = "assert \(index) breaches"
                builder.output(holdsName, holds)
                builder.output(breachName, breaches)
                compiled.append(CompiledAssertion(text: text, location: location, level: .position,
                                                  holds: outputIndex(holdsName), breaches: outputIndex(breachName),
                                                  operands: operands, positionHolds: verdict))
            case false:
                guard !proved.contains("") else { continue }
                let holdsName = "assert \(index)"
                builder.output(holdsName, lower(assertion.condition, ctx))
                let operands = assertionOperands(assertion.condition).enumerated().map { i, expr -> CompiledAssertion.Operand in
                    let name = "assert \(index) operand \(i)"
                    builder.output(name, lower(expr, ctx))
                    return CompiledAssertion.Operand(text: source(expr.span), dimension: dimension(of: expr), index: outputIndex(name))
                }
                compiled.append(CompiledAssertion(text: text, location: location, level: .account,
                                                  holds: outputIndex(holdsName), breaches: nil,
                                                  operands: operands, positionHolds: nil))
            }
        }
        return compiled
    }

    /// The values worth showing next to a broken assertion: both sides of a comparison, the
    /// subject of `x in [a, b]`, through parentheses; nothing for other shapes (`a and b`).
    func assertionOperands(_ condition: Expr) -> [Expr] {
        switch condition.kind {
        case .paren(let inner): return assertionOperands(inner)
        case .inRange(let x, _): return [x]
        case .binary(let op, let l, let r) where op.isComparison:
            return [l, r].filter { if case .number = $0.kind { false } else { true } }
        default: return []
        }
    }

    func dimension(of expr: Expr) -> Dimension {
        if case .number(let d)? = checked.types[expr] { return d }
        return .none
    }

    func outputIndex(_ name: String) -> Int {
        builder.plan.outputs.firstIndex { $0.name == name } ?? -1
    }

    /// `prime.lever:248`.
    static func shortLocation(_ span: Span, in sources: SourceMap) -> String {
        guard let file = sources.file(span.file) else { return "<unknown>" }
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return "\(name):\(file.location(of: span.start).line)"
    }
}
