import Foundation
import Testing
@testable import LeverREPL

/// Expressions that need an account, `:account` focus and `:explain EXPR`, over the sample
/// policy, market and book (the transcript golden shows the full texts).
@Suite struct SessionExpressionTests {
    static func sampleSession() -> ReplSession {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        _ = session.handle(.input(":market Rules/sample/market.json"))
        _ = session.handle(.input(":book Rules/sample/book.json"))
        return session
    }

    @Test func anAccountValueWithoutABookSaysWhatToLoad() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        #expect(session.handle(.input("tier")) == .diagnostics(
            "error: `tier` (a `tier` row label) depends on the account; load a market and a book to see it (:market FILE, :book FILE)\n"))
        #expect(session.handle(.input("BTC.price")) == .diagnostics("error: `BTC.price` reads market data; load a market (:market FILE)\n"))
        #expect(session.handle(.input(":account fund-aurora")) == .diagnostics("error: no book loaded; use :book FILE\n"))
        #expect(session.handle(.input(":explain tier")) == .diagnostics("error: no market loaded; use :market FILE\n"))
    }

    @Test func focusChangesThePromptAndNarrowsValues() {
        let session = Self.sampleSession()
        #expect(session.prompt == "lever> ")
        #expect(session.handle(.input(":account fund-aurora")) == .output("expressions now run for account fund-aurora\n"))
        #expect(session.prompt == "lever[fund-aurora]> ")
        #expect(session.handle(.input("tier")) == .output("Prime\n"))
        #expect(session.handle(.input("debt")) == .output("0 USD\n"))
        #expect(session.handle(.input(":account")) == .output("expressions now run over the whole book\n"))
        #expect(session.prompt == "lever> ")
        #expect(!session.failed)
    }

    @Test func aBookWithoutTheFocusedAccountDropsTheFocus() throws {
        let session = Self.sampleSession()
        _ = session.handle(.input(":account fund-aurora"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lever-book-\(UUID().uuidString).json").path
        try #"{"accounts": [{"id": "solo", "score": 700, "positions": [{"asset": "BTC", "qty": 1}]}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(session.handle(.input(":book \(path)")) == .output("loaded book \(path) (1 account)\n"))
        #expect(session.prompt == "lever> ")
        // With one account in the book, `:explain EXPR` needs no focus.
        guard case .output(let text) = session.handle(.input(":explain collateral")) else {
            Issue.record("expected a derivation"); return
        }
        #expect(text.hasPrefix("account solo\n└─ collateral = "))
    }

    @Test func theWholeBookIsCappedAndCounted() throws {
        guard case .output(let text) = Self.sampleSession().handle(.input("health")) else {
            Issue.record("expected values"); return
        }
        let lines = text.split(separator: "\n")
        #expect(lines.count == ReplSession.valueRows + 1)
        #expect(lines.last == "… 11 more accounts; :account ID shows one account")
        #expect(lines.first?.hasPrefix("fund-aurora") == true)
    }

    /// Values that depend on no account are computed by the engine, ∞ and undefined included
    /// (`0 / 0` is +∞ by the language's division rule, like the health of an empty account).
    @Test func valuesWithoutAnAccountComeFromTheEngine() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        #expect(session.handle(.input("1 / 0")) == .output("∞\n"))
        #expect(session.handle(.input("-1 / 0")) == .output("−∞\n"))
        #expect(session.handle(.input("sqrt(-1)")) == .output(
            "undefined (no number comes out: e.g. 0 ÷ 0, or the square root or log of a negative)\n"))
        #expect(session.handle(.input("house_rate(50%)")) == .output("4.5%\n"))
        #expect(session.handle(.input("-0 USD")) == .output("0 USD\n"))
    }

    /// Without a book, a per-position value that depends only on the asset is shown per asset.
    @Test func aPerAssetValueIsListedPerAssetWithoutABook() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        _ = session.handle(.input(":market Rules/sample/market.json"))
        guard case .output(let text) = session.handle(.input("borrow_rate")) else {
            Issue.record("expected values"); return
        }
        // Stables pay house_rate alone: USDC at 85% utilization, 6% + (85 − 80)/(95 − 80) × (20% − 6%)
        // = 10.6667%; USDT at 92%, 6% + 12/15 × 14% = 17.2%.
        #expect(text.hasPrefix("USDC  0.1066666666666666\nUSDT  0.172\n"))
    }

    /// A constant needs no account: its derivation has no account at the root.
    @Test func explainingAConstantNeedsNoAccount() throws {
        guard case .output(let text) = Self.sampleSession().handle(.input(":explain z * 2")) else {
            Issue.record("expected a derivation"); return
        }
        #expect(text.hasPrefix("z * 2 = 4.66  ← z * 2  [<input>:1:1]\n└─ param z = 2.33"))
    }

    @Test func explainingAnAccountValueNeedsAFocus() {
        let session = Self.sampleSession()
        #expect(session.handle(.input(":explain health")) == .diagnostics(
            "error: `health` depends on the account; choose one with :account ID\n"))
        _ = session.handle(.input(":account fund-aurora"))
        guard case .output(let text) = session.handle(.input(":explain health")) else {
            Issue.record("expected a derivation"); return
        }
        #expect(text.hasPrefix("account fund-aurora\n└─ health = ∞"))
    }

    /// An unknown account id reads as an expression; its errors say so.
    @Test func anUnknownAccountIsNotSilentlyAnExpression() {
        guard case .diagnostics(let text) = Self.sampleSession().handle(.input(":explain fund-zzz")) else {
            Issue.record("expected diagnostics"); return
        }
        #expect(text.hasSuffix("note: `fund-zzz` is not an account of the book either\n"))
    }

    /// What-ifs obey the market file's rules: finite, non-negative, utilization within [0%, 100%].
    @Test func setRefusesValuesNoMarketCouldHold() {
        let session = Self.sampleSession()
        #expect(session.handle(.input(":set BTC.price = nan")) == .diagnostics("error: BTC.price must be a finite number\n"))
        #expect(session.handle(.input(":set BTC.price = -5")) == .diagnostics("error: BTC.price cannot be negative\n"))
        #expect(session.handle(.input(":set USDC.utilization = 120%")) == .diagnostics("error: USDC.utilization must be within [0%, 100%]\n"))
        #expect(session.handle(.input(":set BTC.price = 0")) == .output("BTC.price = 0\n"))
    }
}
