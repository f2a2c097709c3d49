import Lever
@testable import LeverBench
import Testing

/// The generated book is deterministic and has the workload's documented shape.
struct BookGeneratorTests {
    static let market = WorkloadMarket.snapshot

    @Test func sameSeedSameAccounts() throws {
        let a = try #require(BookGenerator().book(accounts: 300, market: Self.market))
        let b = try #require(BookGenerator().book(accounts: 300, market: Self.market))
        let other = try #require(BookGenerator(seed: 7).book(accounts: 300, market: Self.market))
        #expect(a == b)
        #expect(a != other)
        #expect(a.accounts.first?.id == "acct-000001")
        #expect(a.accounts.last?.id == "acct-000300")
    }

    /// A fixed seed's first account, pinned: a change to the generator shows here first.
    @Test func firstAccountIsPinned() throws {
        let book = try #require(BookGenerator().book(accounts: 1, market: Self.market))
        let first = try #require(book.accounts.first)
        #expect(first.score == 720)
        guard case .spot(let spot) = first.positions.first else { Issue.record("not spot"); return }
        #expect(spot.asset == "ETH")
        #expect(spot.quantity == 501.88859121583056)
    }

    @Test func hasTheWorkloadShape() throws {
        let book = try #require(BookGenerator().book(accounts: 2000, market: Self.market))
        for account in book.accounts {
            #expect(account.score >= 350 && account.score <= 900 && account.score == account.score.rounded())
            let spots = account.positions.compactMap { p -> Position.Spot? in
                if case .spot(let s) = p { return s }
                return nil
            }
            #expect(spots.count == 10)
            #expect(Set(spots.map(\.asset)).count == 10)
            let longs = spots.prefix(8).map { $0.quantity * (Self.market[$0.asset]?.price ?? .nan) }
            #expect(longs.allSatisfy { $0 >= 1e3 * (1 - 1e-12) && $0 <= 2e7 * (1 + 1e-12) })
            let debt = spots.suffix(2).map { -$0.quantity * (Self.market[$0.asset]?.price ?? .nan) }
            #expect(debt.allSatisfy { $0 > 0 })
            let share = debt.reduce(0, +) / longs.reduce(0, +)
            #expect(share >= 0.15 - 1e-12 && share <= 0.80 + 1e-12)
        }
        let scores = book.accounts.map(\.score)
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(abs(mean - 625) < 10)
    }

    @Test func tooSmallAMarketGivesNoBook() {
        let small = MarketSnapshot(asOf: nil, assets: Array(Self.market.assets.prefix(9)))
        #expect(BookGenerator().book(accounts: 1, market: small) == nil)
    }
}
