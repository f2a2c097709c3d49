import Lever
import LeverTesting

extension DocumentBuilder {
    /// One contribution to an asset's property: where it is written and what it says.
    struct Contribution {
        var origin: String
        var property: Property
    }

    // MARK: - Classes and assets

    /// The classes with their own rules, then each asset with the effective rule of every
    /// property its chain sets.
    func assets() -> [DocumentBlock] {
        let classes = declarations(.class).flatMap(classBlocks)
        let assets = declarations(.asset).flatMap(assetBlocks)
        return section("Asset classes", classes) + section("Assets", assets)
    }

    func classBlocks(_ decl: Declaration) -> [DocumentBlock] {
        guard case .classDecl(let name, let parent, let body) = decl.kind else { return [] }
        let chain = checked.symbols.classChain(name.text).map { Self.code($0.name.text) }.joined(separator: " → ")
        var blocks: [DocumentBlock] = [.heading(level: 3, text: "Class " + Self.code(name.text))]
        let from = parent == nil ? "A root class" : "Inherits " + chain
        blocks.append(.paragraph(from + " (" + declared(decl) + ")." + sentence(note(decl.span))))
        if !body.isEmpty {
            blocks.append(.table(header: ["property", "rule", "value", "note"], rows: body.map(propertyRow)))
        }
        return blocks
    }

    /// A property as written in its block: name, operator and rule, folded value, comment.
    func propertyRow(_ property: Property) -> [String] {
        [Self.code(property.name.text), Self.code(Self.rule(property, text: text.source(property.value))),
         stepValue(property), note(property.span)]
    }

    /// The value column of one rule as written: an adjustment reads as an adjustment (`+3 pts`,
    /// `−2 pts`, `×1.1`), because `haircut += 3%` shown as `3%` reads as a 3% haircut; empty when
    /// the rule depends on the market, a position or an account.
    func stepValue(_ property: Property) -> String {
        guard let v = text.entry(property.value).value else { return "" }
        let unit = unit(of: property.value, depth: 0)
        switch property.op {
        case .set, .when: return ValueText.format(v, unit: unit)
        case .multiply: return "×" + ValueText.number(v)
        case .add, .subtract:
            let signed = property.op == .add ? v : -v
            let magnitude = ValueText.format(abs(signed), unit: unit)
            // Adding 3% to a ratio moves it by 3 percentage points, not by 3% of itself.
            let points = magnitude.dropLast()
            return (signed < 0 ? "−" : "+") + (unit == "%" ? points + (points == "1" ? " pt" : " pts") : magnitude)
        }
    }

    func assetBlocks(_ decl: Declaration) -> [DocumentBlock] {
        guard case .asset(let name, let cls, let body) = decl.kind else { return [] }
        let classes = checked.symbols.classChain(cls.text)
        let chain = (classes.map(\.name.text) + [name.text]).map(Self.code).joined(separator: " → ")
        let contributions = classes.flatMap { c in c.body.map { Contribution(origin: c.name.text, property: $0) } }
            + body.map { Contribution(origin: name.text, property: $0) }
        var names: [String] = []
        for c in contributions where !names.contains(c.property.name.text) { names.append(c.property.name.text) }
        let declNote = note(decl.span)
        let rows = names.map { n in
            effectiveRow(n, contributions.filter { $0.property.name.text == n }, asset: name.text, shown: declNote)
        }
        return [.heading(level: 3, text: "Asset " + Self.code(name.text)),
                .paragraph("Class chain " + chain + " (" + declared(decl) + ")." + sentence(declNote)),
                .table(header: ["property", "effective rule", "value", "set in", "note"], rows: rows)]
    }

