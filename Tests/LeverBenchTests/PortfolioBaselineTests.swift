import Foundation
import Lever
@testable import LeverBench
import Testing

/// `Rules/portfolio_margin.lever` by hand: the baseline agrees with the compiled policy on a
/// generated desk book and on the policy's golden cases, declines data it was not written for,
/// and a planted difference is found.
struct PortfolioBaselineTests {
    static func results(_ book: Book, _ market: MarketSnapshot) throws -> (PortfolioResults, PortfolioResults?) {
        let engine = try Fixtures.engine("Rules/portfolio_margin.lever")
        let columns = engine.results(for: engine.programInputs(book: book, market: market))
        let lever = try #require(PortfolioResults(lever: columns, outputs: engine.policy.outputs, flags: engine.policy.flags))
        return (lever, PortfolioLayout(book: book, market: market).map { PortfolioBaseline.evaluate($0) })
    }

    static func golden(_ name: String) throws -> (Book, MarketSnapshot) {
        let dir = Fixtures.root.appendingPathComponent("Tests/Golden/portfolio_margin/\(name)")
        var sources = SourceMap()
        let market = try #require(try MarketLoader.load(path: dir.appendingPathComponent("market.json").path, into: &sources).value)
        let book = try #require(try BookLoader.load(path: dir.appendingPathComponent("book.json").path, into: &sources,
                                                    market: market).value)
        return (book, market)
    }

    @Test func leverAndBaselineAgreeOnAGeneratedDeskBook() throws {
        let market = PortfolioMarket.snapshot
        let book = try #require(PortfolioBookGenerator().book(accounts: 3000, market: market))
        let (lever, baseline) = try Self.results(book, market)
        let hand = try #require(baseline)
        #expect(Disagreement.find(lever: lever, baseline: hand, ids: book.accounts.map(\.id)).isEmpty)
        // The book reaches what the policy distinguishes: every status, concentration and slow
        // exits, short options on both underlyings, both scenario families as the worst.
        #expect(Set(hand.status).count == 3, "statuses: \(Set(hand.status))")
        for bit in [3, 4, 6, 7] { #expect(hand.flags.contains { $0 & (1 << UInt8(bit)) != 0 }, "flag bit \(bit)") }
        let worst = Set(hand.worstScenario.map { PortfolioResults.scenarios[Int($0)] })
        #expect(worst.contains { $0.hasPrefix("scan") } && worst.contains { $0.hasPrefix("extreme") }, "\(worst)")
    }

    @Test func theBaselineReproducesTheGoldenCases() throws {
        for name in ["delta-hedged", "naked-short-call"] {
            let (book, market) = try Self.golden(name)
            let (lever, baseline) = try Self.results(book, market)
            let hand = try #require(baseline, "\(name): the layout declined clean data")
            #expect(Disagreement.find(lever: lever, baseline: hand, ids: book.accounts.map(\.id)).isEmpty, "\(name)")
        }
    }

    @Test func dataTheBaselineWasNotWrittenForIsDeclined() throws {
        // A stale ETH price (the oracle rule zeroes it) and a 3-day-old volume: Lever is timed alone.
        for name in ["concentrated-stale", "stale-volume"] {
            let (book, market) = try Self.golden(name)
            #expect(PortfolioLayout(book: book, market: market) == nil, "\(name)")
        }
        var market = PortfolioMarket.snapshot
        market.assets.removeAll { $0.symbol == "USDC" }
        #expect(PortfolioLayout(book: Book(accounts: []), market: market) == nil)
    }

    @Test func aPlantedDisagreementIsNamed() throws {
        let market = PortfolioMarket.snapshot
        let book = try #require(PortfolioBookGenerator().book(accounts: 40, market: market))
        let (lever, baseline) = try Self.results(book, market)
        var hand = try #require(baseline)
        hand.numbers["days_to_exit"]![5] *= 1 + 1e-6
        hand.flags[9] ^= 1 << 6
        let found = Disagreement.find(lever: lever, baseline: hand, ids: book.accounts.map(\.id))
        #expect(found.map(\.field) == ["days_to_exit", "flags"])
        #expect(found.map(\.account) == ["acct-000006", "acct-000010"])
    }

    @Test func theGeneratorIsDeterministic() throws {
        let market = PortfolioMarket.snapshot
        let a = try #require(PortfolioBookGenerator(seed: 7).book(accounts: 200, market: market))
        let b = try #require(PortfolioBookGenerator(seed: 7).book(accounts: 200, market: market))
        #expect(a == b)
        let kinds = Set(a.accounts.flatMap { $0.positions.map(\.kind) })
        #expect(kinds == [.spot, .perpetual, .option])
    }

    @Test func theBenchmarkTimesBothAndReportsTheRatio() throws {
        let engine = try Fixtures.engine("Rules/portfolio_margin.lever")
        let market = PortfolioMarket.snapshot
        let book = try #require(PortfolioBookGenerator().book(accounts: 100, market: market))
        let report = Benchmark.run(engine: engine, book: book, market: market,
                                   sources: BenchSources(book: "generated", market: "built in"),
                                   options: BenchOptions(warmups: 0, repeats: 1))
        #expect(report.baseline == .agrees(accounts: 100))
        #expect(report.baselineKind == .portfolio)
        #expect(report.runs.first?.ratio != nil)
        #expect(report.table.contains("(PortfolioLayout)"))
    }
}
