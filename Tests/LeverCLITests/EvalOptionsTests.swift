import Foundation
import LeverTestSupport
import Testing

/// `lever eval` options that golden files cannot show: colour on a terminal, and usage checks.
@Suite struct EvalOptionsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let sample = ["eval", "Rules/prime.lever", "--book", "Rules/sample/book.json", "--market", "Rules/sample/market.json"]
    static let escape = "\u{1B}["

    @Test func coloursStatusesOnATerminal() {
        let run = runCommand(Self.sample + ["--fields", "status"], in: Self.root, isTerminal: true)
        #expect(run.stdout.contains(Self.escape + "32mhealthy"))
        #expect(run.stdout.contains(Self.escape + "31mliquidatable"))
    }

    @Test func noColourWithNoColorOrWhenPiped() {
        let noColor = runCommand(Self.sample, in: Self.root, environment: ["NO_COLOR": "1"], isTerminal: true)
        let piped = runCommand(Self.sample, in: Self.root)
        #expect(!noColor.stdout.contains(Self.escape))
        #expect(!piped.stdout.contains(Self.escape))
        #expect(noColor.stdout == piped.stdout)
    }

    @Test func colorAlwaysForcesIt() {
        let run = runCommand(Self.sample + ["--color", "always", "--fields", "status"], in: Self.root)
        #expect(run.stdout.contains(Self.escape + "33mmargin_call"))
    }

    @Test(arguments: [["--threads", "0"], ["--fields", ","], ["--format", "xml"], ["--horizon", "1 USD"]])
    func usageErrorsExitTwo(_ extra: [String]) {
        let run = runCommand(Self.sample + extra, in: Self.root)
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
    }

    @Test func oneAccountByID() {
        let run = runCommand(Self.sample + ["--account", "lev-xenon", "--fields", "status"], in: Self.root)
        // lev-xenon runs 206,260× leverage against its jurisdiction's cap of 5: a finding (exit
        // 1), with the report still written.
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("lev-xenon  liquidatable"))
        #expect(run.stdout.contains("lev-xenon: broken: every account: leverage <= leverage_limit.max_leverage (prime.lever:249)"))
        #expect(!run.stdout.contains("fund-aurora"))
        let clean = runCommand(Self.sample + ["--account", "fund-aurora", "--fields", "status"], in: Self.root)
        #expect(clean.exitCode == 0)
    }
}
