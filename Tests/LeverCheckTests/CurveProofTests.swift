import Testing
import LeverCheck
import LeverSyntax

/// Proofs see through curve calls and tier fields: a committee's constant asserts
/// (`house_rate(50%) < 5%`, `tier.credit_line >= 0 USD`) are proved, not left to run time.
@Suite struct CurveProofTests {
    /// The assertions the checker could not prove (L0602 notes), by line.
    func unproved(_ source: String) -> [String] {
        found(source, stopAfter: .proofs).filter { $0.code == "L0602" }.map(\.at)
    }

    static let curves = """
        curve house(utilization) = points { 0% -> 2%, 80% -> 6%, 95% -> 20%, 100% -> 50% }
        curve fee(utilization) = steps { 0% -> 0 bps, 50% -> 5 bps, 90% -> 25 bps }
        tiers by account.score {
          [800, 1000] -> Prime { credit_line = 5M USD }
          [0, 800)    -> Basic { credit_line = 0 USD }
        }
        input account.score in [0, 1000]

        """

    /// 2% + 50/80 × (6% − 2%) = 4.5% < 5%; at 100% the last point, 50%; steps hold 5 bps on [50%, 90%).
    @Test func curvesAtConstantsAreProved() {
        #expect(unproved(Self.curves + """
            assert house(50%) < 5%
            assert house(100%) >= 50%
            assert fee(60%) == 5 bps
            assert house(85%) > 6%
            """).isEmpty)
    }

    /// Over a range the values between the ends count too: house over [70%, 100%] reaches 50%.
    @Test func curvesOverARangeKeepEveryValueTheyCanTake() {
        #expect(unproved(Self.curves + "assert house(utilization) <= 20%\n") == ["8:8"])
        #expect(unproved(Self.curves + "assert house(utilization) <= 50%\n").isEmpty)
        #expect(unproved(Self.curves + "assert fee(utilization) <= 5 bps\n") == ["8:8"])
    }

    /// A tier field is any of its rows' values.
    @Test func tierFieldsAreTheHullOfTheirRows() {
        #expect(unproved(Self.curves + "assert tier.credit_line >= 0 USD\n").isEmpty)
        #expect(unproved(Self.curves + "assert tier.credit_line >= 1 USD\n") == ["8:8"])
    }
}
