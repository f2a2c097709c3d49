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

    /// A tier field is any of its rows' values; a row that omits it gives 0, as the compiler reads it.
    @Test func tierFieldsAreTheHullOfTheirRows() {
        #expect(unproved(Self.curves + "assert tier.credit_line >= 0 USD\n").isEmpty)
        #expect(unproved(Self.curves + "assert tier.credit_line >= 1 USD\n") == ["8:8"])
        let omitted = """
            input account.score in [0, 1000]
            tiers by account.score {
              [800, 1000] -> Prime { haircut_discount = 20% }
              [0, 800)    -> Basic { credit_line = 0 USD }
            }
            assert every tier: tier.haircut_discount in [0%, 20%]
            assert every tier: tier.haircut_discount > 0%

            """
        #expect(unproved(omitted) == ["7:20"])
    }

    // Soundness: a "proved" the engine can break would have a committee approve a false claim.

    /// A curve's argument is not clamped to [0%, 100%]: `p(2 * utilization)` reaches p(200%) = 50%.
    @Test func aCurveArgumentBeyondItsUsualRangeIsNotClamped() {
        let policy = """
            input utilization in [0%, 100%]
            curve p(utilization) = points { 0% -> 1%, 100% -> 2%, 200% -> 50% }
            curve k(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
            assert p(2 * utilization) <= 2%
            assert k(2 * utilization) <= 79%

            """
        #expect(unproved(policy) == ["4:8", "5:8"])
    }

    /// Proofs hold for the engine's rounded interpolation: at 72% the segment from (46%, 7%)
    /// computes 7% + 54% × 26/26, a hair above 61%.
    @Test func pointsAreBoundedByWhatTheEngineComputes() {
        let policy = """
            input utilization in [0%, 100%]
            curve c(x) = points { 46% -> 7%, 72% -> 61%, 100% -> 0% }
            assert c(utilization) <= 61%

            """
        #expect(unproved(policy) == ["3:8"])
    }

    /// A table that may match no row gives an undefined field, so its rows prove nothing.
    @Test func aTableThatMayMatchNoRowBoundsNothing() {
        let policy = """
            table lim by account.region {
              "US" -> Onshore { max_leverage = 3 }
              "UK" -> Offshore { max_leverage = 5 }
            }
            assert lim.max_leverage >= 3

            """
        #expect(unproved(policy) == ["5:8"])
    }

    /// `kinked` with constant arguments is the engine's formula: 4% × 80% / 80% = 4% at the kink,
    /// 4% + 75% = 79% at 100%.
    @Test func kinkedCurvesAtConstantsAreProved() {
        let policy = """
            curve k(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
            assert abs(k(80%) - 4%) < 0.0001 bps
            assert abs(k(100%) - 79%) < 0.0001 bps
            assert k(90%) > 4%

            """
        #expect(unproved(policy).isEmpty)
    }
}
