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
    /// What the value depends on, read from the compiled plan once.
    public let dependence: Dependence

    init(check: ExpressionCheck, engine: MarginEngine, text: String) {
        (self.check, self.engine, self.text) = (check, engine, text)
        dependence = Self.dependence(of: check, in: engine.policy.plan)
    }

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

    /// What the expression's value depends on, read from the compiled plan.
    public enum Dependence: Sendable, Hashable {
        /// Nothing but the policy (`z * 2`, `house_rate(50%)`, `1 / 0`).
        case policy
        /// Market data too, but no account (`BTC.price * 2`).
        case market
        /// An account (`collateral / debt`) or, for per-position expressions, a position.
        case account
    }

    /// What the value depends on: an expression that needs no account can be evaluated for an
    /// account without positions, and one that needs no market for an empty market.
    static func dependence(of check: ExpressionCheck, in plan: Plan) -> Dependence {
        let root = check.level == .position ? plan.probes.first { $0.name == check.name }?.node
                                            : plan.outputs.first { $0.name == check.name }?.node
        guard let root else { return .account }
        var seen = Set<NodeRef>(), pending = [root], readsMarket = false
        while let ref = pending.popLast() {
            guard seen.insert(ref).inserted else { continue }
            switch plan[ref].op {
            // Aggregates run over an account's positions; venue cases read the position's venue.
            case .accountInput, .positionInput, .positionKey, .side, .aggregate, .cases(.venue, _, _, _): return .account
            case .assetInput: readsMarket = true
            case .broadcast(let a), .splat(let a, _): pending.append(a)   // lifting a value adds no dependence
            case let op:
                if plan[ref].domain >= .account, op.operands.isEmpty { return .account }
                pending += op.operands
            }
        }
        return readsMarket ? .market : .policy
    }

    /// The account to evaluate an expression with when it depends on no account: one without
    /// positions for a per-account expression; for a per-position one, which varies only with the
    /// position's asset (`borrow_rate`), one unit of each asset of the policy. Nil when the
    /// expression depends on an account.
    public var standIn: Account? {
        guard dependence != .account else { return nil }
        let positions = isPerPosition ? engine.policy.assets.map { Position.spot(Position.Spot(asset: $0, quantity: 1)) } : []
        return Account(id: isPerPosition ? "(each asset)" : "(none)", score: 0, positions: positions)
    }

    /// A per-position expression's value for each asset of the policy (see `standIn`).
    public func assetValues(market: MarketSnapshot?) -> [(asset: String, value: Double)] {
        guard isPerPosition, let holder = standIn else { return [] }
        let values = positionValues(account: holder, market: market ?? Self.emptyMarket)
        return zip(engine.policy.assets, values.map(\.value)).map { ($0, $1) }
    }

    /// The value of a per-account expression that depends on no account, in base units; ∞ and
    /// NaN come out as the engine computes them.
    public func value(market: MarketSnapshot?) -> ReportValue {
        guard !isPerPosition, let nobody = standIn else { return .undefined }
        return values(for: [nobody], market: market ?? Self.emptyMarket).first ?? .undefined
    }

    /// What an expression that reads no market data is evaluated against.
    static let emptyMarket = MarketSnapshot(asOf: nil, assets: [])

    /// The expression's value for each account (per-account expressions only; per-position
    /// ones are `undefined` here, see `positionValues`).
    public func values(for accounts: some Collection<Account>, market: MarketSnapshot) -> [ReportValue] {
        let report = Lever.evaluate(engine, book: Book(accounts: accounts), market: market)
        guard let column = engine.policy.output(check.name) else { return report.accounts.map { _ in .undefined } }
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
