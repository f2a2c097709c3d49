import LeverBench
import LeverTestSupport
import Testing

/// The report renders the same bytes for the same measurements (goldens with fixed timings).
struct BenchReportTests {
    static let agreed = BenchReport.Run(threads: 1, lever: Timing(samples: [9e6, 8e6, 10e6], accounts: 50_000),
                                        baseline: Timing(samples: [1.7e6, 1.6e6, 1.8e6], accounts: 50_000))
    static let twoThreads = BenchReport.Run(threads: 2, lever: Timing(samples: [5e6, 4.5e6, 6e6], accounts: 50_000),
                                            baseline: Timing(samples: [0.9e6, 0.85e6, 1e6], accounts: 50_000))

    static func report(_ baseline: BenchReport.Baseline, runs: [BenchReport.Run], optimized: Bool = true) -> BenchReport {
        BenchReport(policy: "Margin workload 2026.11", book: "generated, seed 20250101", accounts: 50_000,
                    positions: 500_000, market: "the workload's market, built in", assets: 20, optimized: optimized,
                    warmups: 1, repeats: 3, baseline: baseline, runs: runs)
    }

    static let cases: [(String, BenchReport)] = [
        ("agrees", {
            var r = report(.agrees(accounts: 50_000), runs: [agreed, twoThreads])
            r.adaptation = Timing(samples: [30e6, 28e6, 32e6], accounts: 50_000)
            r.repricing = Timing(samples: [10e3, 9e3, 12e3], accounts: 50_000)
            return r
        }()),
        ("no-baseline", report(.none("no baseline for this policy"),
                                runs: [BenchReport.Run(threads: 1, lever: agreed.lever, baseline: nil)])),
        ("disagrees", report(.disagrees([Disagreement(account: "acct-000008", index: 7, field: "health",
                                                      lever: "1.0500001", baseline: "1.05")]), runs: [])),
        ("debug", report(.agrees(accounts: 50_000), runs: [agreed], optimized: false)),
        ("tick", {
            var r = report(.agrees(accounts: 50_000), runs: [agreed])
            r.tick = BenchReport.Tick(tick: PriceTick(asset: "BTC"), holders: 25_000, baseline: .agrees(accounts: 25_000),
                                      runs: [BenchReport.Run(threads: 1, lever: Timing(samples: [4e6, 5e6], accounts: 25_000),
                                                             baseline: Timing(samples: [0.8e6, 0.9e6], accounts: 25_000))])
            return r
        }()),
        ("not-evaluated", {
            var r = report(.none("not checked: 20 accounts not evaluated"), runs: [])
            r.notEvaluated = 20
            r.firstNote = "acct-000001: asset DOT is not declared in the policy"
            r.repeats = 1
            return r
        }()),
        ("tick-no-holders", {
            var r = report(.agrees(accounts: 50_000), runs: [agreed])
            r.tick = BenchReport.Tick(tick: PriceTick(asset: "OP"), holders: 0, baseline: .none("no account holds OP"), runs: [])
            return r
        }()),
    ]

    @Test(arguments: cases.map(\.0))
    func rendersTheTable(_ name: String) throws {
        let report = try #require(Self.cases.first { $0.0 == name }?.1)
        assertGolden(actual: report.table, path: goldenPath("report/\(name).txt"))
        assertGolden(actual: report.json, path: goldenPath("report/\(name).json"))
    }

    @Test func timingStatistics() {
        let t = Timing(samples: [4, 1, 3, 2], accounts: 2)
        #expect(t.median == 2.5)
        #expect(t.minimum == 1)
        #expect(t.medianPerAccount == 1.25)
        #expect(t.accountsPerSecond == 2 / 2.5 * 1e9)
        #expect(Self.agreed.ratio == 9e6 / 1.7e6)
    }

    /// An account not evaluated makes the run fail and says why; nothing is timed.
    @Test func anAccountNotEvaluatedIsAFinding() throws {
        let report = try #require(Self.cases.first { $0.0 == "not-evaluated" }?.1)
        #expect(report.hasFindings)
        #expect(report.table.contains("20 of 50,000 accounts not evaluated (input errors); nothing was timed"))
        #expect(report.table.contains("acct-000001: asset DOT is not declared in the policy"))
        #expect(!report.table.contains("Lever is timed alone"))
    }

    /// A tick no account holds times nothing: a figure per account over no accounts means nothing.
    @Test func aTickNobodyHoldsIsNotTimed() throws {
        let report = try #require(Self.cases.first { $0.0 == "tick-no-holders" }?.1)
        #expect(report.table.contains("tick:      no account holds OP; tick not timed"))
        #expect(!report.table.contains("  tick:       the same regions"))
        #expect(Timing(samples: [5], accounts: 0).medianPerAccount.isNaN)
    }

    /// One repetition is not "1 timed repetitions".
    @Test func countsAgreeWithTheirNouns() throws {
        let one = try #require(Self.cases.first { $0.0 == "not-evaluated" }?.1)
        #expect(one.table.contains("runs:      1 warm-up, then 1 timed repetition per engine"))
        #expect(Self.cases[0].1.table.contains("then 3 timed repetitions per engine"))
    }

    /// The adaptation is its own line and its own region, apart from the ratio.
    @Test func theAdaptationIsReportedApart() {
        let table = Self.cases[0].1.table
        #expect(table.contains("adaptation: 600.0 ns/account median, 560.0 min"))
        #expect(table.contains("  adaptation: MarginEngine.programInputs"))
        #expect(table.contains("repricing:  0.2 ns/account median, 0.2 min"))   // 10 µs over 50,000 accounts
        #expect(table.contains("  repricing:  MarginEngine.repriced"))
        #expect(table.contains("a precomputed position side column and options' years to expiry"))
    }

    @Test func onlyADisagreementOrAnAccountNotEvaluatedIsAFinding() {
        #expect(Self.cases.map { $0.1.hasFindings } == [false, false, true, false, false, true, false])
        var tickDisagrees = Self.cases[0].1
        tickDisagrees.tick = BenchReport.Tick(tick: PriceTick(asset: "BTC"), holders: 1, baseline: .disagrees([]), runs: [])
        #expect(tickDisagrees.hasFindings)
    }
}
