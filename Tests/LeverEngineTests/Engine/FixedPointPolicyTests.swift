import Testing
import LeverCheck
import LeverNumerics
@testable import LeverEngine

/// A policy that declares `arithmetic { numbers = wad | ray }` is evaluated by its exact program:
/// every product and quotient rounds at the last decimal as the policy says, and reports print
/// the exact decimal. The numbers are worked by hand in the comments.
struct FixedPointPolicyTests {
    static func policy(_ numbers: String, rounding: String? = nil) -> String {
        """
        policy "Exact" version "1"
        arithmetic {
          numbers = \(numbers)
        \(rounding.map { "  rounding = \($0)" } ?? "")
        }
        class reserve { liquidation_threshold = 80% }
        asset USDC : reserve
        measure third = account.a / account.c
        measure third_down = rounded_down(account.a / account.c)
        measure third_up = rounded_up(account.a / account.c)
        measure tie_even = rounded_half_even(account.b * 0.5)
        measure tie_up = account.b * 0.5
        measure whole_down = floor_div(account.a, account.c)
        measure whole_up = ceil_div(account.a, account.c)
        measure negative_floor = floor_div(0 - account.a, account.c)
        measure root = isqrt(account.a * 1000)
        measure cube = account.c ^ 3
        """
    }

    static let market = #"{"as_of": "2026-12-01T00:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0}}}"#

    /// a = 2.5, c = 3, and b one unit of the last decimal, odd (1e-18 in wad, 3e-27 in ray) so
    /// that b × 0.5 is an exact tie.
    static func book(b: String) -> String {
        #"{"accounts": [{"id": "x", "score": 1, "attributes": {"a": 2.5, "b": \#(b), "c": 3}, "positions": []}]}"#
    }

    static func values(_ policy: String, b: String) throws -> [String: ReportValue] {
        let report = try InlineEvaluation.report(policy: policy, market: Self.market, book: Self.book(b: b), path: "exact.lever")
        let account = try #require(report.accounts.first)
        return Dictionary(uniqueKeysWithValues: zip(report.outputs.map(\.name), account.values))
    }

    static func text(_ value: ReportValue?) -> String? {
        if case .decimal(_, let text)? = value { return text }
        return nil
    }

    @Test func wadRoundsEachQuotientAtTheEighteenthDecimal() throws {
        let v = try Self.values(Self.policy("wad"), b: "0.000000000000000003")
        // 2.5 ÷ 3 = 0.8333…: half up and down keep …333, up makes …334.
        #expect(Self.text(v["third"]) == "0.833333333333333333")
        #expect(Self.text(v["third_down"]) == "0.833333333333333333")
        #expect(Self.text(v["third_up"]) == "0.833333333333333334")
        // 3e-18 × 0.5 = 1.5e-18, a tie: half up gives 2e-18, half even 2e-18 (2 is even).
        #expect(Self.text(v["tie_up"]) == "0.000000000000000002")
        #expect(Self.text(v["tie_even"]) == "0.000000000000000002")
        // floor(0.83) = 0, ceil(0.83) = 1, floor(−0.83) = −1; isqrt(2500) = 50; 3³ = 27.
        #expect(Self.text(v["whole_down"]) == "0")
        #expect(Self.text(v["whole_up"]) == "1")
        #expect(Self.text(v["negative_floor"]) == "-1")
        #expect(Self.text(v["root"]) == "50")
        #expect(Self.text(v["cube"]) == "27")
        #expect(v["status"] == .label("healthy"))
    }

    @Test func halfEvenRoundsTiesToTheEvenUnit() throws {
        // 5e-18 × 0.5 = 2.5e-18: half up 3e-18, half even 2e-18.
        let v = try Self.values(Self.policy("wad"), b: "0.000000000000000005")
        #expect(Self.text(v["tie_up"]) == "0.000000000000000003")
        #expect(Self.text(v["tie_even"]) == "0.000000000000000002")
    }

    @Test func rayKeepsTwentySevenDecimals() throws {
        let v = try Self.values(Self.policy("ray"), b: "0.000000000000000000000000003")
        #expect(Self.text(v["third"]) == "0.833333333333333333333333333")
        #expect(Self.text(v["third_up"]) == "0.833333333333333333333333334")
        #expect(Self.text(v["tie_up"]) == "0.000000000000000000000000002")
    }

    /// `rounding = down` rounds every product and quotient with no written direction, the
    /// engine's own included; a written direction still wins.
    @Test func policyRoundingIsTheDefaultDirection() throws {
        let v = try Self.values(Self.policy("wad", rounding: "down"), b: "0.000000000000000003")
        #expect(Self.text(v["tie_up"]) == "0.000000000000000001", "1.5e-18 rounded down")
        #expect(Self.text(v["third_up"]) == "0.833333333333333334")
    }

    /// A float policy computes the same measures in binary64 and reports numbers, not decimals.
    @Test func floatPolicyIsUnchanged() throws {
        let source = Self.policy("wad").replacingOccurrences(of: "numbers = wad", with: "numbers = float")
        let v = try Self.values(source, b: "0.000000000000000003")
        #expect(v["third"] == .number(2.5 / 3))
        #expect(v["whole_down"] == .number(0))
        #expect(v["negative_floor"] == .number(-1))
        #expect(v["root"] == .number(50))
    }

    /// Reports print exact values as JSON strings (a reader would round a number to binary64),
    /// and in tables with every digit.
    @Test func reportsPrintExactDecimals() throws {
        let report = try InlineEvaluation.report(policy: Self.policy("wad"), market: Self.market,
                                                 book: Self.book(b: "0.000000000000000003"), path: "exact.lever")
        let json = ReportRenderer(style: .json).render(report)
        #expect(json.contains(#""third": "0.833333333333333333""#))
        #expect(json.contains(#""health": "Infinity""#))
        let table = ReportRenderer(style: .table(color: false)).render(try report.selecting(outputs: ["third"]).get())
        #expect(table.contains("0.833333333333333333"))
    }

    /// A literal is the decimal written: `5.2%` is exactly 0.052 (binary64's 5.2 × 0.01 is
    /// 0.052000000000000005), in expressions, table bounds and comparisons alike.
    @Test func percentLiteralsAreTheDecimalWritten() throws {
        let source = Self.policy("wad") + """

        measure pct = 5.2%
        measure below = if account.d < 5.2% then 1 else 0
        table band by account.d {
          < 5.2% -> low
          >= 5.2% -> high
        }
        measure band_high = if band == high then 1 else 0
        """
        let report = try InlineEvaluation.report(
            policy: source, market: Self.market,
            book: #"{"accounts": [{"id": "x", "score": 1, "attributes": {"a": 2.5, "b": 1, "c": 3, "d": 0.052}, "positions": []}]}"#,
            path: "exact.lever")
        let account = try #require(report.accounts.first)
        let v = Dictionary(uniqueKeysWithValues: zip(report.outputs.map(\.name), account.values))
        #expect(Self.text(v["pct"]) == "0.052")
        #expect(Self.text(v["below"]) == "0")
        #expect(Self.text(v["band_high"]) == "1")
    }

    /// Out of range is undefined, never wrapped: ray holds ±1.7e11.
    @Test func overflowIsUndefined() throws {
        let source = Self.policy("ray") + "\nmeasure huge = account.c * 100000000000"
        let v = try Self.values(source, b: "1")
        #expect(v["huge"] == .undefined)
    }
}
