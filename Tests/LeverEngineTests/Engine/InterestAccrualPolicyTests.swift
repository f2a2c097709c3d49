import Testing
import LeverCheck
import LeverCompile
@testable import LeverEngine

/// The margin block chooses how interest accrues. 1,000,000 USDC borrowed at 8 % a year for
/// seven years of 365 days (n = 220,752,000 s, x = 0.08 ÷ 31,536,000 per second), as Aave's
/// MathUtils test does for the linear case:
///   linear   0.08 × 7                                    = 0.56          → 560,000
///   taylor   n·x + n(n−1)·x²/2 + n(n−1)(n−2)·x³/6         = 0.7460693322… → 746,069.33
///   compound (1 + x)^n − 1 = expm1(n·log1p(x))            = 0.7506724990… → 750,672.50
/// (e^0.56 − 1 = 0.7506725…: per-second compounding is continuous to 7 digits; Aave's three terms
/// fall short by 0.6 % over seven years, and by 1e-10 over a day.)
struct InterestAccrualPolicyTests {
    static func policy(_ method: String?) -> String {
        """
        class stable { haircut = 0%; borrow_rate = 8% }
        asset USDC : stable
        \(method.map { "margin { interest_accrual = \($0) }" } ?? "")
        """
    }
    static let market = #"{"assets": {"USDC": {"price": 1, "vol": 0.01}}}"#
    static let book = #"{"accounts": [{"id": "a", "score": 700, "positions": [{"kind": "spot", "asset": "USDC", "quantity": -1000000}]}]}"#

    static func interest(_ method: String?) throws -> Double {
        let r = try InlineEvaluation.report(policy: policy(method), market: market, book: book, horizon: 7)
        guard case .number(let x)? = r.value("interest", account: "a") else { throw Unexpected() }
        return x
    }
    struct Unexpected: Error {}

    @Test func eachMethodAccruesAsItsFormulaSays() throws {
        #expect(abs(try Self.interest("linear") - 560_000) < 1e-6)
        #expect(abs(try Self.interest("taylor") - 746_069.3322252663) < 1e-4)
        #expect(abs(try Self.interest("compound") - 750_672.4990525996) < 1e-4)
        #expect(try Self.interest(nil) == (try Self.interest("compound")))
    }

    /// `horizon` is the run's horizon in a rule: 8 % simple interest over it is the linear accrual.
    @Test func theHorizonIsAName() throws {
        let policy = Self.policy(nil) + "\nmeasure simple per account = debt * 8% * horizon / 365 days"
        let r = try InlineEvaluation.report(policy: policy, market: Self.market, book: Self.book, horizon: 7)
        #expect(r.value("simple", account: "a").flatMap { if case .number(let x) = $0 { x } else { nil } }
            .map { abs($0 - 560_000) < 1e-6 } == true)
        let set = Checker.check(source: Self.policy(nil) + "\nmargin { horizon = 30 days }", path: "h.lever")
        #expect(set.diagnostics.map(\.code).contains("L0326"))
    }

    @Test func anUnknownMethodIsAnError() {
        let checked = Checker.check(source: Self.policy("continuous"), path: "a.lever")
        #expect(checked.diagnostics.hasErrors)
    }
}
