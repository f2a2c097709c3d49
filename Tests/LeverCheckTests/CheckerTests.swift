import Testing
import LeverCheck
import LeverSyntax

/// The brief's example policy: it must check with no diagnostics at all.
let examplePolicy = """
policy "Cross-venue prime margin" version "2026.11"
input vol in [0, 5]
input account.score in [0, 1000]
param horizon = 2 days
param z = 2.33
class stable { haircut = 2% }
class major  { haircut = clamp(z * vol * sqrt(horizon), 10%, 40%) }
class alt    { haircut = clamp(z * vol * sqrt(horizon), 25%, 100%) }
asset USDC : stable
asset BTC  : major
asset SOL  : alt { haircut += 1% per 1M USD of notional above 5M USD }
venue Binance { haircut += 3% }
margin {
  initial     = max(5%, 0.1% * sqrt(notional / 1 USD))
  maintenance = 60% * initial
  liquidate when health < 1
  close_factor = if health < 0.95 then 100% else 50%
  bonus = 5%
}
tiers by account.score {
  [800, 1000] -> Prime { credit_line = 5M USD; haircut_discount = 20% }
  [650, 800)  -> Core  { credit_line = 1M USD; haircut_discount = 10% }
  [500, 650)  -> Basic { credit_line = 0 USD }
  [0, 500)    -> Watch { haircut_discount = -10% }
}
curve borrow_rate(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
curve usdc_rate(utilization)   = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }
scenario crash   { major: -30%, alt: -50%, vol: +50% }
measure borrowing_power per account = sum(collateral_value * liquidation_threshold where side == long) + tier.credit_line
assert every asset: haircut in [0%, 100%]
assert maintenance < initial
"""

@Test func examplePolicyChecksClean() {
    #expect(found(examplePolicy) == [])
}

@Test func stagesAreNamedInOrder() {
    let result = Checker.check(source: "param a = 1", path: "t.lever", stopAfter: .units)
    #expect(result.stages.map(\.name) == [.parse, .resolve, .typecheck, .units])
}

@Test func typesAreRecorded() {
    let result = Checker.check(source: "param h = 2 days\nparam x = h * 3", path: "t.lever", stopAfter: .units)
    guard case .param(_, let e) = result.symbols.lookup(.param, "x")?.declaration.kind else {
        Issue.record("no param x")
        return
    }
    #expect(result.types[e] == .time)
}

@Test func examplePolicyAllStages() {
    let result = Checker.check(source: examplePolicy, path: "example.lever")
    #expect(result.stages.map(\.name) == StageName.allCases)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.message))")
}
