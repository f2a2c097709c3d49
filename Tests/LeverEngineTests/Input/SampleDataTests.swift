import LeverCheck
import LeverSyntax
import Testing
@testable import LeverEngine

/// Rules/sample/{market,book}.json load cleanly and cover what the quick start needs to show.
@Suite struct SampleDataTests {
    static var directory: String {
        "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/") + "/Rules/sample"
    }

    /// The market, and the book checked against the names of `Rules/prime.lever`, the policy it
    /// is written for (as `lever eval` loads it): every asset and venue it names is declared.
    static func load() throws -> (MarketSnapshot, Book, [Diagnostic]) {
        var sources = SourceMap()
        let market = try MarketLoader.load(path: directory + "/market.json", into: &sources)
        let snapshot = try #require(market.value)
        let checked = Checker.check(path: directory + "/../prime.lever")
        let policy = try #require(Compiler.compile(checked).0)
        let book = try BookLoader.load(path: directory + "/book.json", into: &sources, policy: PolicyNames(policy: policy))
        return (snapshot, try #require(book.value), market.diagnostics + book.diagnostics)
    }

    @Test func loadsWithoutDiagnostics() throws {
        let (market, book, diagnostics) = try Self.load()
        #expect(diagnostics.isEmpty)
        #expect(market.assets.count == 12)
        #expect(book.accounts.count >= 30)
    }

    @Test func coversEveryKindVenueAndTier() throws {
        let (market, book, _) = try Self.load()
        let positions = book.accounts.flatMap(\.positions)
        #expect(Set(positions.map(\.kind)) == Set(PositionKind.allCases))
        #expect(positions.contains { $0.kind == .spot && $0.quantity < 0 })
        #expect(positions.contains { $0.kind == .perpetual && $0.quantity < 0 })
        #expect(positions.contains { $0.kind == .perpetual && $0.quantity > 0 })
        let options = positions.compactMap { if case .option(let o) = $0 { o } else { nil } }
        #expect(Set(options.map(\.right)) == [.call, .put])
        let asOf = try #require(market.asOf)
        #expect(options.contains { $0.expiry < asOf })  // an expired option
        #expect(Set(positions.compactMap(\.venue)).isSuperset(of: ["Binance", "OKX", "Deribit", "Coinbase"]))
        #expect(positions.contains { $0.venue == nil }, "collateral in the client's own custody, on no venue")
        let scores = book.accounts.map(\.score)
        #expect(scores.min() == 0 && scores.max() == 1000)
        for boundary in [499.0, 500, 649, 650, 799, 800] { #expect(scores.contains(boundary)) }
        #expect(book.accounts.contains { $0.positions.isEmpty })
    }

    @Test func marketHasAStaleAndAMissingPrice() throws {
        let (market, _, _) = try Self.load()
        let asOf = try #require(market.asOf)
        #expect(market.assets.contains { $0.price == nil })
        let ages = market.assets.compactMap { $0.priceTime.map { asOf.secondsSinceEpoch - $0.secondsSinceEpoch } }
        #expect(ages.contains { $0 > 3600 })
        #expect(Set(market.assets.compactMap(\.classHint)) == ["stable", "major", "alt"])
        #expect(market.assets.contains { $0.utilization == 1 } && market.assets.contains { $0.utilization == 0 })
    }
}
