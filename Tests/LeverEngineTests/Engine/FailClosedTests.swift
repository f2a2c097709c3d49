import Testing
import LeverCheck
import LeverCompile
import LeverNumerics
import LeverSyntax
@testable import LeverEngine

/// A risk engine fails closed: an unknown is never shown as a good answer. Each test is one of
/// the ways it used to fail open (issue 9), as a case that fails if it comes back.
struct FailClosedTests {
    static let policy = """
    policy "Fail closed" version "1"
    input account.score in [0, 1000]
    class stable { haircut = 2%; liquidation_threshold = 90% }
    class crypto { haircut = 20%; liquidation_threshold = 80% }
    asset USDC : stable
    asset ETH : crypto
    asset FTT : crypto
    margin {
      liquidate when health < 1
      margin_call when health < 1.1
    }
    tiers by account.score {
      [600, 1000] -> Gold { credit_line = 0 USD }
      [0, 600)    -> Plain { credit_line = 0 USD }
    }
    table k by account.kyc hit first {
      "full" -> Full { v = 1 }
      else   -> Other { v = 2 }
    }
    table cap by account.jurisdiction, account.score hit first {
      "US", else   -> Onshore { max_leverage = 3 }
      else, >= 800 -> Institutional { max_leverage = 10 }
      else, else   -> Standard { max_leverage = 5 }
    }
    measure kv per account = k.v
    measure kv_if per account = if account.kyc == "full" then 1 else 2
    measure max_leverage per account = cap.max_leverage
    assert every account: health > 0.9
    assert every position: notional < 1M USD
    venue Desk
    """

