import Lever

extension DocumentBuilder {
    // MARK: - Margin and oracle

    /// The settings blocks (`margin`, `oracle`, `arithmetic`, `reputation`), one row per rule.
    func settings() -> [DocumentBlock] {
        declarations(.settings).flatMap { decl -> [DocumentBlock] in
            guard case .settings(let keyword, let body) = decl.kind else { return [] }
            let rows = body.map { p in
                [Self.code(p.name.text + (p.op == .when ? " when" : "")), code(p.value), stepValue(p),
                 location(p.span), note(p.span)]
            }
            let title = switch keyword {
            case .margin: "Margin"
            case .oracle: "Oracle"
            case .arithmetic: "Arithmetic"
            case .reputation: "Reputation"
            case .bridge: "Bridges"
            default: Self.code(keyword.rawValue)
            }
            return section(title, [.table(header: ["setting", "rule", "value", "declared", "note"], rows: rows)])
        }
    }

    // MARK: - Measures and scenarios

    /// The house's own measures, with their rule text.
    func measures() -> [DocumentBlock] {
        let rows = declarations(.measure).compactMap { decl -> [String]? in
            guard case .measure(let name, let level, let expr) = decl.kind else { return nil }
            return [Self.code(name.text), level.rawValue, code(expr), declared(decl), note(decl.span)]
        }
        return section("Measures", rows.isEmpty ? [] : [.table(header: ["measure", "per", "rule", "declared", "note"], rows: rows)])
    }

    /// The flags accounts raise, with their conditions.
    func flags() -> [DocumentBlock] {
        let rows = declarations(.flag).compactMap { decl -> [String]? in
            guard case .flag(let flag) = decl.kind else { return nil }
            let key = flag.placeholders.first(where: FlagDecl.placeholders.contains)
            return [Self.code(flag.text.text), key.map { "each \($0)" } ?? "account", code(flag.condition), declared(decl), note(decl.span)]
        }
        return section("Flags", rows.isEmpty ? [] : [.table(header: ["flag", "raised per", "when", "declared", "note"], rows: rows)])
    }

    /// The remedies the policy offers an account that is not healthy.
    func remedies() -> [DocumentBlock] {
        let rows = declarations(.remedy).compactMap { decl -> [String]? in
            guard case .remedy(let remedy) = decl.kind else { return nil }
            let what = switch remedy.kind.text {
            case "top_up": "a deposit in " + remedy.assets.map { Self.code($0.text) }.joined(separator: ", ")
            case "hedge": "a perpetual per underlying that brings its delta within " + (remedy.band.map(code) ?? "") + " of its gross notional"
            case "reduce": "reducing a perpetual or an option, its realised profit or loss settled in " + remedy.assets.map { Self.code($0.text) }.joined(separator: ", ")
            default: "repaying part of a debt"
            }
            return [Self.code(remedy.kind.text), what, declared(decl), note(decl.span)]
        }
        guard !rows.isEmpty else { return [] }
        return section("Remedies", [
            .paragraph("What `lever explain --remedy` and `lever eval --remedy` may suggest to an account that is not healthy: the least amount of each, verified by evaluating the account with it."),
            .table(header: ["remedy", "what", "declared", "note"], rows: rows),
        ])
    }

    /// Each stress scenario's shocks.
    func scenarios() -> [DocumentBlock] {
        let rows = declarations(.scenario).compactMap { decl -> [String]? in
            guard case .scenario(let name, let shocks) = decl.kind else { return nil }
            let shown = shocks.map { "\($0.target.text) \(text.source($0.value))" }.joined(separator: ", ")
            return [Self.code(name.text), shown, declared(decl), note(decl.span)]
        }
        guard !rows.isEmpty else { return [] }
        return section("Stress scenarios", [
            .paragraph("Each shock moves the price (or, for `vol`, the volatility) of a class or an asset, or halts a chain's bridge; the book is revalued in full."),
            .table(header: ["scenario", "shocks", "declared", "note"], rows: rows),
        ])
    }

    // MARK: - Asserts and guardrails

    /// Each assert and what the checker concluded: proved over the declared input ranges, or
    /// kept as a check on every run (naming what it could not prove it for).
    func assertions() -> [DocumentBlock] {
        let rows = checked.symbols.assertions.compactMap { decl -> [String]? in
            guard case .assertion(let assertion) = decl.kind else { return nil }
            let quantifier = assertion.quantifier.map { "every \($0.text): " } ?? ""
            return [Self.code(quantifier + text.source(assertion.condition)), proofStatus(assertion.condition.span),
                    declared(decl), note(decl.span)]
        }
        return section("Asserts", rows.isEmpty ? [] : [.table(header: ["assert", "status", "declared", "note"], rows: rows)])
    }

    /// `proved`, or `checked at run time` with the instances the checker's L0602 note names and
    /// the range it found for each (`not proved for `FTT`; `haircut` of `FTT` can take any value
    /// in [100%, 110%]`): the range is why it is not proved, which a committee needs to judge it.
    func proofStatus(_ condition: Span) -> String {
        guard let unproved = checked.diagnostics.first(where: { $0.code == "L0602" && $0.primary.span == condition }) else {
            return "proved"
        }
        var reasons: [String] = []
        let message = unproved.message
        if let from = message.range(of: " for "), let to = message.range(of: ";", range: from.upperBound..<message.endIndex) {
            reasons.append("not proved for " + message[from.upperBound..<to.lowerBound])
        }
        reasons += Self.groupedRanges(unproved.notes)
        return "checked at run time" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    }

    /// The checker's notes with the instances that share a subject and a range named once
    /// (`` `supply_rate` of `USDC`, `DAI` can take any value in (-∞, +∞) ``), in their order; a
    /// note of another shape is kept as written.
    static func groupedRanges(_ notes: [String]) -> [String] {
        var groups: [(key: String, subject: String, range: String, instances: [String])] = []
        var shown: [String] = []
        for note in notes {
            guard let of = note.range(of: " of `"), let any = note.range(of: "` can take any value in ") else {
                shown.append(note)
                continue
            }
            let subject = String(note[..<of.lowerBound]), range = String(note[any.upperBound...])
            let instance = "`" + note[of.upperBound..<any.lowerBound] + "`"
            if let i = groups.firstIndex(where: { $0.subject == subject && $0.range == range }) {
                groups[i].instances.append(instance)
            } else {
                groups.append((key: note, subject: subject, range: range, instances: [instance]))
                shown.append(note)
            }
        }
        return shown.map { note in
            guard let g = groups.first(where: { $0.key == note }) else { return note }
            return "\(g.subject) of \(g.instances.joined(separator: ", ")) can take any value in \(g.range)"
        }
    }

    /// How far one change of the policy may move each guarded parameter.
    func guardrails() -> [DocumentBlock] {
        let rows = declarations(.guard).compactMap { decl -> [String]? in
            guard case .guardrail(let g) = decl.kind else { return nil }
            let target = (g.isParam ? "param " : "") + g.target.text
            let cap = text.source(g.cap) + (g.isRelative ? " of the old value" : "")
            let period = g.every.map { "one change every " + text.source($0) } ?? "any time"
            return [Self.code(target), cap, period, declared(decl), note(decl.span)]
        }
        guard !rows.isEmpty else { return [] }
        return section("Change guardrails", [
            .paragraph("`lever diff --enforce` fails a change that moves a parameter further than its cap, or sooner than its period after its last approved change (`--history`); the approved version's caps bind."),
            .table(header: ["parameter", "largest move per change", "how often", "declared", "note"], rows: rows),
        ])
    }
}
