import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// The checker proves assertions only over the declared input ranges, and a proved assertion is
/// not compiled at all. So a value outside its range must never be evaluated as if the proof
/// held: the engine makes it undefined, names the declaration, and whatever depends on it is
/// undefined (an account whose status does is `unvalued`). Each test fails if data outside a
/// range can again reach a decided result.
struct DeclaredRangeTests {
    /// `haircut = vol × √(1 year)` is at most 90% over `vol in [0, 90%]`, so `haircut < 100%` is proved and
    /// not checked at run time. A vol of 150% would make the haircut 150% and the collateral
    /// negative, with nothing to catch it.
    static let policy = """
    policy "Ranges" version "1"
    input vol in [0, 90%]
    input price in (0 USD, 10M USD]
    input utilization in [0%, 95%]
    input account.score in [0, 1000]
    input account.age in [0, 120]
    class stable { haircut = 1%; liquidation_threshold = 95% }
    class crypto { haircut = vol * sqrt(1 year); liquidation_threshold = 80% }
    asset USDC : stable
    asset ETH : crypto
    asset SOL : crypto
    margin {
      liquidate when health < 1
      margin_call when health < 1.1
    }
    table grade by account.score hit first {
      >= 600 -> Good { boost = 1 }
      else   -> Poor { boost = 0 }
    }
    measure boost per account = grade.boost
    measure age per account = account.age
    measure sol_utilization per account = SOL.utilization
    assert every asset: haircut < 100%
    """

    static func market(ethVol: Double = 0.6, ethPrice: Double = 2000, solBorrowed: Double = 50) -> String {
        """
        {"as_of": "2026-11-25T12:00:00Z",
         "assets": {"USDC": {"price": 1, "vol": 0.01},
                    "ETH": {"price": \(ethPrice), "vol": \(ethVol)},
                    "SOL": {"price": 100, "vol": 0.8, "supplied": 100, "borrowed": \(solBorrowed)}}}
        """
    }

    /// `eth` borrows USDC against ETH; `sol` holds only SOL; `plain` only USDC.
    static let book = """
    {"accounts": [
      {"id": "eth", "score": 700, "attributes": {"age": 40}, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -500}]},
      {"id": "sol", "score": 700, "attributes": {"age": 40}, "positions": [{"asset": "SOL", "qty": 10}, {"asset": "USDC", "qty": -300}]},
      {"id": "plain", "score": 700, "attributes": {"age": 40}, "positions": [{"asset": "USDC", "qty": 100}]}
    ]}
    """