    /// USDC at 1, ETH at 2000; FTT is declared by the policy but has no price.
    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01}, "ETH": {"price": 2000, "vol": 0.7},
                "FTT": {"vol": 1.0}}}
    """

    static func evaluate(_ book: String, policy: String = policy, market: String = market) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "failclosed.lever")
    }

    static func account(_ r: Report, _ id: String) throws -> AccountReport {
        try #require(r.accounts.first { $0.id == id })
    }

    // MARK: - Tables keyed on strings

    @Test func stringKeyedTableMatchesLikeAnIfChain() throws {
        let r = try Self.evaluate("""
        {"accounts": [
          {"id": "full", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "US"}, "positions": []},
          {"id": "lite", "score": 700, "attributes": {"kyc": "lite", "jurisdiction": "EU"}, "positions": []},
          {"id": "inst", "score": 900, "attributes": {"kyc": "full", "jurisdiction": "EU"}, "positions": []}
        ]}
        """)
        #expect(r.value("kv", account: "full") == .number(1))
        #expect(r.value("kv_if", account: "full") == .number(1))
        #expect(r.value("kv", account: "lite") == .number(2))
        // Two columns: "US" wins whatever the score; else ≥ 800 is Institutional.
        #expect(r.value("max_leverage", account: "full") == .number(3))
        #expect(r.value("max_leverage", account: "lite") == .number(5))
        #expect(r.value("max_leverage", account: "inst") == .number(10))
    }

    @Test func missingKeyIsUndefinedNotTheElseRow() throws {
        let r = try Self.evaluate("""
        {"accounts": [{"id": "nokyc", "score": 700, "attributes": {"jurisdiction": "EU"}, "positions": []}]}
        """)
        // `else` would be an answer built on an unknown: the row is undefined.
        #expect(r.value("kv", account: "nokyc") == .undefined)
        #expect(r.value("kv_if", account: "nokyc") == .undefined)
        let notes = try Self.account(r, "nokyc").notes.map(\.message)
        #expect(notes.contains { $0.contains("the account has no attribute `kyc`") }, "\(notes)")
        // Status does not read kyc: it stays a decision.
        #expect(r.value("status", account: "nokyc") == .label("healthy"))
    }

    // MARK: - Unvalued accounts

    @Test func debtInAnUnpricedAssetIsUnvalued() throws {
        let r = try Self.evaluate("""
        {"accounts": [{"id": "a", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "USDC", "qty": 1000}, {"asset": "FTT", "qty": -1000000}]}]}
        """)
        #expect(r.value("debt", account: "a") == .undefined)
        #expect(r.value("status", account: "a") == .unvalued)
        let notes = try Self.account(r, "a").notes
        let cause = try #require(notes.first { $0.message.contains("not valued") })
        #expect(cause.severity == .error)
        #expect(cause.message.contains("FTT: no usable price (no price)"), "\(cause.message)")
        // Said once, not once per undefined output.
        #expect(notes.filter { $0.message.contains("undefined") }.count == 1)
        #expect(r.statusSummary.contains { $0.status == "unvalued" && $0.count == 1 })
        #expect(r.hasFindings)
    }

    @Test func scoreOutsideEveryTierRowIsUnvalued() throws {
        let r = try Self.evaluate("""
        {"accounts": [{"id": "low", "score": 1200, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -100}]}]}
        """)
        #expect(r.value("tier", account: "low") == .undefined)
        #expect(r.value("status", account: "low") == .unvalued)
        let notes = try Self.account(r, "low").notes.map(\.message)
        // 1200 is outside the declared `[0, 1000]`, which the checker proved the rows cover: the
        // range is the cause named.
        #expect(notes.contains { $0.contains("account.score 1200 is outside `input account.score in [0, 1000]`") }, "\(notes)")
    }

    @Test func unpricedCollateralUnderTheZeroRuleStillDecides() throws {
        // `stale_price zero` (the default) counts FTT collateral at 0: a defined, conservative
        // value, so the account is valued (and here liquidatable), not unvalued.
        let r = try Self.evaluate("""
        {"accounts": [{"id": "a", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "FTT", "qty": 1000}, {"asset": "USDC", "qty": -100}]}]}
        """)
        #expect(r.value("collateral", account: "a") == .number(0))
        #expect(r.value("status", account: "a") == .label("liquidatable"))
    }

    @Test func aZeroPriceIsUnusableAndADebtInItUndefined() throws {
        let r = try Self.evaluate("""
        {"accounts": [{"id": "a", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "USDC", "qty": 5000}, {"asset": "ETH", "qty": -1}]}]}
        """, market: """
        {"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}, "ETH": {"price": 0, "vol": 0.7}, "FTT": {"vol": 1}}}
        """)
        #expect(r.marketIssues.map(\.asset) == ["ETH", "FTT"])
        #expect(r.value("debt", account: "a") == .undefined)
        #expect(r.value("status", account: "a") == .unvalued)
    }

    @Test func aShortPerpetualOnAnUnpricedAssetIsNoProfit() throws {
        // Under `zero` the price of FTT counts 0 for collateral; a short perpetual valued at 0
        // would book its whole entry value (10 × 25 = 250,000 USD) as profit and need no margin.
        // It is valued at the quoted price instead, and FTT has none: undefined, unvalued.
        let r = try Self.evaluate("""
        {"accounts": [{"id": "short", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "USDC", "qty": 100},
                                     {"kind": "perp", "asset": "FTT", "size": -10000, "entry_price": 25, "venue": "Desk"}]}]}
        """)
        #expect(r.value("unrealised_pnl", account: "short") == .undefined)
        #expect(r.value("status", account: "short") == .unvalued)
        let notes = try Self.account(r, "short").notes.map(\.message)
        #expect(notes.contains { $0.contains("FTT: no usable price (no price)") }, "\(notes)")
    }

    @Test func threeValuedLogicInThePlan() throws {
        // `or` with a true side and `and` with a false side decide whatever the other side is;
        // everything else that reads an undefined value is undefined.
        let policy = Self.policy + """

        measure kyc_ok per account = account.kyc == "full"
        measure either per account = if account.score > 500 or kyc_ok then 1 else 0
        measure both per account = if account.score > 500 and kyc_ok then 1 else 0
        measure neither per account = if not kyc_ok then 1 else 0
        measure bigger per account = max(account.score, if kyc_ok then 1 else 0)
        """
        let r = try Self.evaluate("""
        {"accounts": [{"id": "high", "score": 700, "attributes": {"jurisdiction": "EU"}, "positions": []},
                      {"id": "low", "score": 100, "attributes": {"jurisdiction": "EU"}, "positions": []}]}
        """, policy: policy)
        #expect(r.value("either", account: "high") == .number(1))   // true or unknown = true
        #expect(r.value("either", account: "low") == .undefined)    // false or unknown = unknown
        #expect(r.value("both", account: "high") == .undefined)     // true and unknown = unknown
        #expect(r.value("both", account: "low") == .number(0))      // false and unknown = false
        #expect(r.value("neither", account: "high") == .undefined)
        #expect(r.value("bigger", account: "high") == .undefined)
    }

    // MARK: - Runtime assertions

    @Test func brokenAccountAssertionIsReportedWithItsValues() throws {
        // health = 1600 × 80% ÷ 1471.26 = 0.870 < 0.9; above 1? no: liquidatable, and the assert breaks.
        let r = try Self.evaluate("""
        {"accounts": [
          {"id": "weak", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
           "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1471.26}]},
          {"id": "fine", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
           "positions": [{"asset": "ETH", "qty": 1}]}
        ]}
        """)
        let weak = try Self.account(r, "weak")
        let v = try #require(weak.violations.first { $0.assertion == "every account: health > 0.9" })
        #expect(v.outcome == .broken)
        #expect(v.location == "failclosed.lever:28")
        let health = try #require(v.values.first { $0.text == "health" })
        #expect(abs((health.value ?? 0) - 1280 / 1471.26) < 1e-12)
        #expect(try Self.account(r, "fine").violations.isEmpty)
        #expect(r.accountsWithViolations == 1)
        #expect(r.hasFindings)
    }

    @Test func brokenPositionAssertionNamesThePosition() throws {
        // 600 ETH × 2000 = 1.2M USD of notional, over the 1M USD cap.
        let r = try Self.evaluate("""
        {"accounts": [{"id": "big", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "USDC", "qty": 10}, {"asset": "ETH", "qty": 600}]}]}
        """)
        let v = try #require(try Self.account(r, "big").violations.first { $0.assertion.hasPrefix("every position") })
        #expect(v.outcome == .broken)
        #expect(v.positions.count == 1)
        #expect(v.positions.first?.position.hasPrefix("ETH") == true)
        #expect(v.positions.first?.values.first?.value == 1_200_000)
    }

    @Test func assertionOnAnUndefinedValueIsUndecidedNotPassed() throws {
        let r = try Self.evaluate("""
        {"accounts": [{"id": "a", "score": 700, "attributes": {"kyc": "full", "jurisdiction": "EU"},
                       "positions": [{"asset": "USDC", "qty": 1000}, {"asset": "FTT", "qty": -10}]}]}
        """)
        let a = try Self.account(r, "a")
        #expect(a.violations.contains { $0.assertion == "every account: health > 0.9" && $0.outcome == .undecided })
        #expect(a.notes.contains { $0.message.hasPrefix("cannot check `every account: health > 0.9`") })
    }

    @Test func provedAssertionsCostNothing() throws {
        let checked = Checker.check(source: Self.policy + "\nassert every asset: haircut in [0%, 100%]\n", path: "p.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        // The two data-dependent asserts are compiled; the proved haircut assert is not.
        #expect(compiled.assertions.map(\.text) == ["every account: health > 0.9", "every position: notional < 1M USD"])
    }

    @Test func assertionsAreCheckedWhenProofsDidNotRun() throws {
        let checked = Checker.check(source: Self.policy + "\nassert every asset: haircut in [0%, 100%]\n", path: "p.lever",
                                    stopAfter: .units)
        let compiled = try #require(Compiler.compile(checked).0)
        #expect(compiled.assertions.count == 3)
    }

    @Test func aBreachWithAConsequenceSetsTheStatusAndIsNotAFinding() throws {
        let policy = """
        policy "Consequence" version "1"
        input account.score in [0, 1000]
        class crypto { haircut = 20%; liquidation_threshold = 80% }
        asset USDC : crypto
        asset ETH : crypto
        asset FTT : crypto
        assert every account: debt < 50k USD else margin_call
        assert every position: notional < 150k USD else liquidatable
        """
        // ETH at 2000 with a 20% haircut and an 80% threshold. big: 60 ETH = 96,000 of collateral,
        // 76,800 weighted, against 60,000 USDC owed: health 1.28 is healthy, but the debt is
        // over 50k: margin call. huge: 80 ETH = 160k notional, one position over 150k: liquidatable. unknown: a debt in
        // FTT, which has no price: the debt is undefined, so is the assertion, so is the status.
        let r = try Self.evaluate("""
        {"accounts": [
          {"id": "small", "score": 1, "positions": [{"asset": "ETH", "qty": 1}]},
          {"id": "big", "score": 1, "positions": [{"asset": "ETH", "qty": 60}, {"asset": "USDC", "qty": -60000}]},
          {"id": "huge", "score": 1, "positions": [{"asset": "ETH", "qty": 80}]},
          {"id": "unknown", "score": 1, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "FTT", "qty": -1}]}
        ]}
        """, policy: policy)
        #expect(r.value("status", account: "small") == .label("healthy"))
        #expect(r.value("status", account: "big") == .label("margin_call"))
        #expect(r.value("status", account: "huge") == .label("liquidatable"))
        // An assertion that cannot be decided cannot give its consequence either: unvalued.
        #expect(r.value("status", account: "unknown") == .unvalued)
        let big = try Self.account(r, "big")
        #expect(big.violations.map(\.consequence) == ["margin_call"])
        // Handled as the committee decided; only the unvalued account is a finding.
        #expect(r.hasFindings)
        let handled = Report(policy: r.policy, asOf: r.asOf, horizon: r.horizon, outputs: r.outputs,
                             accounts: r.accounts.filter { $0.id != "unknown" }, marketIssues: [])
        #expect(!handled.hasFindings)
    }

    // MARK: - Generated books: an undefined input never becomes `healthy`

    /// Over generated books with randomly missing prices, scores outside every tier row (above
    /// or below the declared range, which the checker proves the rows cover) and
    /// absent attributes: every account whose status depends on an undefined value is
    /// `unvalued`, and every account reported `healthy`, `margin_call` or `liquidatable` was
    /// valued from defined inputs only (its health is a number).
    @Test func undefinedInputsNeverBecomeADecision() throws {
        var random = SplitMix64(seed: 9)
        var cases = 0
        for _ in 0..<40 {
            let missing = random.next() % 2 == 0
            let market = """
            {"as_of": "2026-11-25T12:00:00Z",
             "assets": {"USDC": {"price": 1, "vol": 0.01}, "ETH": {\(missing ? "" : "\"price\": 2000, ")"vol": 0.7},
                        "FTT": {"vol": 1.0}}}
            """
            var accounts: [String] = []
            for i in 0..<50 {
                let score = [100, 599, 600, 1000, 1200, -5][Int(random.next() % 6)]
                let attributes = random.next() % 3 == 0 ? "{}" : "{\"kyc\": \"full\", \"jurisdiction\": \"US\"}"
                var positions: [String] = []
                for _ in 0..<Int(random.next() % 4) {
                    let asset = ["USDC", "ETH", "FTT"][Int(random.next() % 3)]
                    let qty = Double(Int(random.next() % 2000)) - 1000
                    positions.append("{\"asset\": \"\(asset)\", \"qty\": \(qty)}")
                }
                accounts.append("{\"id\": \"a\(i)\", \"score\": \(score), \"attributes\": \(attributes), \"positions\": [\(positions.joined(separator: ", "))]}")
            }
            let checked = Checker.check(source: Self.policy, path: "p.lever")
            let compiled = try #require(Compiler.compile(checked).0)
            let m = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: market)).value)
            let b = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: "{\"accounts\": [\(accounts.joined(separator: ","))]}"), market: m).value)
            let r = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
                .evaluate(book: b, market: m)
            for account in r.accounts {
                cases += 1
                let status = r.value("status", account: account.id)
                let health = r.value("health", account: account.id)
                if health == .undefined {
                    #expect(status == .unvalued, "\(account.id): health undefined but status \(String(describing: status))")
                }
                if status != .unvalued {
                    #expect(health != .undefined)
                }
            }
        }
        #expect(cases == 2000)
    }
}
