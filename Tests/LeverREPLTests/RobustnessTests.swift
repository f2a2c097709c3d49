import Testing
@testable import LeverREPL

/// Odd input never crashes the session; it answers with output or diagnostics.
@Suite struct RobustnessTests {
    static let inputs = [
        ":plot z", ":plot BTC.price", ":plot (", ":plot x / 0", ":plot 1 / x", ":type", ":type )",
        String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500),
        "é", "1 / 0", "sqrt(-1)", "class", "margin { initial = 5% }", ":explain ...", ":eval  x y",
        ":set .price = 1", ":set BTC.price = = 1", "tier", "account.score", "\u{0}",
        ":explain 1 / 0", ":explain fund-aurora.", ":explain .health", ":explain fund-aurora.tier.x",
        ":account fund-aurora extra", "1 / debt", "sqrt(-debt)", "health / 0", "-debt / 0",
        ":explain sum(notional where side == long)", ":explain haircut", "notional where", "x",
    ]

    @Test(arguments: inputs, [false, true]) func answers(_ text: String, withBook: Bool) {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        _ = session.handle(.input(":market Rules/sample/market.json"))
        if withBook {
            _ = session.handle(.input(":book Rules/sample/book.json"))
            _ = session.handle(.input(":account fund-aurora"))
        }
        switch session.handle(.input(text)) {
        case .output(let shown):
            let words = shown.split { !$0.isLetter }
            #expect(!words.contains { $0.lowercased() == "nan" }, "\(text) printed NaN")
        case .diagnostics, .incompleteInput: break
        case .completions, .quit: Issue.record("unexpected response to \(text)")
        }
        _ = session.handle(.complete(text, cursor: text.utf8.count))
    }
}
