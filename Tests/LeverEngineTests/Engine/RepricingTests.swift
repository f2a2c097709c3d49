import Foundation
import Testing
import LeverTestSupport
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// `MarginEngine.repriced`: re-margining the same book after a price move, reusing its layout,
/// gives exactly the report a fresh evaluation gives, through price moves, stale and missing
/// prices appearing and disappearing, and options (which force a fresh layout).
@Suite struct RepricingTests {
    /// The report of `book` under each market in turn, through `repriced`, against fresh evaluations.
    func expectSameAsFresh(_ engine: MarginEngine, _ book: Book, _ markets: [MarketSnapshot]) {
        var inputs = engine.programInputs(book: book, market: markets[0])
        for (step, market) in markets.enumerated() {
            if step > 0 { inputs = engine.repriced(inputs, book: book, market: market) }
            let reused = engine.evaluate(inputs, book: book, market: market)
            let fresh = engine.evaluate(book: book, market: market)
            #expect(reused.accounts == fresh.accounts, "market \(step)")
            #expect(reused.marketIssues == fresh.marketIssues, "market \(step)")
        }
    }

    static func moved(_ market: MarketSnapshot, _ asset: String, by factor: Double) -> MarketSnapshot {
        var m = market
        if let i = m.index(of: asset) { m.assets[i].price = m.assets[i].price.map { $0 * factor } }
        return m
    }

    @Test func priceTicksOnTheWorkloadBook() throws {
        let engine = try WorkloadAgreementTests.engine()
        let (book, market) = try WorkloadAgreementTests.load("accounts_10000.json")
        let ticks = [market, Self.moved(market, "BTC", by: 1.05), Self.moved(market, "ETH", by: 0.7),
                     Self.moved(Self.moved(market, "PEPE", by: 3), "USDC", by: 0.98)]
        expectSameAsFresh(engine, book, ticks)
        // The point of repricing: the book's columns are the same object, not laid out again.
        let first = engine.programInputs(book: book, market: market)
        #expect(engine.repriced(first, book: book, market: ticks[1]).book === first.book)
    }

    /// With `stale_price = reject`, a price going stale changes which accounts are laid out:
    /// the book is laid out again, and the reports still agree.
    @Test func aRejectedPriceLaysTheBookOutAgain() throws {
        let checked = Checker.check(source: HandWorkedLending.policy + "\noracle {\n  max_price_age = 1 h\n  stale_price = reject\n}\n",
                                    path: "reject.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "r", version: "", hash: ""), horizon: 1.0 / 365)
        let market = try #require(MarketLoader.load(SourceFile(id: 0, path: "m.json", text: HandWorkedLending.market)).value)
        let book = Book(accounts: [
            Account(id: "eth", score: 700, positions: [.spot(.init(asset: "ETH", quantity: 1)), .spot(.init(asset: "USDC", quantity: -1000))]),
            Account(id: "usdc", score: 700, positions: [.spot(.init(asset: "USDC", quantity: 5000))]),
        ])
        var stale = market
        if let i = stale.index(of: "ETH") { stale.assets[i].priceTime = Timestamp(secondsSinceEpoch: (market.asOf?.secondsSinceEpoch ?? 0) - 7200) }
        let first = engine.programInputs(book: book, market: market)
        #expect(engine.repriced(first, book: book, market: stale).book !== first.book)
        expectSameAsFresh(engine, book, [market, stale, market])
        #expect(engine.evaluate(book: book, market: stale).accounts.map(\.evaluated) == [false, true])
    }

    /// The prime sample: a stale DOGE price that turns fresh, BTC's price going missing, and the
    /// options on the book (which make `repriced` lay the book out again).
    @Test func staleAndMissingPricesOnThePrimeSample() throws {
        let root = WorkloadAgreementTests.root
        let compiled = try #require(Compiler.compile(Checker.check(path: root.appendingPathComponent("Rules/prime.lever").path)).0)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "p", version: "", hash: ""), horizon: 1.0 / 365)
        var sources = SourceMap()
        let market = try #require(try MarketLoader.load(path: root.appendingPathComponent("Rules/sample/market.json").path, into: &sources).value)
        let book = try #require(try BookLoader.load(path: root.appendingPathComponent("Rules/sample/book.json").path,
                                                   into: &sources, market: market).value)
        var fresh = market
        if let i = fresh.index(of: "DOGE") { fresh.assets[i].priceTime = market.asOf }
        var missing = fresh
        if let i = missing.index(of: "BTC") { missing.assets[i].price = nil }
        let spotOnly = Book(accounts: book.accounts.filter { !$0.positions.contains { if case .option = $0 { true } else { false } } })
        expectSameAsFresh(engine, book, [market, fresh, missing, market])
        expectSameAsFresh(engine, spotOnly, [market, fresh, missing, Self.moved(market, "ETH", by: 0.5), market])
    }
}
