import Lever

extension DocumentBuilder {
    // MARK: - Parameters and inputs

    /// Each param: value as written, where, and the comment on it.
    func parameters() -> [DocumentBlock] {
        let rows = declarations(.param).compactMap { decl -> [String]? in
            guard case .param(let name, let expr) = decl.kind else { return nil }
            return [Self.code(name.text), valueOrRule(expr), declared(decl), note(decl.span)]
        }
        return section("Parameters", rows.isEmpty ? [] : [.table(header: ["parameter", "value", "declared", "note"], rows: rows)])
    }

    /// The declared ranges the proofs assume.
    func inputs() -> [DocumentBlock] {
        let rows = declarations(.input).compactMap { decl -> [String]? in
            guard case .input(let name, let range) = decl.kind else { return nil }
            return [Self.code(name.text), Self.code(text.source(range.span)), declared(decl), note(decl.span)]
        }
        guard !rows.isEmpty else { return [] }
        return section("Declared inputs", [
            .paragraph("The checker proves the asserts below for every value of the inputs in these ranges where it can; the others are checked on every run."),
            .table(header: ["input", "range", "declared", "note"], rows: rows),
        ])
    }

    /// A literal as written with its unit (`2 days`, `5M USD`); any other rule as code, followed by
    /// its value when it folds to a constant (`` `60% * initial` ``, `` `z * 2` = 4.66 ``).
    func valueOrRule(_ expr: Expr) -> String {
        let written = text.source(expr), shown = value(expr)
        if case .number = expr.kind { return written }
        if shown.isEmpty { return code(expr) }
        return shown == written ? written : code(expr) + " = " + shown
    }
}
