import LeverCheck
import LeverSyntax

extension Lowerer {
    /// An assertion's verdict nodes: per account (1 holds, 0 broken, undefined when it reads an
    /// undefined value) and, when it is checked on each position, per position with the count of
    /// positions that certainly break it. Nil when the proofs stage proved every instance.
    /// Lowering is hash-consed, so asking twice (the status, then the outputs) gives the same nodes.
    struct Verdict {
        var holds: NodeRef
        var perPosition: (verdict: NodeRef, breaches: NodeRef)?
    }

    mutating func verdict(_ decl: Declaration) -> Verdict? {
        guard case .assertion(let assertion) = decl.kind else { return nil }
        let proved = checked.provedAssertions[decl.id] ?? []
        let quantifier = assertion.quantifier?.text
        let ctx = LowerContext()
        let perPosition = ["position", "asset", "class", "venue"].contains(quantifier ?? "")
        // Checked on each position when the quantifier says so, or when what it reads is per
        // position (`assert maintenance < initial` with a size-dependent initial margin).
        var verdict = lower(assertion.condition, ctx)
        guard perPosition || builder.domain(verdict) == .position else {
            return proved.contains("") ? nil : Verdict(holds: verdict, perPosition: nil)
        }
        if quantifier == "asset" {
            // Only the assets whose proof was not found are checked: a proved asset costs nothing.
            let open = assets.map { !proved.contains($0) }
            guard open.contains(true) else { return nil }
            if open.contains(false) {
                verdict = builder.cases(.asset, caseOf: open.map { $0 ? 0 : 1 },
                                        cases: [verdict, builder.constant(1)], fallback: builder.constant(1))
            }
        } else if proved.contains("") {
            return nil
        }
        let breaches = builder.aggregate(.sum, builder.unary(.isFalse, verdict), filter: nil)
        let unknown = builder.aggregate(.sum, builder.unary(.isUndefined, verdict), filter: nil)
        // Kleene's `and` over the positions: one certain breach decides, else one unknown does.
        let holds = builder.select(builder.binary(.greater, breaches, builder.constant(0)), builder.constant(0),
                                   builder.select(builder.binary(.greater, unknown, builder.constant(0)),
                                                  builder.constant(.nan), builder.constant(1)))
        return Verdict(holds: holds, perPosition: (verdict, breaches))
    }

    /// The status after the assertions that say what a breach means (`else margin_call`): at
    /// least that status for a breaching account; undefined (so `unvalued`) when one of them
    /// cannot be decided.
    mutating func withBreachStatuses(_ status: NodeRef) -> NodeRef {
        var status = status
        for decl in symbols.assertions {
            guard case .assertion(let assertion) = decl.kind, let word = assertion.consequence?.text,
                  let code = Self.statusWords.firstIndex(of: word), let verdict = verdict(decl) else { continue }
            let imposed = builder.select(verdict.holds, builder.constant(0), builder.constant(Double(code)))
            status = builder.binary(.max, status, imposed)
        }
        return status
    }

    /// Compiles every assertion instance the proofs stage did not prove (`CheckResult.provedAssertions`)
    /// into outputs after the reported ones. Proved instances cost nothing at run time.
    mutating func lowerAssertions() -> [CompiledAssertion] {
        var compiled: [CompiledAssertion] = []
        for decl in symbols.assertions {
            guard case .assertion(let assertion) = decl.kind, let verdict = verdict(decl) else { continue }
            let ctx = LowerContext()
            let text = source(decl.span).replacingOccurrences(of: "assert ", with: "", options: .anchored)
            let location = Self.shortLocation(decl.span, in: checked.sources)
            let index = compiled.count
            let holdsName = "assert \(index)"
            builder.output(holdsName, verdict.holds)
            var entry = CompiledAssertion(text: text, location: location, level: .account, holds: outputIndex(holdsName),
                                          breaches: nil, operands: [], positionHolds: nil,
                                          consequence: assertion.consequence?.text)
            if let (perPosition, breaches) = verdict.perPosition {
                entry.level = .position
                entry.operands = assertionOperands(assertion.condition).map { expr in
                    let node = lower(expr, ctx)
                    builder.probe("assert \(index) \(source(expr.span))", node)
                    return CompiledAssertion.Operand(text: source(expr.span), dimension: dimension(of: expr), index: node.index)
                }
                builder.probe("assert \(index)", perPosition)
                builder.output("assert \(index) breaches", breaches)
                entry.breaches = outputIndex("assert \(index) breaches")
                entry.positionHolds = perPosition
            } else {
                entry.operands = assertionOperands(assertion.condition).enumerated().map { i, expr in
                    let name = "assert \(index) operand \(i)"
                    builder.output(name, lower(expr, ctx))
                    return CompiledAssertion.Operand(text: source(expr.span), dimension: dimension(of: expr), index: outputIndex(name))
                }
            }
            compiled.append(entry)
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
