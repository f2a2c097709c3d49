import Testing
import Lever

/// A free expression compiled with the policy and evaluated by the engine (what the REPL does
/// for `collateral / debt` or `:explain haircut`), on the hand-worked lending fixture.
@Suite struct FreeExpressionTests {
    static func compiled(_ text: String) throws -> (ExpressionCheck, MarginEngine, Book, MarketSnapshot) {
        let policy = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        let probe = Checker.check(expression: text, in: policy.checked)
        #expect(probe.isValid)
        let engine = try #require(Lever.compile(probe.checked, probes: [probe.name]).engine)
        let (book, market) = try #require(LendingFixture.inputs())
        return (probe, engine, book, market)
    }

    /// `call`: ETH 1 × 2000 at a 20% haircut = 1600 collateral, 1200 USDC debt:
    /// 1600 / 1200 = 1.3333…; `nodebt` owes nothing: ∞.
    @Test func anAccountLevelExpressionIsAnOutput() throws {
        let (probe, engine, book, market) = try Self.compiled("collateral / debt")
        let report = Lever.evaluate(engine, book: book, market: market)
        let column = try #require(engine.policy.output(probe.name))
        let values = report.accounts.map { $0.values[column] }
        #expect(values == [.number(.infinity), .number(1600.0 / 1200), .number(1600.0 / 2000)])
    }

    /// A per-position value is kept in the plan as a probe and read from a trace:
    /// `call` holds ETH (haircut 20%) and borrows USDC (class stable: no haircut, 0). The haircut
    /// depends only on the asset, so the probe is hoisted per asset and read by each position's asset.
    @Test func aPositionLevelExpressionIsReadPerPosition() throws {
        let (probe, engine, book, market) = try Self.compiled("haircut * 2")
        #expect(probe.level == .position)
        #expect(engine.policy.plan.probes.map(\.name) == [probe.name])
        let call = try #require(book.accounts.first { $0.id == "call" })
        let values = try #require(Explainer(engine: engine, sources: probe.checked.sources)
            .positionValues(of: probe.name, account: call, market: market))
        #expect(values.map(\.value) == [0.4, 0])
        #expect(values.map(\.position) == ["ETH spot +1", "USDC spot -1200"])
    }

    /// A value that needs the position itself: notional = |qty| × price: 1 × 2000, 1200 × 1.
    @Test func aTrulyPerPositionExpressionIsReadByPosition() throws {
        let (probe, engine, book, market) = try Self.compiled("notional / 1k USD")
        let call = try #require(book.accounts.first { $0.id == "call" })
        let values = try #require(Explainer(engine: engine, sources: probe.checked.sources)
            .positionValues(of: probe.name, account: call, market: market))
        #expect(values.map(\.value) == [2, 1.2])
    }

    /// Without the probe option, a position-level measure nothing uses is not compiled.
    @Test func probesAreOnlyKeptWhenAsked() throws {
        let policy = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        let probe = Checker.check(expression: "haircut * 2", in: policy.checked)
        let engine = try #require(Lever.compile(probe.checked).engine)
        #expect(engine.policy.plan.probes.isEmpty)
    }

    /// An account that is in no book (no positions) explains values that need no account.
    @Test func anEmptyAccountExplainsAConstant() throws {
        let (probe, engine, _, market) = try Self.compiled("2 * 500k USD")
        let explanation = try #require(Explainer(engine: engine, sources: probe.checked.sources)
            .explain(Account(id: "(none)", score: 0, positions: []), market: market, measure: probe.name))
        #expect(explanation.children.count == 1)
        #expect(explanation.children[0].value == "1000000 USD")
        #expect(explanation.children[0].location == "<input>:1:1")
    }

    /// The library's one entry for tools: values per account, per position, and a titled derivation.
    /// `deep`: 1600 collateral against 2000 USDC debt, 1600 / 2000 = 0.8.
    @Test func compiledExpressionServesValuesAndDerivations() throws {
        let policy = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        let (book, market) = try #require(LendingFixture.inputs())
        let ratio = try CompiledExpression.compile("collateral / debt", in: policy).get()
        #expect(!ratio.isPerPosition)
        #expect(ratio.values(for: book.accounts, market: market) == [.number(.infinity), .number(1600.0 / 1200), .number(0.8)])
        let deep = try #require(book.accounts.last)
        let tree = try #require(ratio.explain(deep, market: market))
        #expect(tree.children.map(\.title) == ["collateral / debt"])
        #expect(tree.children.first?.value == "0.8")
        let perPosition = try CompiledExpression.compile("notional", in: policy).get()
        #expect(perPosition.isPerPosition)
        #expect(perPosition.positionValues(account: deep, market: market).map(\.value) == [2000, 2000])
    }

    @Test func aBrokenExpressionIsAProblemWithDiagnostics() {
        let policy = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        guard case .failure(let problem) = CompiledExpression.compile("collateral - 1", in: policy) else {
            Issue.record("expected diagnostics"); return
        }
        #expect(problem.diagnostics.map(\.code) == ["L0304"])
        #expect(problem.sources.file(problem.diagnostics[0].primary.span.file)?.path == "<input>")
    }

    /// What a value depends on is read from the compiled plan, so a constant is evaluated by the
    /// engine (∞ included) without any account, and a per-asset value per asset.
    @Test func dependenceDecidesWhatAValueNeeds() throws {
        let policy = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        let (_, market) = try #require(LendingFixture.inputs())
        let cases: [(String, CompiledExpression.Dependence)] = [
            ("1 / 0", .policy), ("2 * 500k USD", .policy), ("ETH.price * 2", .market),
            ("collateral / debt", .account), ("haircut", .policy), ("notional", .account), ("account.score", .account),
            // An aggregate runs over the account's positions even when what it sums is per asset.
            ("count(positions)", .account), ("sum(haircut)", .account),
        ]
        for (text, expected) in cases {
            #expect(try CompiledExpression.compile(text, in: policy).get().dependence == expected, "\(text)")
        }
        #expect(try CompiledExpression.compile("1 / 0", in: policy).get().value(market: nil) == .number(.infinity))
        #expect(try CompiledExpression.compile("ETH.price * 2", in: policy).get().value(market: market) == .number(4000))
        let haircut = try CompiledExpression.compile("haircut", in: policy).get()
        #expect(haircut.assetValues(market: nil).map(\.value) == [0, 0.2])   // USDC stable 0, ETH crypto 20%
        #expect(try CompiledExpression.compile("collateral", in: policy).get().standIn == nil)
    }

    /// A venue adjustment reads the position's venue: such a value depends on the account's
    /// positions, not only on the asset.
    @Test func aVenueAdjustedValueDependsOnThePosition() throws {
        let policy = Lever.loadPolicy(source: """
            class crypto { haircut = 20% }
            asset ETH : crypto
            venue Binance { haircut += 3% }
            """, path: "v.lever")
        #expect(try CompiledExpression.compile("haircut", in: policy).get().dependence == .account)
    }
}
