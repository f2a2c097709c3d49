import Testing
import LeverTestSupport
@testable import LeverREPL

/// A scripted session over the sample policy, market and book, compared as a golden transcript.
@Suite struct SessionTranscriptTests {
    static let script = [
        ":help",
        "z",
        "2 * 500k USD",
        "5%",
        "house_rate(85%)",
        ":type z * vol * sqrt(major_horizon)",
        ":type sum(notional)",
        ":type z * vol",
        "tier",
        "z + 1 USD",
        "undefined_name * 2",
        "param cushion = 3%",
        "cushion * 2",
        "curve steep(utilization) = kinked(",
        "  base: 1%, slope1: 5%, kink: 75%,",
        "  slope2: 120%)",
        ":plot steep",
        ":plot stress_rate(x) * 2",
        ":plot 100 bps + steep(utilization) / 2",
        "?:sh",
        "?house_",
        ":eval",
        ":market Rules/sample/market.json",
        ":book Rules/sample/book.json",
        "?:account fund-a",
        "?tier.cred",
        "?BTC.pr",
        ":eval fund-aurora",
        "BTC.price",
        "USDC.utilization",
        ":set BTC.price = 50000",
        "BTC.price * 2",
        ":eval fund-aurora",
        ":shock crash",
        "BTC.price",
        "BTC.vol",
        ":reset",
        "BTC.price",
        ":explain fund-aurora.borrowing_power",
        "tier",
        "haircut",
        ":explain z * sqrt(stable_horizon)",
        ":explain haircut",
        ":account fund-x",
        ":account fund-aurora",
        "tier",
        "collateral / debt",
        "health > 1",
        "haircut * 2",
        ":explain tier.credit_line * 2",
        ":account",
        ":remedy trader-quartz",
        ":remedy fund-aurora",
        ":remedy trader-quarz",
        ":shock nothing",
        ":reload",
        ":frobnicate",
        ":quit",
        "z",
    ]

    @Test func sampleSession() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        let transcript = TranscriptRunner(session: session).run(Self.script)
        assertGolden(actual: transcript, path: goldenPath("repl/session.transcript"))
    }

    @Test func sessionWithoutPolicyEvaluatesConstants() {
        let session = ReplSession(policyPath: nil)
        #expect(session.handle(.input("1 + 2")) == .output("3\n"))
        #expect(session.handle(.input(":eval")) == .diagnostics("error: no market loaded; use :market FILE\n"))
        #expect(session.failed)
    }
}
