import Lever
@testable import LeverBench
import Testing

/// The hand-written baseline reproduces the workload's Python reference on its own files.
struct WorkloadBaselineTests {
    @Test(arguments: ["edge_cases", "accounts_10000"])
    func reproducesTheReference(_ name: String) throws {
        let market = try Fixtures.market()
        let book = try Fixtures.book(name + ".json", market: market)
        let layout = try #require(WorkloadLayout(book: book, market: market))
        let want = try Fixtures.expected(name + ".expected.json")
        for threads in [1, 2] {
            let got = WorkloadBaseline.evaluate(layout, threads: threads)
            let found = Disagreement.find(lever: got, baseline: want, ids: book.accounts.map(\.id))
            #expect(found.isEmpty, "\(found.map(\.message))")
            #expect(got.count == want.count)
        }
    }

    @Test func infiniteHealthWithoutDebt() throws {
        let market = WorkloadMarket.snapshot
        let book = Book(accounts: [
            Account(id: "long-only", score: 700, positions: [.spot(.init(asset: "BTC", quantity: 1))]),
            Account(id: "empty", score: 400, positions: []),
        ])
        let got = WorkloadBaseline.evaluate(try #require(WorkloadLayout(book: book, market: market)))
        #expect(got.health == [.infinity, .infinity])
        #expect(got.text("health", at: 1) == "null")
        #expect(got.status == [0, 0])
        #expect(got.tier == [1, 3])
    }

    @Test func noLayoutOutsideTheWorkload() {
        let perp = Book(accounts: [Account(id: "p", score: 700, positions: [
            .perpetual(.init(asset: "BTC", size: 1, entryPrice: 1, venue: "X")),
        ])])
        let foreign = Book(accounts: [Account(id: "f", score: 700, positions: [.spot(.init(asset: "NOPE", quantity: 1))])])
        #expect(WorkloadLayout(book: perp, market: WorkloadMarket.snapshot) == nil)
        #expect(WorkloadLayout(book: foreign, market: WorkloadMarket.snapshot) == nil)
    }

    @Test func builtInMarketMatchesTheWorkloadFile() throws {
        let file = try Fixtures.market()
        #expect(file.assets.map(\.symbol) == WorkloadMarket.snapshot.assets.map(\.symbol))
        #expect(file.assets == WorkloadMarket.snapshot.assets)
    }
}
