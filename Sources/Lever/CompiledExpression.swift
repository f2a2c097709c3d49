/// A free expression (`collateral / debt`, `haircut * 2`) compiled together with a policy, so the
/// engine evaluates and explains it with exactly the policy's rules: what `lever explain
/// --expression` and the REPL run.
///
/// The expression becomes a measure the policy cannot name (`Checker.probeName`): an output when it
/// is per account, a traced probe when it is per position.
public struct CompiledExpression: Sendable {
    /// The expression as checked (type, level, its own `<input>` file).
    public let check: ExpressionCheck
    /// The policy's engine with the expression compiled in.
    public let engine: MarginEngine
    /// The text as written, used as the title of its derivation.
    public let text: String

    /// Checks `text` against `policy` and compiles both; the diagnostics (rendered against
    /// `sources`) when the expression or the policy has errors.
    public static func compile(_ text: String, in policy: LoadedPolicy)
        -> Result<CompiledExpression, ExpressionProblem> {
        let check = Checker.check(expression: text, in: policy.checked)
        guard check.isValid else { return .failure(ExpressionProblem(diagnostics: check.diagnostics, sources: check.checked.sources)) }
        let horizon = policy.engine?.horizon ?? Horizon.defaultYears
        let loaded = Lever.compile(check.checked, horizon: horizon, probes: [check.name])
        guard let engine = loaded.engine else {
            return .failure(ExpressionProblem(diagnostics: loaded.diagnostics, sources: loaded.sources))
        }
        return .success(CompiledExpression(check: check, engine: engine, text: text))
    }

    /// True when the expression needs a position (`z * vol`), so it has one value per position.
    public var isPerPosition: Bool { check.level == .position }

    /// The expression's value for each account (per-account expressions only; per-position
    /// ones are `undefined` here, see `positionValues`).
    public func values(for accounts: [Account], market: MarketSnapshot) -> [ReportValue] {
        let report = Lever.evaluate(engine, book: Book(accounts: accounts), market: market)
        guard let column = engine.policy.output(check.name) else { return accounts.map { _ in .undefined } }
        return report.accounts.map { row in
            row.evaluated && row.values.indices.contains(column) ? row.values[column] : .undefined
        }
    }

    /// The expression's value for each of the account's positions (per-position expressions).
    public func positionValues(account: Account, market: MarketSnapshot) -> [(position: String, value: Double)] {
        Explainer(engine: engine, sources: check.checked.sources).positionValues(of: check.name, account: account, market: market) ?? []
    }

    /// The derivation of the expression for `account`, titled with the expression's text.
    public func explain(_ account: Account, market: MarketSnapshot) -> Explanation? {
        guard var tree = Explainer(engine: engine, sources: check.checked.sources)
            .explain(account, market: market, measure: check.name) else { return nil }
        tree.children = tree.children.map { child in
            var titled = child
            titled.title = text
            return titled
        }
        return tree
    }
}

/// Why an expression could not be compiled: its diagnostics and the files they point into.
public struct ExpressionProblem: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: SourceMap
}
