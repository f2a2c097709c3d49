import Lever

/// Turns a checked policy into `PolicyEntry`s, as the compiler sees it: one per param, input,
/// property rule, table key, row match, row field, curve shape and point (or kinked parameter),
/// scenario shock, measure, assert and guard.
///
/// The declarations come from the symbol table, so an `override` has already replaced the
/// imported declaration as a whole (nothing of the overridden one survives, as in the compiled
/// program). Every field of every declaration kind is an entry or part of one; the switch over
/// `DeclKind` is exhaustive, so a new kind of declaration cannot be left out silently.
struct PolicyFlattener {
    let text: ValueText

    init(_ checked: CheckResult) { self.text = ValueText(checked) }

    /// Every entry: declarations in their surviving order, asserts last.
    func entries() -> [PolicyEntry] {
        let symbols = text.checked.symbols
        return symbols.ordered.flatMap { entries(of: $0.declaration) }
            + symbols.assertions.flatMap { entries(of: $0) }
    }

    /// The subjects a declaration's entries are filed under: `class major`; a table's own
    /// subject and one per row (`tier Prime`).
    func subjects(of declaration: Declaration) -> Set<String> {
        Set(entries(of: declaration).map(\.subject))
    }

    func entries(of declaration: Declaration) -> [PolicyEntry] {
        switch declaration.kind {
        case .param(let name, let value): [entry("param \(name.text)", "", value)]
        case .input(let name, let range):
            [plain("input \(name.text)", "range", text.source(range.span), canonical: Self.head(declaration))]
        case .classDecl(let name, let parent, let body):
            parentEntry("class \(name.text)", parent) + properties("class \(name.text)", body)
        case .asset(let name, let cls, let body):
            parentEntry("asset \(name.text)", cls) + properties("asset \(name.text)", body)
        case .venue(let name, let body): properties("venue \(name.text)", body)
        case .chain(let name, let body): properties("chain \(name.text)", body)
        case .settings(let keyword, let body): properties(keyword.rawValue, body)
        case .table(let table): tableEntries(table)
        case .curve(let curve): curveEntries(curve)
        case .scenario(let name, let shocks):
            shocks.map { entry("scenario \(name.text)", $0.target.text, $0.value) }
        case .assertion(let assertion): [assertEntry(assertion, declaration)]
        case .measure(let name, let level, let value):
            [plain("measure \(name.text)", "", "per \(level.rawValue) = " + text.source(value),
                   canonical: Self.head(declaration))]
        case .guardrail(let guardrail): guardEntries(guardrail)
        case .flag(let flag): [entry("flag \(FlagDecl.quoted(flag.text.text))", "when", flag.condition)]
        case .remedy(let remedy) where remedy.band != nil:
            [entry("remedy hedge", "within", remedy.band!)]
        case .remedy(let remedy):
            [plain("remedy \(remedy.kind.text)", remedy.assets.isEmpty ? "" : "in",
                   remedy.assets.isEmpty ? "offered" : remedy.assets.map(\.text).joined(separator: ", "))]
        }
    }

    // MARK: - Pieces

    /// The first line of a declaration's canonical dump, without `override` (which says where
    /// a declaration comes from, not what it means).
    static func head(_ declaration: Declaration) -> String {
        let line = ASTDump.dump(declaration).first ?? ""
        return line.hasPrefix("override ") ? String(line.dropFirst("override ".count)) : line
    }

    func entry(_ subject: String, _ item: String, _ expr: Expr) -> PolicyEntry {
        let (shown, value) = text.entry(expr)
        return PolicyEntry(subject: subject, item: item, text: shown, value: value, canonical: ASTDump.dump(expr))
    }

    /// An entry that is compared by its canonical text alone.
    func plain(_ subject: String, _ item: String, _ shown: String, canonical: String? = nil) -> PolicyEntry {
        PolicyEntry(subject: subject, item: item, text: shown, value: nil, canonical: canonical ?? shown)
    }

