import Testing
@testable import LeverREPL

@Suite struct MultiLineTests {
    static let open = [
        "curve c(utilization) = kinked(",
        "class major {",
        "class major { haircut = 2% +",
        "(1 + 2",
        "max(1,",
        "tiers by account.score {\n  [800, 1000] -> Prime { credit_line = 5M USD }",
        "scenario crash { major: -30%,",
        "param x =",
    ]

    @Test(arguments: open) func openInputNeedsMore(_ text: String) {
        #expect(ReplSession.needsMoreInput(text))
    }

    static let complete = [
        "1 + 2", "param x = 2", "class major { haircut = 2% }", "curve c(utilization) = kinked(\n base: 0%, slope1: 4%, kink: 80%, slope2: 75%)",
        ":plot (", "", "1 + )", "max(1, 2))",
    ]

    @Test(arguments: complete) func completeOrBrokenInputDoesNot(_ text: String) {
        #expect(!ReplSession.needsMoreInput(text))
    }

    @Test func sessionAnswersIncompleteInput() {
        let session = ReplSession(policyPath: nil)
        #expect(session.handle(.input("max(1,")) == .incompleteInput)
        #expect(session.handle(.input("max(1,\n 2)")) == .output("2\n"))
    }
}
