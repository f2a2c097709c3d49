import Testing
import LeverCheck
import LeverSyntax
import LeverTestSupport
@testable import LeverEngine

/// An asset the policy declares but the market snapshot lacks, held or borrowed: the book loads
/// (it names only declared assets), and the policy's oracle rule says what the engine does, the
/// same for a debt as for collateral. Under `zero` a debt with no quote is undefined, never 0.
@Suite struct MissingQuoteTests {
    /// The hand-worked lending policy with AVAX declared (a crypto: haircut 20%) and `stale_price`.
    static func policy(_ rule: String) -> String {
        HandWorkedLending.policy.replacingOccurrences(of: "asset ETH : crypto", with: "asset ETH : crypto\nasset AVAX : crypto")
            + "\noracle { stale_price = \(rule) }\n"
    }

    static let book = """
    {"accounts": [
      {"id": "borrows", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "AVAX", "qty": -10}]},
      {"id": "holds", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "AVAX", "qty": 10}, {"asset": "USDC", "qty": -1000}]},
      {"id": "neither", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1000}]}
    ]}
    """

    static func evaluate(_ rule: String) throws -> Report {
        let checked = Checker.check(source: policy(rule), path: "lending.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let compiled = try #require(Compiler.compile(checked).0)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: HandWorkedLending.market)).value)
        let loaded = BookLoader.load(SourceFile(id: 2, path: "book.json", text: book), policy: PolicyNames(policy: compiled), market: market)
        #expect(loaded.diagnostics.isEmpty, "a missing quote is not a book error: \(loaded.diagnostics.map(\.message))")
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
        return engine.evaluate(book: try #require(loaded.value), market: market)
    }

    static let issue = "AVAX: not in the market snapshot; counted at 0 as collateral; a debt in it cannot be valued"

    @Test func zeroCountsCollateralAtNothingAndLeavesADebtUndefined() throws {
        let report = try Self.evaluate("zero")
        #expect(report.accounts.allSatisfy { $0.evaluated })
        #expect(report.value("debt", account: "borrows") == .undefined)
        #expect(report.value("collateral", account: "borrows") == .number(1600))
        #expect(report.value("collateral", account: "holds") == .number(1600), "10 AVAX count at 0, ETH at 1600")
        #expect(report.value("debt", account: "holds") == .number(1000))
        let borrows = try #require(report.accounts.first { $0.id == "borrows" })
        #expect(borrows.notes.contains(AccountNote(severity: .warning, message: Self.issue)))
        // The cause is said once, and the status that depends on it is `unvalued`, never `healthy`.
        #expect(borrows.notes.contains(AccountNote(severity: .error, message:
            "not valued (status `unvalued`): debt, equity, health, interest, status, close_factor undefined, because AVAX: no usable price (not in the market snapshot)")))
        #expect(report.value("status", account: "borrows") == .unvalued)
        #expect(report.accounts.first { $0.id == "neither" }?.notes == [])
    }

    @Test(arguments: ["reject", "keep"])
    func rejectAndKeepLeaveHoldersAndBorrowersNotEvaluated(_ rule: String) throws {
        let report = try Self.evaluate(rule)
        #expect(report.accounts.map(\.evaluated) == [false, false, true])
        let message = "AVAX: not in the market snapshot; accounts holding it are not evaluated"
        for id in ["borrows", "holds"] {
            #expect(report.accounts.first { $0.id == id }?.notes == [AccountNote(severity: .error, message: message)])
        }
        #expect(report.marketIssues.map(\.outcome) == [.reject], "`keep` cannot keep a quote that is not there")
    }

    /// A book built (or loaded) without the policy's names still never values a position on a
    /// venue the policy does not declare: the account is reported, not evaluated.
    @Test func theEngineRefusesAnUndeclaredVenueEvenUnchecked() throws {
        let checked = Checker.check(source: Self.policy("zero") + "venue Binance { haircut += 3% }\n", path: "lending.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: HandWorkedLending.market)).value)
        let book = Book(accounts: [
            Account(id: "typo", score: 700, positions: [.spot(.init(asset: "ETH", quantity: 1, venue: "Binanse"))]),
            Account(id: "right", score: 700, positions: [.spot(.init(asset: "ETH", quantity: 1, venue: "Binance"))]),
        ])
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
        let report = engine.evaluate(book: book, market: market)
        #expect(report.accounts.map(\.evaluated) == [false, true])
        #expect(report.accounts[0].notes == [AccountNote(severity: .error, message: "venue Binanse is not declared in the policy")])
        #expect(report.value("collateral", account: "right") == .number(2000 * (1 - 0.23)))
    }

    /// Warnings found while loading (here an attribute key that looks misspelt) are notes on the
    /// account's report, which is otherwise evaluated as usual.
    @Test func loadWarningsAreNotesOnTheReport() throws {
        let checked = Checker.check(source: Self.policy("zero") + "measure eu per account = if account.region == \"EU\" then 1 else 0\n",
                                    path: "lending.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: HandWorkedLending.market)).value)
        let text = #"{"accounts": [{"id": "a", "score": 700, "attributes": {"region": "eu"}, "positions": [{"asset": "ETH", "qty": 1}]}]}"#
        let book = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: text), policy: PolicyNames(policy: compiled)).value)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
        let account = try #require(engine.evaluate(book: book, market: market).accounts.first)
        #expect(account.evaluated)
        #expect(account.notes == [AccountNote(severity: .warning, message:
            #"accounts[0].attributes.region: the policy never compares `account.region` with "eu"; use "EU""#)])
    }
}
