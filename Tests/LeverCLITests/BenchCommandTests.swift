import Foundation
import Lever
import LeverTestSupport
import Testing

/// `lever bench`: a small run of each kind (timings vary, so only the structure is compared).
@Suite struct BenchCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = "Tests/LeverEngineTests/Fixtures/margin/"
    static let small = ["--accounts", "200", "--repeat", "1"]

    @Test func timesTheWorkloadAgainstTheBaseline() {
        let run = runCommand(["bench"] + Self.small + ["--threads", "1,2"], in: Self.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("lever bench: Margin workload 2026.11\nengine:    \(EngineVersion.number)\n"))
        #expect(run.stdout.contains("agrees with Lever on all 200 accounts"))
        for row in ["1  lever", "1  baseline", "1  ratio", "2  lever", "2  baseline", "2  ratio"] {
            #expect(run.stdout.contains(row), "missing row \(row)")
        }
        #expect(run.stdout.contains("timed region:"))
    }

    @Test func readsTheWorkloadFiles() throws {
        let run = runCommand(["bench", "--market", Self.fixtures + "market.json", "--book", Self.fixtures + "edge_cases.json",
                              "--repeat", "1", "--format", "json"], in: Self.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let baseline = try #require(json["baseline"] as? [String: Any])
        #expect(baseline["status"] as? String == "agrees")
        #expect((json["book"] as? [String: Any])?["accounts"] as? Int == 13)
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 1 && runs[0]["ratio_median"] is Double)
    }

    /// `--exact wad`: the same policy in fixed point, timed against binary64 and compared.
    @Test func timesTheExactModel() throws {
        let run = runCommand(["bench"] + Self.small + ["--exact", "wad", "--format", "json"], in: Self.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let exact = try #require(json["exact"] as? [String: Any])
        #expect(exact["numbers"] as? String == "wad")
        #expect(exact["mismatches"] as? Int == 0)
        #expect(try #require(exact["largest_relative_difference"] as? Double) <= 1e-9)
        #expect(exact["ratio"] is Double)
        let table = runCommand(["bench"] + Self.small + ["--exact", "wad"], in: Self.root)
        #expect(table.stdout.contains("exact arithmetic (wad): "), "\(table.stdout)")
        #expect(runCommand(["bench"] + Self.small + ["--exact", "float"], in: Self.root).exitCode == 2)
    }

    /// The engine that ran, as the console gives it, in both forms.
    @Test func namesTheEngine() throws {
        let table = runCommand(["bench"] + Self.small, in: Self.root, engineVersion: "9.9.9 (abc1234)")
        #expect(table.stdout.contains("\nengine:    9.9.9 (abc1234)\n"), "\(table.stdout)")
        let run = runCommand(["bench"] + Self.small + ["--format", "json"], in: Self.root, engineVersion: "9.9.9 (abc1234)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["engine"] as? String == "9.9.9 (abc1234)")
    }

    /// The workload's rules under another name: every account evaluates, but no baseline applies.
    @Test func anotherPolicyIsTimedAlone() throws {
        let workload = try String(contentsOfFile: Self.root + "/Rules/margin_workload.lever", encoding: .utf8)
        let renamed = workload.replacingOccurrences(of: "policy \"Margin workload\"", with: "policy \"Renamed workload\"")
        #expect(renamed != workload)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-renamed-\(getpid()).lever").path
        try renamed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runCommand(["bench", path] + Self.small, in: Self.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no baseline for this policy"))
        #expect(run.stdout.contains("1  lever") && !run.stdout.contains("1  ratio"))
        #expect(!run.stdout.contains("baseline:  hand-written"))
    }

    @Test func theAdaptationIsTimedApart() {
        let run = runCommand(["bench"] + Self.small, in: Self.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("adaptation: ") && run.stdout.contains("ns/account median"))
        #expect(run.stdout.contains("runs:      1 warm-up, then 1 timed repetition per engine"))
    }

    @Test(arguments: [["--threads", "0"], ["--threads", "1,x"], ["--repeat", "0"], ["--accounts", "0"], ["--format", "xml"]])
    func usageErrorsExitTwo(_ extra: [String]) {
        let run = runCommand(["bench"] + extra, in: Self.root)
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
    }

    @Test func unreadableFilesExitTwo() {
        let run = runCommand(["bench", "--book", "no/such/book.json"], in: Self.root)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("no/such/book.json"))
    }
}

/// `lever bench --tick`: the holders of one asset timed again after its price moves.
@Suite struct BenchTickCommandTests {
    @Test func timesATick() {
        let run = runCommand(["bench", "--accounts", "200", "--repeat", "1", "--tick", "ETH"], in: BenchCommandTests.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tick:      ETH price +1%; the "))
        #expect(run.stdout.contains("  tick:       the same regions over the holders only"))
    }

    @Test func aTickNoAccountHoldsIsNotTimed() {
        let run = runCommand(["bench", "--market", BenchCommandTests.fixtures + "market.json", "--book",
                              BenchCommandTests.fixtures + "edge_cases.json", "--repeat", "1", "--tick", "OP"],
                             in: BenchCommandTests.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tick:      no account holds OP; tick not timed"))
        #expect(!run.stdout.contains("  tick:       the same regions"))
    }

    @Test func anUnknownAssetIsAUsageError() {
        let run = runCommand(["bench", "--accounts", "20", "--tick", "NOPE"], in: BenchCommandTests.root)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("--tick NOPE"))
        #expect(run.stdout.isEmpty)
    }
}

/// `lever bench` input checks that need no timing.
@Suite struct BenchInputCommandTests {
    @Test func accountsOnlyForAGeneratedBook() {
        let run = runCommand(["bench", "--accounts", "5", "--book", BenchCommandTests.fixtures + "edge_cases.json"],
                             in: BenchCommandTests.root)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("--accounts is for a generated book"))
    }

    /// Accounts laid out with no positions would cost almost nothing: the run says how many and
    /// why, times nothing and fails.
    @Test(arguments: ["Rules/lending.lever", "Rules/prime.lever"])
    func accountsTheEngineCannotEvaluateAreNotTimed(_ policy: String) {
        let run = runCommand(["bench", policy, "--accounts", "20", "--repeat", "1"], in: BenchCommandTests.root)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("of 20 accounts not evaluated (input errors); nothing was timed"), "\(run.stdout)")
        #expect(run.stdout.contains("  first: acct-0000"))
        #expect(run.stdout.contains("is not declared in the policy"))
        #expect(!run.stdout.contains("ratio") && !run.stdout.contains("median ns/account"))
    }
}
