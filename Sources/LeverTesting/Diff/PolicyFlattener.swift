import Lever

/// Turns a checked policy into `PolicyEntry`s: one per param, property, table-row field, curve
/// point or kinked parameter, scenario shock, measure and assert.
///
/// Files are read in load order, so an `override` in the root replaces the imported entry with
/// the same key, exactly as the checker resolves it.
struct PolicyFlattener {
    let text: ValueText

    init(_ checked: CheckResult) { self.text = ValueText(checked) }

    /// Every entry, in first-declared order, later files replacing earlier ones.
    func entries() -> [PolicyEntry] {
        var order: [String] = []
        var byKey: [String: PolicyEntry] = [:]
        for file in text.checked.files {
            for declaration in file.policy.declarations {
                for entry in entries(of: declaration) {
                    if byKey[entry.key] == nil { order.append(entry.key) }
                    byKey[entry.key] = entry
                }
            }
        }
        return order.compactMap { byKey[$0] }
    }

    func entries(of declaration: Declaration) -> [PolicyEntry] {
        switch declaration.kind {
        case .param(let name, let value): [entry("param \(name.text)", "", value)]
        case .input(let name, let range): [PolicyEntry(subject: "input \(name.text)", item: "range", text: text.source(range.span))]
        case .classDecl(let name, let parent, let body):
            parentEntry("class \(name.text)", parent) + properties("class \(name.text)", body)
        case .asset(let name, let cls, let body):
            parentEntry("asset \(name.text)", cls) + properties("asset \(name.text)", body)
        case .venue(let name, let body): properties("venue \(name.text)", body)
        case .settings(let keyword, let body): properties(keyword.rawValue, body)
        case .table(let table): tableEntries(table)
        case .curve(let curve): curveEntries(curve)
        case .scenario(let name, let shocks):
            shocks.map { entry("scenario \(name.text)", $0.target.text, $0.value) }
        case .assertion(let assertion): [assertEntry(assertion, span: declaration.span)]
        case .measure(let name, let level, let value):
            [PolicyEntry(subject: "measure \(name.text)", item: "", text: "per \(level.rawValue) = " + text.source(value))]
        case .guardrail(let guardrail): [guardEntry(guardrail)]
        }
    }

    // MARK: - Pieces

    func entry(_ subject: String, _ item: String, _ expr: Expr) -> PolicyEntry {
        let (shown, value) = text.entry(expr)
        return PolicyEntry(subject: subject, item: item, text: shown, value: value)
    }

    func parentEntry(_ subject: String, _ parent: Name?) -> [PolicyEntry] {
        parent.map { [PolicyEntry(subject: subject, item: "class", text: $0.text)] } ?? []
    }

    /// Properties keyed by name; an adjustment's text starts with its operator (`-= 2%`).
    func properties(_ subject: String, _ body: [Property]) -> [PolicyEntry] {
        body.map { property in
            var shown = entry(subject, property.name.text, property.value)
            switch property.op {
            case .set, .when: break
            case .add, .subtract, .multiply: shown.text = "\(property.op.rawValue) \(shown.text)"
            }
            shown.operation = property.op.rawValue
            return shown
        }
    }

    func tableEntries(_ table: TableDecl) -> [PolicyEntry] {
        table.rows.flatMap { row -> [PolicyEntry] in
            let subject = table.isTiers ? "tier \(row.label.text)" : "table \(table.name.text) row \(row.label.text)"
            let match = row.patterns.map { text.source($0.span) }.joined(separator: ", ")
            return [PolicyEntry(subject: subject, item: "match", text: match)] + properties(subject, row.body)
        }
    }

    func curveEntries(_ curve: CurveDecl) -> [PolicyEntry] {
        let subject = "curve \(curve.name.text)"
        switch curve.body {
        case .points(let points, _): return points.map { pointEntry(subject, $0) }
        case .steps(let points, _): return points.map { pointEntry(subject, $0) }
        case .expression(let expr):
            if case .call(let name, let args, nil) = expr.kind, name.text == "kinked",
               args.allSatisfy({ $0.label != nil }) {
                return args.map { entry(subject, $0.label?.text ?? "", $0.value) }
            }
            return [entry(subject, "", expr)]
        }
    }

    func pointEntry(_ subject: String, _ point: CurvePoint) -> PolicyEntry {
        let x = text.entry(point.x)
        var shown = entry(subject, "point \(x.text)", point.y)
        shown.matchItem = x.value.map { "point \($0)" }
        return shown
    }

    /// `guard tier.credit_line: cap 25% relative → 50% relative`.
    func guardEntry(_ guardrail: GuardDecl) -> PolicyEntry {
        let subject = "guard " + (guardrail.isParam ? "param " : "") + guardrail.target.text
        var cap = entry(subject, "cap", guardrail.cap)
        if guardrail.isRelative {
            cap.text += " relative"
            cap.operation = "relative"
        }
        return cap
    }

    func assertEntry(_ assertion: Assertion, span: Span) -> PolicyEntry {
        let quantifier = assertion.quantifier.map { "every \($0.text): " } ?? ""
        let shown = quantifier + text.source(assertion.condition)
        return PolicyEntry(subject: "assert", item: shown, text: shown)
    }
}
