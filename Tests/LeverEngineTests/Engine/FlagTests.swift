import Foundation
import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// `flag "stale_price:{asset}" when price_status == stale`: flags whose text is built from data,
/// raised once per key value, in one pass over the positions.
struct FlagTests {
    static let policy = """
    policy "Flags" version "1"
    class stable { haircut = 0% }
    class crypto { haircut = 20% }
    asset USDC : stable
    asset BTC : crypto
    asset ETH : crypto
    asset SOL : crypto
    venue Deribit
    venue OKX
    oracle { max_price_age = 1h; stale_price = keep }
    measure gross per account = sum(notional)
    flag "stale_price:{asset}" when price_status == stale
    flag "large_book" when gross > 1M USD
    flag "long_on:{venue}" when side == long
    flag "long:{class}" when side == long
    """

    /// BTC and SOL are two hours old (stale under `max_price_age = 1h`); ETH and USDC fresh.
    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01, "price_time": "2026-11-25T11:59:00Z"},
                "BTC": {"price": 100000, "vol": 0.6, "price_time": "2026-11-25T10:00:00Z"},
                "ETH": {"price": 2000, "vol": 0.8, "price_time": "2026-11-25T11:59:00Z"},
                "SOL": {"price": 150, "vol": 0.9, "price_time": "2026-11-25T10:00:00Z"}}}
    """

    static let book = """
    {"accounts": [
      {"id": "both", "score": 700, "positions": [
        {"asset": "SOL", "qty": 10, "venue": "OKX"}, {"asset": "BTC", "qty": 1, "venue": "Deribit"},
        {"asset": "BTC", "qty": 2}, {"kind": "perp", "asset": "ETH", "size": -5, "entry_price": 2000, "venue": "OKX"}]},
      {"id": "fresh", "score": 700, "positions": [{"asset": "ETH", "qty": 1000, "venue": "OKX"}]},
      {"id": "empty", "score": 700, "positions": []}
    ]}
    """

    static func evaluate(policy: String = policy, market: String = market, book: String = book) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "flags.lever")
    }

    static func flags(_ r: Report, _ id: String) throws -> [String] {
        try #require(r.accounts.first { $0.id == id }).flags
    }

    @Test func flagsNameTheDataTheyCameFrom() throws {
        let r = try Self.evaluate()
        // Declaration order, then key order (policy order of assets, venues, classes); BTC held
        // twice is flagged once. The BTC spot held on no venue fills `{venue}` with `none`.
        #expect(try Self.flags(r, "both") == ["stale_price:BTC", "stale_price:SOL", "long_on:none", "long_on:Deribit",
                                              "long_on:OKX", "long:crypto"])
        // 1000 ETH × 2000 = 2M > 1M: the account-level flag.
        #expect(try Self.flags(r, "fresh") == ["large_book", "long_on:OKX", "long:crypto"])
        #expect(try Self.flags(r, "empty") == [])
    }

    @Test func reportsListFlagsCompactly() throws {
        let r = try Self.evaluate()
        let table = ReportRenderer(style: .table(color: false)).render(r)
        #expect(table.contains("flags:\n  both: stale_price:BTC, stale_price:SOL, long_on:none, long_on:Deribit, long_on:OKX, long:crypto\n"
                               + "  fresh: large_book, long_on:OKX, long:crypto\n"), "\(table)")
        let json = try JSONSerialization.jsonObject(with: Data(ReportRenderer(style: .json).render(r).utf8)) as? [String: Any]
        let accounts = try #require(json?["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["flags"] as? [String] } == [
            ["stale_price:BTC", "stale_price:SOL", "long_on:none", "long_on:Deribit", "long_on:OKX", "long:crypto"],
            ["large_book", "long_on:OKX", "long:crypto"], [],
        ])
        // A policy without flags reports none, not an empty list per account.
        let plain = try Self.evaluate(policy: Self.policy.split(separator: "\n").filter { !$0.hasPrefix("flag") }.joined(separator: "\n"))
        #expect(!ReportRenderer(style: .json).render(plain).contains("\"flags\""))
    }

    @Test func anUndecidableFlagIsSaidNotDropped() throws {
        // No score-free way to be undefined here: a price missing makes `quoted_price` undefined.
        let policy = Self.policy.replacingOccurrences(of: "stale_price = keep", with: "stale_price = zero")
            + "\nflag \"dear:{asset}\" when quoted_price > 50k USD"
        let market = Self.market.replacingOccurrences(of: #""SOL": {"price": 150,"#, with: #""SOL": {"price": null,"#)
        let r = try Self.evaluate(policy: policy, market: market)
        let account = try #require(r.accounts.first { $0.id == "both" })
        #expect(!account.flags.contains { $0.hasPrefix("dear:") })
        #expect(account.notes.contains { $0.message.contains("cannot tell whether flag `dear:{asset}` (flags.lever:") }, "\(account.notes)")
        #expect(try Self.flags(r, "fresh").contains("dear:BTC") == false)
    }

    /// More groups than one output holds (52): 60 assets, every one stale, each flagged once.
    @Test func moreKeysThanOneOutputHolds() throws {
        let names = (0..<60).map { "A\($0)" }
        let policy = "policy \"Many\" version \"1\"\nclass c { haircut = 10% }\n" + names.map { "asset \($0) : c" }.joined(separator: "\n")
            + "\noracle { max_price_age = 1h; stale_price = keep }\nflag \"stale:{asset}\" when price_status == stale\n"
        let quotes = names.map { #""\#($0)": {"price": 1, "vol": 0.5, "price_time": "2026-11-25T10:00:00Z"}"# }
        let market = #"{"as_of": "2026-11-25T12:00:00Z", "assets": {"# + quotes.joined(separator: ", ") + "}}"
        let positions = names.reversed().map { #"{"asset": "\#($0)", "qty": 1}"# }
        let book = #"{"accounts": [{"id": "all", "score": 1, "positions": ["# + positions.joined(separator: ", ") + "]}]}"
        let r = try Self.evaluate(policy: policy, market: market, book: book)
        #expect(try Self.flags(r, "all") == names.map { "stale:\($0)" })
        let compiled = try #require(Compiler.compile(Checker.check(source: policy, path: "many.lever")).0)
        #expect(compiled.flags.first?.chunks.map(\.texts.count) == [52, 8])
    }

    @Test func aKeyedFlagAgreesWithAHandWrittenCountPerAsset() throws {
        // The workaround flags replace: one 0/1 measure per asset. Both say the same.
        let assets = ["USDC", "BTC", "ETH", "SOL"]
        let policy = Self.policy + "\n" + assets.map {
            "measure stale_\($0) per account = count(positions where asset == \($0) and price_status == stale) > 0"
        }.joined(separator: "\n")
        let r = try Self.evaluate(policy: policy)
        for account in r.accounts {
            let byMeasure = assets.filter { r.value("stale_\($0)", account: account.id) == .flag(true) }.map { "stale_price:\($0)" }
            #expect(account.flags.filter { $0.hasPrefix("stale_price:") } == byMeasure, "\(account.id)")
        }
    }

    @Test func flagTemplatesAreChecked() {
        let base = Self.policy.split(separator: "\n").filter { !$0.hasPrefix("flag") }.joined(separator: "\n")
        let codes = { (line: String) in Checker.check(source: base + "\n" + line, path: "f.lever").diagnostics.map(\.code) }
        #expect(codes("flag \"x:{asst}\" when side == long") == ["L0334"])
        #expect(codes("flag \"x:{asset}@{venue}\" when side == long") == ["L0335"])
        // Without a key the condition is the account's: a position's name needs an aggregate.
        #expect(codes("flag \"x\" when side == long") == ["L0311"])
        #expect(codes("flag \"x\" when notional") != [])
        #expect(codes("flag \"x\" when count(positions where side == long) > 2").isEmpty)
    }
}
