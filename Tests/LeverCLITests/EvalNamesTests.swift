import Foundation
import LeverTestSupport
import Testing

/// `lever eval` on books whose names the policy does not know, and on a market that lacks an
/// asset the policy declares: a located error and exit 1 for the first, the oracle rule (never a
/// stopped run) for the second.
@Suite struct EvalNamesTests {
    /// The hand-worked lending policy with venues and AVAX (not in the market), and `stale_price`.
    static func policy(stalePrice: String) -> String {
        HandWorkedLending.policy.replacingOccurrences(of: "asset ETH : crypto", with: """
            asset ETH : crypto
            asset AVAX : crypto
            venue Custody
            venue Binance { haircut += 3% }
            """) + "\noracle { stale_price = \(stalePrice) }\n"
    }

    /// Writes the policy, the market and `book` to a fresh directory and runs `lever eval` there.
    func eval(_ book: String, stalePrice: String = "zero", _ extra: [String] = []) throws -> CommandResult {
        let directory = try makeTemporaryDirectory("lever-names")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, text) in [("p.lever", Self.policy(stalePrice: stalePrice)), ("market.json", HandWorkedLending.market),
                             ("book.json", book)] {
            try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
        return runCommand(["eval", "p.lever", "--book", "book.json", "--market", "market.json",
                           "--fields", "collateral,debt"] + extra, in: directory)
    }

    static let misspeltVenue = """
    {"accounts": [
      {"id": "good", "score": 700, "positions": [{"asset": "ETH", "qty": 1, "venue": "Binance"}]},
      {"id": "typo", "score": 700, "positions": [{"asset": "ETH", "qty": 1, "venue": "Binanse"}]}]}
    """

    @Test func anUndeclaredVenueStopsTheRunWithItsPlaceAndASuggestion() throws {
        let result = try eval(Self.misspeltVenue)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty, "no report from a book with errors")
        #expect(result.stderr.contains("book.json:3:82: error[L0715]: accounts[1].positions[0].venue: venue `Binanse` is not declared in the policy"),
                "\(result.stderr)")
        #expect(result.stderr.contains("help: use `Binance`"))
    }

    @Test func withKeepGoingOnlyThatAccountIsNotEvaluated() throws {
        let result = try eval(Self.misspeltVenue, ["--keep-going"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("good       1,540.00  0.00"), "\(result.stdout)")
        #expect(result.stdout.contains("typo              —     —"), "\(result.stdout)")
        #expect(result.stdout.contains("typo: error: accounts[1].positions[0].venue: venue `Binanse` is not declared in the policy; use `Binance`"))
    }

    @Test func anUndeclaredAssetSaysToDeclareItNotToEditTheMarket() throws {
        let result = try eval(#"{"accounts": [{"id": "a", "score": 700, "positions": [{"asset": "DOGE", "qty": 1}]}]}"#)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("error[L0716]: accounts[0].positions[0].asset: asset `DOGE` is not declared in the policy"))
        #expect(result.stderr.contains("help: fix the symbol, or declare the asset in the policy (`asset DOGE : CLASS`)"))
        #expect(!result.stderr.contains("market"), "\(result.stderr)")
    }

    static let avax = """
    {"accounts": [
      {"id": "borrows", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "AVAX", "qty": -10}]},
      {"id": "holds", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "AVAX", "qty": 10}]}]}
    """

    /// Held or borrowed, a declared asset the market lacks never stops the run: under `zero` a
    /// debt in it is undefined (shown as —, with a note), never 0.
    @Test func aBorrowedAssetMissingFromTheMarketIsTheOracleRulesUnderZero() throws {
        let result = try eval(Self.avax)
        #expect(!result.stderr.contains("L0708"), "\(result.stderr)")
        #expect(result.stdout.contains("borrows    1,600.00     —"), "\(result.stdout)")
        #expect(result.stdout.contains("holds      1,600.00  0.00"), "\(result.stdout)")
        #expect(result.stdout.contains("borrows: error: not valued (status `unvalued`): debt"), "\(result.stdout)")
        #expect(result.exitCode == 1, "an unvalued account is a finding")
        #expect(result.stdout.contains("borrows: warning: AVAX: not in the market snapshot; counted at 0 as collateral; a debt in it cannot be valued"))
    }

    @Test(arguments: ["reject", "keep"])
    func aBorrowedAssetMissingFromTheMarketIsTheOracleRules(_ rule: String) throws {
        let result = try eval(Self.avax, stalePrice: rule)
        #expect(result.exitCode == 1, "an account could not be evaluated")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        for id in ["borrows", "holds"] {
            #expect(result.stdout.contains("\(id): error: AVAX: not in the market snapshot; accounts holding it are not evaluated"),
                    "\(result.stdout)")
        }
    }
}