    /// The contributions that still count (from the last `=` on, which replaces what came before),
    /// their combined value when every one is constant, where they are written, and the asset's
    /// own comments (class comments are in the class's table) unless `shown` above the table
    /// already (`asset BTC : major { haircut -= 2% }  // why`).
    func effectiveRow(_ property: String, _ all: [Contribution], asset: String, shown: String) -> [String] {
        let start = all.lastIndex { $0.property.op == .set } ?? 0
        let chain = Array(all[start...])
        let rule = chain.map { Self.code(Self.rule($0.property, text: text.source($0.property.value))) }
            .joined(separator: " then ")
        var origins: [String] = []
        for c in chain where !origins.contains(c.origin) { origins.append(c.origin) }
        let notes = chain.filter { $0.origin == asset }.compactMap { comments.note(for: $0.property.span) }
            .filter { $0 != shown }
        return [Self.code(property), rule, combined(chain.map(\.property)), origins.joined(separator: ", "),
                notes.joined(separator: " ")]
    }

    /// The value of a chain of `=`, `+=`, `-=`, `*=` when each step is constant, in the unit of
    /// the first; empty otherwise.
    func combined(_ chain: [Property]) -> String {
        var total: Double?
        for property in chain {
            guard let v = text.entry(property.value).value else { return "" }
            switch property.op {
            case .set: total = v
            case .add: total = total.map { $0 + v }
            case .subtract: total = total.map { $0 - v }
            case .multiply: total = total.map { $0 * v }
            case .when: return ""
            }
        }
        guard let total, let first = chain.first else { return "" }
        return ValueText.format(total, unit: unit(of: first.value, depth: 0))
    }

    /// `haircut += 1%` without the name: `+= 1%`; a `when` rule reads `when health < 1`.
    static func rule(_ property: Property, text: String) -> String {
        switch property.op {
        case .set: text
        case .add, .subtract, .multiply, .when: property.op.rawValue + " " + text
        }
    }

    /// A property as written: `haircut += 1%`, `liquidate when health < 1`.
    func statement(_ property: Property) -> String {
        property.name.text + " " + property.op.rawValue + " " + text.source(property.value)
    }

    /// ` Note.` after a sentence, or nothing.
    func sentence(_ note: String) -> String { note.isEmpty ? "" : " " + note }

    // MARK: - Venues

    /// Each venue's adjustments, applied after the asset's own rules.
    func venues() -> [DocumentBlock] {
        let rows = declarations(.venue).flatMap { decl -> [[String]] in
            guard case .venue(let name, let body) = decl.kind else { return [] }
            return ruleRows(name, body, decl, empty: "none")
        }
        guard !rows.isEmpty else { return [] }
        return section("Venues", [
            .paragraph("A venue's adjustments apply to every position held there, after the asset's own rules."),
            .table(header: ["venue", "adjustment", "value", "declared", "note"], rows: rows),
        ])
    }

    /// A venue's or chain's rules, one row each (name, rule, value, where, note); one row saying
    /// `empty` for a declaration without rules. With `declarationNote`, the comment on the
    /// declaration goes on its first rule when that rule has none of its own.
    func ruleRows(_ name: Name, _ body: [Property], _ decl: Declaration, empty: String, declarationNote: Bool = false) -> [[String]] {
        guard !body.isEmpty else { return [[Self.code(name.text), empty, "", declared(decl), note(decl.span)]] }
        return body.enumerated().map { i, p in
            let own = note(p.span)
            return [Self.code(name.text), Self.code(statement(p)), stepValue(p), location(p.span),
                    own.isEmpty && i == 0 && declarationNote ? note(decl.span) : own]
        }
    }

    // MARK: - Chains

    /// Each chain's bridge rules: what collateral on it pays to secure debt on another chain.
    func chains() -> [DocumentBlock] {
        let rows = declarations(.chain).flatMap { decl -> [[String]] in
            guard case .chain(let name, let body) = decl.kind else { return [] }
            // The comment above a chain's block says what the bridge is: on its first rule.
            return ruleRows(name, body, decl, empty: "no bridge rule", declarationNote: true)
        }
        guard !rows.isEmpty else { return [] }
        return section("Chains", [
            .paragraph("Collateral that secures debt on another chain does so over a bridge: the chain's `bridge_haircut` is added to the haircut of the part that crosses (the `bridge` block may cap its share of borrowing power, and a scenario may halt the bridge)."),
            .table(header: ["chain", "rule", "value", "declared", "note"], rows: rows),
        ])
    }
}
