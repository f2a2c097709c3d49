import Lever
@testable import LeverBench
import Testing

/// The price tick: who is re-evaluated, what moves, and that both sides still agree after it.
struct PriceTickTests {
    static let market = WorkloadMarket.snapshot

    @Test func movesOnlyThatAssetsPrice() {
        let ticked = PriceTick(asset: "ETH", move: 0.01).apply(to: Self.market)
        for (before, after) in zip(Self.market.assets, ticked.assets) {
            #expect(after.price == (before.symbol == "ETH" ? before.price.map { $0 * 1.01 } : before.price))
        }
    }

    @Test func holdersAreTheAccountsHoldingIt() throws {
        let book = try #require(BookGenerator().book(accounts: 400, market: Self.market))
        let holders = PriceTick(asset: "BTC").holders(in: book)
        #expect(!holders.accounts.isEmpty && holders.accounts.count < book.accounts.count)
        #expect(holders.accounts.allSatisfy { $0.positions.contains { $0.asset == "BTC" } })
        let others = book.accounts.filter { !$0.positions.contains { $0.asset == "BTC" } }
        #expect(holders.accounts.count + others.count == book.accounts.count)
    }

    @Test func aTickIsTimedAndChecked() throws {
        let book = try #require(BookGenerator().book(accounts: 300, market: Self.market))
        let report = Benchmark.run(engine: try Fixtures.engine(), book: book, market: Self.market,
                                   sources: BenchSources(book: "generated", market: "built in"),
                                   options: BenchOptions(warmups: 0, repeats: 2, threads: [1, 2], tick: PriceTick(asset: "SOL")))
        let tick = try #require(report.tick)
        #expect(tick.holders == PriceTick(asset: "SOL").holders(in: book).accounts.count)
        #expect(tick.baseline == .agrees(accounts: tick.holders))
        #expect(tick.runs.map(\.threads) == [1, 2])
        #expect(tick.runs.allSatisfy { $0.lever.samples.count == 2 && $0.baseline?.samples.count == 2 })
        #expect(!report.hasFindings)
    }

    @Test func problemsAreNamed() throws {
        let policy = try Fixtures.engine().policy
        #expect(PriceTick(asset: "BTC").problem(policy: policy, market: Self.market) == nil)
        #expect(PriceTick(asset: "NOPE").problem(policy: policy, market: Self.market) != nil)
    }
}
