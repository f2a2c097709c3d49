import Testing
@testable import LeverEngine

/// A remedy as text: amounts rounded up, so the amount shown is always enough.
@Suite struct RemedyTextTests {
    /// Amounts are shown rounded up, so the amount shown is always enough.
    @Test func shownAmountsAreRoundedUp() {
        #expect(ReportRenderer.roundedUp(44.44444444961846) == "44.4445")
        #expect(ReportRenderer.roundedUp(0.03125) == "0.03125")
        #expect(ReportRenderer.roundedUp(237_349.9712) == "237,350")
        #expect(ReportRenderer.roundedUp(36_958_555_901.2) == "36,958,555,902")
        #expect(ReportRenderer.roundedUp(1.000001) == "1.00001")
        #expect(ReportRenderer.roundedUp(2) == "2")
    }

    @Test func hugeAndTinyAmountsAreWrittenExactly() {
        #expect(ReportRenderer.roundedUp(1.2195121953263879e300) == "1.2195121953263879e+300")
        #expect(ReportRenderer.roundedUp(4.4e20) == "4.4e+20")
        #expect(ReportRenderer.roundedUp(3e-310) == "3e-310")
        #expect(ReportRenderer.ordinal(1) == "1st" && ReportRenderer.ordinal(12) == "12th" && ReportRenderer.ordinal(23) == "23rd")
    }

    @Test func linesSayTheActionAndItsVerification() {
        let remedy = Remedy(account: "call", status: "margin_call", target: .healthy, actions: [
            Remedy.Action(kind: .topUp, asset: "USDC", position: nil, units: 44.44444444961846, usd: 44.44444444961846,
                          statusAfter: "healthy", statusWithLess: "margin_call"),
            Remedy.Action(kind: .repay, asset: "USDC", position: 1, units: 36.363636364694685, usd: 36.363636364694685,
                          statusAfter: "healthy", statusWithLess: "margin_call"),
            Remedy.Action(kind: .repay, asset: "DAI", position: 11, units: 2.5, usd: nil,
                          statusAfter: "healthy", statusWithLess: "liquidatable"),
        ], note: nil)
        #expect(ReportRenderer.text(remedy) == [
            "call: margin_call, to healthy, any one of:",
            "  top up 44.4445 USDC (44.45 USD): healthy; with 1% less, margin_call",
            "  repay 36.3637 USDC of the debt in its 2nd position (36.37 USD): healthy; with 1% less, margin_call",
            "  repay 2.5 DAI of the debt in its 12th position: healthy; with 1% less, liquidatable",
        ])
        let nothing = Remedy(account: "ok", status: "healthy", target: .healthy, actions: [], note: "already healthy, nothing to do")
        #expect(ReportRenderer.text(nothing, indent: "  ") == ["  ok: healthy, to healthy — already healthy, nothing to do"])
    }
}
