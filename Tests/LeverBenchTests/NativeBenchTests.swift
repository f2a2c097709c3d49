import Lever
@testable import LeverBench
import LeverTestSupport
import Testing

/// `lever bench` times the native backend only after its results are the closure engine's, bit
/// for bit, on the whole book and on a tick's holders: the workload (spot balances of every
/// class) and the derivatives desk (perpetuals and options valued in seventeen scenarios).
struct NativeBenchTests {
    @Test func theWorkloadAndItsTickGiveTheClosureEnginesBits() throws {
        let market = WorkloadMarket.snapshot
        let book = try #require(BookGenerator().book(accounts: 20_000, market: market))
        let report = Benchmark.run(engine: try Fixtures.engine(), book: book, market: market,
                                   sources: BenchSources(book: "generated", market: "built in"),
                                   options: BenchOptions(warmups: 0, repeats: 1, tick: PriceTick(asset: "BTC"), native: true))
        guard case .identical(let accounts, _) = report.native else { Issue.record("\(report.native)"); return }
        #expect(accounts == 20_000)
        guard case .identical(let holders, _) = report.tick?.native else { Issue.record("\(String(describing: report.tick?.native))"); return }
        #expect(holders > 5_000)
        #expect(report.runs.allSatisfy { $0.native != nil && $0.nativeRatio != nil })
        #expect(report.table.contains("native ratio"))
        #expect(!report.hasFindings)
    }

    @Test func thePortfolioPolicyGivesTheClosureEnginesBits() throws {
        let market = PortfolioMarket.snapshot
        let book = try #require(PortfolioBookGenerator().book(accounts: 2_000, market: market))
        let report = Benchmark.run(engine: try Fixtures.engine("Rules/portfolio_margin.lever"), book: book, market: market,
                                   sources: BenchSources(book: "generated", market: "built in"),
                                   options: BenchOptions(warmups: 0, repeats: 1, native: true))
        guard case .identical = report.native else { Issue.record("\(report.native)"); return }
        #expect(!report.hasFindings)
    }

    /// Without a compiler the closure engine is timed alone, and the report says why.
    @Test func noCompilerIsSaidAndNothingFails() throws {
        let refusal = NativeRefusal("no C compiler found")
        var report = BenchReport(policy: "p", book: "b", accounts: 1, positions: 1, market: "m", assets: 1, optimized: true,
                                 warmups: 0, repeats: 1, baseline: .none("no baseline for this policy"), runs: [])
        report.native = .unavailable(refusal.description)
        #expect(report.table.contains("native:    unavailable (no C compiler found); the closure engine is timed alone"))
        #expect(!report.hasFindings)
        report.native = .differs("health of acct-1")
        #expect(report.hasFindings)
    }
}
