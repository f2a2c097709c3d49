import Testing
@testable import LeverREPL

/// Odd input never crashes the session; it answers with output or diagnostics.
@Suite struct RobustnessTests {
    static let inputs = [
        ":plot z", ":plot BTC.price", ":plot (", ":plot x / 0", ":plot 1 / x", ":type", ":type )",
        String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500),
        "é", "1 / 0", "sqrt(-1)", "class", "margin { initial = 5% }", ":explain ...", ":eval  x y",
        ":set .price = 1", ":set BTC.price = = 1", "tier", "account.score", "\u{0}",
    ]

    @Test(arguments: inputs) func answers(_ text: String) {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        _ = session.handle(.input(":market Rules/sample/market.json"))
        switch session.handle(.input(text)) {
        case .output, .diagnostics, .incompleteInput: break
        case .completions, .quit: Issue.record("unexpected response to \(text)")
        }
        _ = session.handle(.complete(text, cursor: text.utf8.count))
    }
}