    func parentEntry(_ subject: String, _ parent: Name?) -> [PolicyEntry] {
        parent.map { [plain(subject, "class", $0.text)] } ?? []
    }

    /// Properties keyed by name, in written order; an adjustment's text starts with its
    /// operator (`-= 2%`).
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

    /// The table's keys and hit policy, its row order (which decides `hit first`), then per row
    /// its match and fields.
    func tableEntries(_ table: TableDecl) -> [PolicyEntry] {
        let subject = table.isTiers ? "tiers" : "table \(table.name.text)"
        let keys = "by " + table.keys.map(text.source).joined(separator: ", ") + " hit \((table.hit ?? .unique).rawValue)"
        let keysCanonical = table.keys.map { ASTDump.dump($0) }.joined(separator: ", ") + " hit \((table.hit ?? .unique).rawValue)"
        let order = table.rows.map(\.label.text).joined(separator: ", ")
        let head = [plain(subject, "keys", keys, canonical: keysCanonical), plain(subject, "row order", order)]
        return head + table.rows.flatMap { row -> [PolicyEntry] in
            let rowSubject = table.isTiers ? "tier \(row.label.text)" : "table \(table.name.text) row \(row.label.text)"
            let match = row.patterns.map { text.source($0.span) }.joined(separator: ", ")
            let canonical = row.patterns.map { ASTDump.dump($0) }.joined(separator: ", ")
            return [plain(rowSubject, "match", match, canonical: canonical)] + properties(rowSubject, row.body)
        }
    }

    /// The curve's argument and shape (`points`, `steps`, an expression), then its points or
    /// kinked parameters.
    func curveEntries(_ curve: CurveDecl) -> [PolicyEntry] {
        let subject = "curve \(curve.name.text)"
        let argument = plain(subject, "argument", curve.parameter.text)
        switch curve.body {
        case .points(let points, _):
            return [argument, plain(subject, "shape", "points")] + points.map { pointEntry(subject, $0) }
        case .steps(let points, _):
            return [argument, plain(subject, "shape", "steps")] + points.map { pointEntry(subject, $0) }
        case .expression(let expr):
            if case .call(let name, let args, nil) = expr.kind, name.text == "kinked",
               args.allSatisfy({ $0.label != nil }) {
                return [argument, plain(subject, "shape", "kinked")] + args.map { entry(subject, $0.label?.text ?? "", $0.value) }
            }
            return [argument, plain(subject, "shape", "formula"), entry(subject, "formula", expr)]
        }
    }

    func pointEntry(_ subject: String, _ point: CurvePoint) -> PolicyEntry {
        let x = text.entry(point.x)
        var shown = entry(subject, "point \(x.text)", point.y)
        shown.matchItem = "point " + (x.value.map { "\($0)" } ?? ASTDump.dump(point.x))
        return shown
    }

    /// `guard tier.credit_line: cap 25% relative → 50% relative`, and `guard ltv: every 3 days →
    /// 5 days` for a guard's period.
    func guardEntries(_ guardrail: GuardDecl) -> [PolicyEntry] {
        let subject = "guard " + (guardrail.isParam ? "param " : "") + guardrail.target.text
        var cap = entry(subject, "cap", guardrail.cap)
        if guardrail.isRelative {
            cap.text += " relative"
            cap.operation = "relative"
        }
        return [cap] + (guardrail.every.map { [entry(subject, "every", $0)] } ?? [])
    }

    /// An assert is its own key: its quantifier, condition and consequence.
    func assertEntry(_ assertion: Assertion, _ declaration: Declaration) -> PolicyEntry {
        let quantifier = assertion.quantifier.map { "every \($0.text): " } ?? ""
        let consequence = assertion.consequence.map { " else \($0.text)" } ?? ""
        let shown = quantifier + text.source(assertion.condition) + consequence
        let canonical = Self.head(declaration)
        var entry = plain("assert", shown, shown, canonical: canonical)
        entry.matchItem = canonical
        return entry
    }
}
