import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Scenario grids (`major: [-15%, +15%], major.vol: [+25%, -25%]`) and `worst_loss(x)`, with
/// the arithmetic by hand.
struct ScenarioGridTests {
    static let policy = """
    policy "Grid" version "1"
    class major { haircut = 0% }
    class stable { haircut = 0% }
    asset BTC : major
    asset USDC : stable
    scenario scan { major: [-10%, +10%], major.vol: [+25%, -25%] }
    scenario extreme { major: -30%, weight: 35% }
    measure standalone per account = sum(worst_loss(market_value))
    measure equity_stress per account = worst_loss(equity)
    """

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z", "assets": {"BTC": {"price": 100000, "vol": 0.6}, "USDC": {"price": 1, "vol": 0.01}}}
    """

    /// 10 BTC spot (1,000,000) and a short 4 BTC perpetual (−400,000 of delta), 10,000 USDC.
    static let book = """
    {"accounts": [{"id": "a", "score": 1, "positions": [
      {"asset": "BTC", "qty": 10}, {"kind": "perp", "asset": "BTC", "size": -4, "entry_price": 100000, "venue": "X"},
      {"asset": "USDC", "qty": 10000}]}]}
    """

    static func evaluate() throws -> Report {
        try InlineEvaluation.report(policy: policy + "\nvenue X", market: market, book: book, path: "grid.lever")
    }

    @Test func aGridIsOneScenarioPerCombination() throws {
        let checked = Checker.check(source: Self.policy, path: "grid.lever")
        #expect(checked.symbols.names(.scenario) == [
            "scan(major -10%, major.vol +25%)", "scan(major -10%, major.vol -25%)",
            "scan(major +10%, major.vol +25%)", "scan(major +10%, major.vol -25%)", "extreme",
        ])
    }

    @Test func gridMembersAreScenariosLikeAnyOther() throws {
        let r = try Self.evaluate()
        // Net delta 1,000,000 − 400,000 = 600,000: −10% loses 60,000, +10% gains it (vol moves
        // nothing without options); the extreme loses 35% × 30% × 600,000 = 63,000, the worst.
        #expect(r.value("loss_scan(major -10%, major.vol +25%)", account: "a") == .number(60_000))
        guard case .number(let gain)? = r.value("loss_scan(major +10%, major.vol -25%)", account: "a") else { Issue.record("a number"); return }
        #expect(abs(gain + 60_000) < 1e-6)
        guard case .number(let worst)? = r.value("worst_scenario_loss", account: "a") else { Issue.record("a number"); return }
        #expect(abs(worst - 63_000) < 1e-6)
        #expect(r.value("worst_scenario", account: "a") == .label("extreme"))
    }

    @Test func worstLossIsEachValuesOwnWorst() throws {
        let r = try Self.evaluate()
        // Alone, the spot's worst is the extreme's 35% × 300,000 = 105,000 (beyond the grid's
        // 100,000); the perpetual's is the +10% rise, 40,000: 145,000 standalone.
        guard case .number(let standalone)? = r.value("standalone", account: "a"),
              case .number(let equity)? = r.value("equity_stress", account: "a") else { Issue.record("numbers"); return }
        #expect(abs(standalone - 145_000) < 1e-6)
        // worst_loss(equity) is worst_scenario_loss.
        #expect(r.value("equity_stress", account: "a") == r.value("worst_scenario_loss", account: "a"))
        #expect(equity > 0)
    }

    @Test func aGridIsBounded() {
        let values = (1...20).map { "-\($0)%" }.joined(separator: ", ")
        let text = Self.policy + "\nscenario huge { major: [\(values)], major.vol: [\(values)] }"
        let d = Checker.check(source: text, path: "grid.lever").diagnostics.filter { $0.code == "L0230" }
        #expect(d.first?.message == "scenario grid `huge` stands for 400 scenarios; at most 256")
    }

    @Test func formattingKeepsTheGridAsWritten() {
        let source = "policy \"G\" version \"1\"\nscenario scan { major: [-15%, +15%], major.vol: [+25%, -25%] }\n"
        let parsed = Parser.parse(SourceFile(id: 0, path: "g.lever", text: source))
        #expect(parsed.diagnostics.isEmpty)
        #expect(Formatter.format(parsed).contains("scenario scan { major: [-15%, +15%], major.vol: [+25%, -25%] }"))
    }
}
