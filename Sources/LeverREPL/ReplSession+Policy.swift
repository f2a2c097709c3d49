import Foundation

extension ReplSession {
    /// The name of the measure that wraps an expression typed at the prompt for checking.
    static let probeName = "repl_value__"

    /// The path the policy text is checked under (imports resolve relative to it).
    var checkPath: String { policyPath ?? "<repl>" }

    /// The policy text with the session's declarations appended.
    var sessionSource: String {
        ([policyText] + declarations).joined(separator: "\n") + "\n"
    }

    /// `:load FILE`: reads and checks a policy; typed declarations are dropped.
    func load(_ path: String) -> ReplResponse {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return error("cannot read `\(path)`")
        }
        let loaded = Lever.loadPolicy(source: text, path: path)
        if loaded.diagnostics.hasErrors { return .diagnostics(render(loaded.diagnostics, loaded.sources)) }
        (policyPath, policyText, declarations, policy) = (path, text, [], loaded)
        return .output("loaded \(path)\(summary())\n")
    }

    /// `:reload`: re-reads the policy file when its text changed.
    func reload() -> ReplResponse {
        guard let path = policyPath else { return error("no policy loaded; use :load FILE") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return error("cannot read `\(path)`") }
        if text == policyText { return .output("\(path) is unchanged\n") }
        let kept = declarations
        let response = load(path)
        if case .output = response, !kept.isEmpty { return .output("reloaded \(path)\(summary()); typed declarations dropped\n") }
        if case .output = response { return .output("reloaded \(path)\(summary())\n") }
        return response
    }

    /// ` (N assets, M curves)`: what a load brought in.
    private func summary() -> String {
        let symbols = policy.checked.symbols
        let parts = [(SymbolKind.asset, "asset"), (.class, "class"), (.curve, "curve"), (.measure, "measure"), (.scenario, "scenario")]
            .map { kind, word in (symbols.names(kind).count, word) }
            .filter { $0.0 > 0 }
            .map { count, word in "\(count) \(word)\(count == 1 ? "" : (word == "class" ? "es" : "s"))" }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// A bare declaration: appended to the policy when the whole still checks.
    func declare(_ text: String) -> ReplResponse {
        let prefix = sessionSource
        let candidate = Lever.loadPolicy(source: prefix + text + "\n", path: checkPath)
        let line = TypedLine(text: text, offset: prefix.utf8.count, file: candidate.checked.root?.source.id ?? 0)
        if candidate.diagnostics.hasErrors {
            let own = line.diagnostics(candidate.diagnostics)
            return .diagnostics(own.isEmpty ? render(candidate.diagnostics, candidate.sources) : render(own, line.sources))
        }
        declarations.append(text)
        policy = candidate
        let notes = line.diagnostics(candidate.diagnostics)
        let name = candidate.checked.root?.policy.declarations.last?.name?.text
        return .output((notes.isEmpty ? "" : render(notes, line.sources)) + "defined \(name ?? "declaration")\n")
    }

    /// Checks `text` as an account-level expression of the session policy; its diagnostics
    /// point into `text`.
    /// Account level first; when that fails, position level (so `z * vol` has a type too).
    func probe(_ text: String) -> (CheckResult, Expr?, TypedLine) {
        let account = probe(text, level: "account")
        guard account.2.diagnostics(account.0.diagnostics).hasErrors else { return account }
        let position = probe(text, level: "position")
        return position.2.diagnostics(position.0.diagnostics).hasErrors ? account : position
    }

    private func probe(_ text: String, level: String) -> (CheckResult, Expr?, TypedLine) {
        let prefix = sessionSource + "measure \(Self.probeName) per \(level) = "
        let checked = Checker.check(source: prefix + text + "\n", path: checkPath)
        let line = TypedLine(text: text, offset: prefix.utf8.count, file: checked.root?.source.id ?? 0)
        let expr = checked.root?.policy.declarations.last.flatMap { decl -> Expr? in
            guard case .measure(let name, _, let e) = decl.kind, name.text == Self.probeName else { return nil }
            return e
        }
        return (checked, expr, line)
    }

    /// `:type EXPR`: the type and unit.
    func type(_ text: String) -> ReplResponse {
        let (checked, expr, line) = probe(text)
        let own = line.diagnostics(checked.diagnostics)
        if own.hasErrors { return .diagnostics(render(own, line.sources)) }
        guard let expr, let type = checked.types[expr] else { return error("cannot tell the type of `\(text)`") }
        return .output("\(text) : \(type) (\(type.phrase))\n")
    }

    /// A bare expression: its value with unit when it is constant (params, curves of constants).
    func evaluate(_ text: String) -> ReplResponse {
        let (checked, expr, line) = probe(text)
        let own = line.diagnostics(checked.diagnostics)
        if own.hasErrors { return .diagnostics(render(own, line.sources)) }
        guard let expr else { return error("cannot evaluate `\(text)`") }
        let type = checked.types[expr]
        let value = ConstantFolder(symbols: checked.symbols).fold(expr)
            ?? UtilizationEvaluator(symbols: checked.symbols, market: market).value(expr, at: .nan)
        guard let value, value.isFinite else {
            return .output("\(text) has no constant value (\(type?.phrase ?? "a value")): it depends on an account or is undefined; try :eval, :explain or :plot\n")
        }
        return .output(Self.format(for: type, expr: expr, symbols: checked.symbols).text(value) + "\n")
    }

    /// Ratios typed with `%` or `bps` come back as percentages; other numbers with their unit.
    static func format(for type: LeverType?, expr: Expr, symbols: SymbolTable) -> ValueFormat {
        guard let d = type?.dimension, !d.isDimensionless else {
            return PercentLiterals(symbols: symbols).appear(in: expr) ? .percent : .plain
        }
        return .unit(d)
    }
}
