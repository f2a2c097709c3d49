import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Stress results are values a policy can use: `under(SCENARIO, x)` is `x` in the market the
/// scenario's shocks make, and `worst_scenario` names each account's worst scenario.
///
/// By hand, for one account holding 1 BTC at 100,000 USD (haircut 10 %) against a USDC debt of
/// 50,000 (USDC haircut 2 %, a `stable`, untouched by `crash`), no margin requirement:
///   now:    collateral 90,000, debt 50,000, equity 40,000, health 90,000 ÷ 50,000 = 1.8
///   crash (major −30 %): BTC 70,000, collateral 63,000, equity 13,000, health 1.26;
///     loss = 40,000 − 13,000 = 27,000
///   squeeze (major +25 %): collateral 112,500, equity 62,500, loss −22,500 (a gain)
///   depeg (USDC.price −10 %): debt 45,000, equity 45,000, loss −5,000
///   extreme (major −50 %, weight 35 %): BTC 50,000, collateral 45,000, equity −5,000;
///     loss 45,000, of which 35 % counts: 15,750 (`under` still sees the whole move)
/// so the worst scenario is `crash`; an account with no positions loses nothing in any: `none`.
struct ScenarioValueTests {
    static let policy = """
    class major { haircut = 10% }
    class stable { haircut = 2% }
    asset BTC : major
    asset USDC : stable
    scenario squeeze { major: +25% }
    scenario crash { major: -30%, vol: +50% }
    scenario depeg { USDC.price: -10% }
    scenario extreme { major: -50%, weight: 35% }
    measure extreme_equity per account = under(extreme, equity)
    measure stress_requirement per account = worst_scenario_loss + 1k USD
    measure crash_loss per account = equity - under(crash, equity)
    measure crash_health per account = under(crash, health)
    measure crash_collateral per account = sum(under(crash, collateral_value))
    measure squeeze_equity per account = under(squeeze, equity)
    measure nested per account = under(squeeze, under(crash, equity))
    """
    static let market = """
    {"as_of": "2026-01-01T00:00:00Z", "assets": {"BTC": {"price": 100000, "vol": 0.5}, "USDC": {"price": 1, "vol": 0.01}}}
    """
    static let book = """
    {"accounts": [{"id": "a", "score": 700, "positions": [{"kind": "spot", "asset": "BTC", "quantity": 1},
                                                          {"kind": "spot", "asset": "USDC", "quantity": -50000}]},
                  {"id": "empty", "score": 700, "positions": []}]}
    """

    static func report() throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "scenarios.lever")
    }

    static func number(_ r: Report, _ output: String, _ account: String = "a") -> Double? {
        guard case .number(let x)? = r.value(output, account: account) else { return nil }
        return x
    }

    @Test func underRevaluesAnyExpressionInTheScenariosMarket() throws {
        let r = try Self.report()
        #expect(abs((Self.number(r, "crash_loss") ?? .nan) - 27_000) < 1e-6)
        #expect(Self.number(r, "crash_loss") == Self.number(r, "loss_crash"))
        #expect(abs((Self.number(r, "crash_health") ?? .nan) - 1.26) < 1e-12)
        #expect(abs((Self.number(r, "health") ?? .nan) - 1.8) < 1e-12)
        #expect(abs((Self.number(r, "crash_collateral") ?? .nan) - 63_000) < 1e-6)
        #expect(abs((Self.number(r, "squeeze_equity") ?? .nan) - 62_500) < 1e-6)
        // The inner scenario wins: crash's equity, not a compound of both.
        #expect(abs((Self.number(r, "nested") ?? .nan) - 13_000) < 1e-6)
    }

    @Test func theWorstScenarioIsNamed() throws {
        let r = try Self.report()
        #expect(r.value("worst_scenario", account: "a") == .label("crash"))
        #expect(abs((Self.number(r, "worst_scenario_loss") ?? .nan) - 27_000) < 1e-6)
        #expect(abs((Self.number(r, "loss_squeeze") ?? .nan) + 22_500) < 1e-6)
        #expect(abs((Self.number(r, "loss_depeg") ?? .nan) + 5_000) < 1e-6)
        #expect(r.value("worst_scenario", account: "empty") == .label("none"))
        // A rule reads the worst loss: 27,000 + 1,000.
        #expect(abs((Self.number(r, "stress_requirement") ?? .nan) - 28_000) < 1e-6)
    }

    @Test func aWeightedScenarioCountsItsShareOfTheLoss() throws {
        let r = try Self.report()
        #expect(abs((Self.number(r, "loss_extreme") ?? .nan) - 15_750) < 1e-6)
        #expect(abs((Self.number(r, "extreme_equity") ?? .nan) + 5_000) < 1e-6)
        #expect(r.value("worst_scenario", account: "a") == .label("crash"))
    }

    @Test func aWeightIsAShare() {
        let checked = Checker.check(source: "class c { haircut = 1% }\nscenario s { c: -10%, weight: 135% }", path: "w.lever")
        #expect(checked.diagnostics.map(\.code) == ["L0229"])
    }

    @Test func underNeedsADeclaredScenario() {
        let checked = Checker.check(source: Self.policy + "\nmeasure bad per account = under(crsh, equity)", path: "s.lever")
        #expect(checked.diagnostics.map(\.code) == ["L0228"])
        #expect(checked.diagnostics.first?.message == "`under` needs a scenario, not `crsh`")
    }
}
