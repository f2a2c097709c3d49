import Lever
@testable import LeverBench
import Testing

/// Lever and the baseline agree on a generated book; a planted difference is found and named.
struct AgreementTests {
    static func results(_ count: Int) throws -> (Book, WorkloadResults, WorkloadResults) {
        let market = WorkloadMarket.snapshot
        let book = try #require(BookGenerator().book(accounts: count, market: market))
        let engine = try Fixtures.engine()
        let columns = engine.results(for: engine.programInputs(book: book, market: market))
        let lever = try #require(WorkloadResults(lever: columns, outputs: engine.policy.outputs))
        let baseline = WorkloadBaseline.evaluate(try #require(WorkloadLayout(book: book, market: market)))
        return (book, lever, baseline)
    }

    @Test func leverAndBaselineAgreeOnAGeneratedBook() throws {
        let (book, lever, baseline) = try Self.results(3000)
        #expect(Disagreement.find(lever: lever, baseline: baseline, ids: book.accounts.map(\.id)).isEmpty)
        #expect(Set(baseline.status).count == 3, "the book reaches every status")
        #expect(Set(baseline.tier).count == 4, "the book reaches every tier")
    }

    @Test func aPlantedDisagreementIsNamed() throws {
        let (book, leverResults, baselineResults) = try Self.results(50)
        var (lever, baseline) = (leverResults, baselineResults)
        lever.health[7] *= 1 + 1e-6
        baseline.tier[20] = (baseline.tier[20] + 1) % 4
        let found = Disagreement.find(lever: lever, baseline: baseline, ids: book.accounts.map(\.id))
        #expect(found.map(\.account) == ["acct-000008", "acct-000021"])
        #expect(found.map(\.field) == ["health", "tier"])
        #expect(found[1].message.hasPrefix("acct-000021 tier: lever "))
    }

    @Test func withinOnePartInABillionAgrees() throws {
        let (book, leverResults, baseline) = try Self.results(10)
        var lever = leverResults
        lever.collateral[3] *= 1 + 5e-10
        #expect(Disagreement.find(lever: lever, baseline: baseline, ids: book.accounts.map(\.id)).isEmpty)
    }

    @Test func aBenchmarkRunStopsAtADisagreement() throws {
        // A policy named like the workload whose credit lines differ: the baseline must notice.
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Rules/margin_workload.lever"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: "credit_line = 1M USD", with: "credit_line = 2M USD")
        let loaded = Lever.loadPolicy(source: changed, path: Fixtures.root.appendingPathComponent("Rules/changed.lever").path)
        let engine = try #require(loaded.engine)
        let book = try #require(BookGenerator().book(accounts: 200, market: WorkloadMarket.snapshot))
        let report = Benchmark.run(engine: engine, book: book, market: WorkloadMarket.snapshot,
                                   sources: BenchSources(book: "generated", market: "built in"),
                                   options: BenchOptions(warmups: 0, repeats: 1))
        #expect(report.hasFindings)
        #expect(report.runs.isEmpty)
        guard case .disagrees(let found) = report.baseline else { Issue.record("no disagreement"); return }
        #expect(found.first?.field == "health")
    }
}
