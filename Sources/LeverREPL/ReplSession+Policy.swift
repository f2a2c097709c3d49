import Foundation

extension ReplSession {
    /// The path the policy text is checked under (imports resolve relative to it).
    var checkPath: String { policyPath ?? "<repl>" }

    /// The policy text with the session's declarations appended.
    var sessionSource: String {
        ([policyText] + declarations).joined(separator: "\n") + "\n"
    }

    /// `:load FILE`: reads and checks a policy; typed declarations are dropped.
    func load(_ path: String) -> ReplResponse {
        let text: String
        do {
            text = try readPolicy(path)
        } catch {
            return self.error(Self.cannotRead(path, error))
        }
        let loaded = Lever.loadPolicy(source: text, path: path)
        if loaded.diagnostics.hasErrors { return .diagnostics(render(loaded.diagnostics, loaded.sources)) }
        (policyPath, policyText, declarations, policy) = (path, text, [], loaded)
        return .output("loaded \(path)\(summary())\n")
    }

    /// `:reload`: re-reads the policy file when its text changed.
    func reload() -> ReplResponse {
        guard let path = policyPath else { return error("no policy loaded; use :load FILE") }
        guard let text = try? readPolicy(path) else { return load(path) }
        if text == policyText { return .output("\(path) is unchanged\n") }
        let kept = declarations
        let response = load(path)
        if case .output = response, !kept.isEmpty { return .output("reloaded \(path)\(summary()); typed declarations dropped\n") }
        if case .output = response { return .output("reloaded \(path)\(summary())\n") }
        return response
    }

    /// The text of the policy file `path`, read within the policy limits.
    private func readPolicy(_ path: String) throws -> String {
        let bytes = try InputFile.read(path, limit: policyLimits.maxBytes, kind: .policy)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputFile.ReadError(path: path, reason: .other("not UTF-8 text"))
        }
        return text
    }

    /// `cannot read `book.json`: larger than 1 GiB, the limit for a book`.
    static func cannotRead(_ path: String, _ error: Error) -> String {
        let reason = (error as? InputFile.ReadError)?.reason.description ?? "\(error)"
        return "cannot read `\(path)`: \(reason)"
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

    /// Ratios typed with `%` or `bps` come back as percentages; other numbers with their unit.
    static func format(for type: LeverType?, expr: Expr, symbols: SymbolTable) -> ValueFormat {
        guard let d = type?.dimension, !d.isDimensionless else {
            return PercentLiterals(symbols: symbols).appear(in: expr) ? .percent : .plain
        }
        return .unit(d)
    }
}
