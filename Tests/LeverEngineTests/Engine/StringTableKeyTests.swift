import Testing
import LeverCheck
import LeverSyntax
import LeverTestSupport
@testable import LeverEngine

/// A decision table keyed by an account attribute's string values, when no other rule names
/// those strings: the row for "US" must fire for a US account (the table's strings were once
/// left without a code, so only `else` ever matched).
@Suite struct StringTableKeyTests {
    @Test func aRowKeyedByAStringOnlyTheTableNamesMatches() throws {
        let policy = HandWorkedLending.policy + """

        table limit by account.jurisdiction, account.score hit first {
          "US", else   -> Onshore { cap = 3 }
          "EU" | "UK", >= 800 -> Large { cap = 10 }
          else, else   -> Other   { cap = 5 }
        }
        measure cap per account = limit.cap
        """
        let checked = Checker.check(source: policy, path: "lending.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let compiled = try #require(Compiler.compile(checked).0)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: HandWorkedLending.market)).value)
        let book = Book(accounts: [("us", "US", 700.0), ("uk", "UK", 900), ("uk-small", "UK", 700), ("fr", "FR", 900)].map {
            Account(id: $0.0, score: $0.2, attributes: ["jurisdiction": .string($0.1)], positions: [])
        })
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
        let report = engine.evaluate(book: book, market: market)
        #expect(report.accounts.map { report.value("cap", account: $0.id) } == [.number(3), .number(10), .number(5), .number(5)])
    }
}