    static func evaluate(market: String = market(), book: String = book, policy: String = policy) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "ranges.lever")
    }

    static func notes(_ r: Report, _ id: String) throws -> [String] {
        try #require(r.accounts.first { $0.id == id }).notes.map(\.message)
    }

    @Test func theAssertionIsProvedSoOnlyTheRangeCheckStandsBetweenBadDataAndAnAnswer() throws {
        let checked = Checker.check(source: Self.policy, path: "ranges.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        #expect(compiled.assertions.isEmpty, "proved, so not compiled: \(compiled.assertions.map(\.text))")
        #expect(compiled.inputRanges.map(\.path) == ["vol", "price", "utilization", "account.score", "account.age"])
    }

    @Test func aVolatilityOutsideItsRangeIsUndefinedAndTheHolderUnvalued() throws {
        let r = try Self.evaluate(market: Self.market(ethVol: 1.5))
        // Unchecked, the haircut would be 150%: collateral −1,000 USD, an answer built on a
        // proof that does not hold.
        #expect(r.value("collateral", account: "eth") == .undefined)
        #expect(r.value("status", account: "eth") == .unvalued)
        let notes = try Self.notes(r, "eth")
        #expect(notes.contains { $0.contains("ETH: vol 1.5 is outside `input vol in [0, 90%]` (ranges.lever:2)") }, "\(notes)")
        #expect(notes.contains { $0.contains("widen the range if the value is real") })
        // One market issue, for the input, not for the price.
        let issue = try #require(r.marketIssues.first)
        #expect(r.marketIssues.count == 1)
        #expect(issue.asset == "ETH" && issue.input == .vol && !issue.isInvalidQuote)
        #expect(issue.message.hasSuffix("undefined wherever the policy reads it"))
        // Accounts that do not hold ETH are decided as before.
        let before = try Self.evaluate()
        for id in ["sol", "plain"] {
            #expect(r.value("status", account: id) != .unvalued)
            #expect(r.value("status", account: id) == before.value("status", account: id))
        }
    }

    @Test func anOptionOnAnUnderlyingWithAVolOutOfRangeIsUndefined() throws {
        // The option's model price and Greeks would rest on vol 150%: both are undefined.
        let book = """
        {"accounts": [{"id": "opt", "score": 700, "positions": [
          {"kind": "option", "underlying": "ETH", "right": "call", "strike": 2000, "expiry": "2026-12-25T12:00:00Z", "size": 1, "venue": "Deribit"},
          {"asset": "USDC", "qty": 100}]}]}
        """
        let policy = Self.policy + "\nvenue Deribit\nmeasure opt_value per account = sum(option_value)\nmeasure opt_delta per account = sum(delta)"
        let inside = try Self.evaluate(book: book, policy: policy)
        guard case .number(let value) = inside.value("opt_value", account: "opt") else {
            Issue.record("an option in range is valued: \(String(describing: inside.value("opt_value", account: "opt")))")
            return
        }
        #expect(value > 0)
        let outside = try Self.evaluate(market: Self.market(ethVol: 1.5), book: book, policy: policy)
        #expect(outside.value("opt_value", account: "opt") == .undefined)
        #expect(outside.value("opt_delta", account: "opt") == .undefined)
        #expect(try Self.notes(outside, "opt").contains { $0.contains("ETH: vol 1.5 is outside `input vol in [0, 90%]`") })
    }

    @Test func theEndsOfAClosedRangeAreInsideIt() throws {
        // vol 90% exactly: haircut 90%, collateral 2000 × 10% = 200 USD (against 500 of debt:
        // health = 200 × 0.8 / 500 … the status is decided, whatever it is).
        let r = try Self.evaluate(market: Self.market(ethVol: 0.9))
        #expect(r.marketIssues.isEmpty)
        #expect(r.value("collateral", account: "eth") == .number(2000 * (1 - 0.9)))
        #expect(r.value("status", account: "eth") != .unvalued)
        let zero = try Self.evaluate(market: Self.market(ethVol: 0))
        #expect(zero.value("collateral", account: "eth") == .number(2000))
    }

    @Test func aPriceOutsideItsRangeIsNoQuote() throws {
        // (0 USD, 10M USD]: 10M is in, anything above is not a price the policy was checked for.
        let atEnd = try Self.evaluate(market: Self.market(ethPrice: 10_000_000))
        #expect(atEnd.marketIssues.isEmpty)
        let above = try Self.evaluate(market: Self.market(ethPrice: 10_000_001))
        let issue = try #require(above.marketIssues.first)
        #expect(issue.asset == "ETH" && issue.isInvalidQuote && issue.reason.statusCode == 3)
        // Under the default `zero` rule the asset counts nothing as collateral and the account,
        // which owes USDC only, is decided on that: 0 collateral against 500 of debt.
        #expect(above.value("collateral", account: "eth") == .number(0))
        #expect(above.value("status", account: "eth") == .label("liquidatable"))
        #expect(issue.message.contains("price 10000001 is outside `input price in (0 USD, 10M USD]`"), "\(issue.message)")
    }

    @Test func aUtilizationOutsideItsRangeIsUndefined() throws {
        // borrowed 96 of 100 supplied: utilization 96%, outside [0%, 95%].
        let r = try Self.evaluate(market: Self.market(solBorrowed: 96))
        #expect(r.value("sol_utilization", account: "plain") == .undefined)
        let notes = try Self.notes(r, "plain")
        #expect(notes.contains { $0.contains("SOL: utilization 0.96 is outside `input utilization in [0%, 95%]`") }, "\(notes)")
        let inside = try Self.evaluate(market: Self.market(solBorrowed: 95))
        #expect(inside.value("sol_utilization", account: "plain") == .number(0.95))
    }

    @Test func anAccountScoreOrAttributeOutsideItsRangeIsUndefined() throws {
        let r = try Self.evaluate(book: """
        {"accounts": [
          {"id": "high", "score": 2000, "attributes": {"age": 40}, "positions": [{"asset": "USDC", "qty": 1}]},
          {"id": "old", "score": 700, "attributes": {"age": 121}, "positions": [{"asset": "USDC", "qty": 1}]},
          {"id": "edge", "score": 1000, "attributes": {"age": 120}, "positions": [{"asset": "USDC", "qty": 1}]}
        ]}
        """)
        // `>= 600` would take 2000 as Good: a row nobody checked for that score.
        #expect(r.value("boost", account: "high") == .undefined)
        #expect(try Self.notes(r, "high").contains { $0.contains("account.score 2000 is outside `input account.score in [0, 1000]` (ranges.lever:5)") })
        #expect(r.value("age", account: "old") == .undefined)
        #expect(try Self.notes(r, "old").contains { $0.contains("account.age 121 is outside `input account.age in [0, 120]`") })
        #expect(r.value("boost", account: "edge") == .number(1))
        #expect(r.value("age", account: "edge") == .number(120))
    }

    @Test func theJSONReportNamesTheInputAndTheReason() throws {
        let r = try Self.evaluate(market: Self.market(ethVol: 1.5))
        let json = ReportRenderer(style: .json).render(r)
        #expect(json.contains("\"reason\":\"outside_declared_range\"") || json.contains("\"reason\": \"outside_declared_range\""), "\(json.prefix(400))")
        #expect(json.contains("\"input\":\"vol\"") || json.contains("\"input\": \"vol\""))
    }

    /// Over values on both sides of every edge, an account's status is decided only when every
    /// input it reads lies in its declared range.
    @Test func noValueOutsideARangeEverReachesADecision() throws {
        for vol in [0, 0.45, 0.9, 0.9000001, 2, 50] {
            for price in [0.0, 0.5, 2000, 10_000_000, 10_000_000.5] {
                let r = try Self.evaluate(market: Self.market(ethVol: vol, ethPrice: price))
                let status = r.value("status", account: "eth")
                let inRange = (0...0.9).contains(vol) && price > 0 && price <= 10_000_000
                if !inRange {
                    #expect(status == .unvalued || r.value("collateral", account: "eth") == .number(0),
                            "vol \(vol), price \(price): \(String(describing: status))")
                } else {
                    #expect(status != .unvalued, "vol \(vol), price \(price)")
                }
            }
        }
    }
}
