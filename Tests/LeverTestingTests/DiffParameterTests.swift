import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// The parameter diff compares meaning, not text: respelt constants, reordered declarations and
/// comments are no change; rules that are not constant compare by their text.
@Suite struct DiffParameterTests {
    static func check(_ text: String) -> CheckResult {
        Checker.check(source: text, path: "/tmp/diff-fixture.lever")
    }

    @Test func respeltConstantsAndReorderedDeclarationsAreNoChange() {
        let old = Self.check("""
            param z = 2.33
            class major { liquidation_threshold = 80%; haircut = 10% }
            curve rate(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }
            """)
        let new = Self.check("""
            // the same policy, written differently
            curve rate(utilization) = points { 0% -> 0%, 0.9 -> 500 bps, 100% -> 0.6 }
            class major {
              haircut = 5% + 5%
              liquidation_threshold = 0.8
            }
            param z = 2.33
            """)
        #expect(ParameterDiff.compare(old: old, new: new).isEmpty)
    }

    @Test func curvePointsAddedAndRemovedAreNamedByTheirX() {
        let old = Self.check("curve rate(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }")
        let new = Self.check("curve rate(utilization) = points { 0% -> 0%, 80% -> 4%, 100% -> 60% }")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "curve rate: added point 80% → 4%",
            "curve rate: removed point 90% → 5%",
        ])
    }

    @Test func nonConstantRulesCompareByTheirText() {
        let old = Self.check("param z = 2.33\nclass major { haircut = clamp(z * vol * sqrt(2 days), 10%, 40%) }")
        let new = Self.check("param z = 2.33\nclass major { haircut = clamp(z * vol * sqrt(3 days), 10%, 40%) }")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "class major: haircut clamp(z * vol * sqrt(2 days), 10%, 40%) → clamp(z * vol * sqrt(3 days), 10%, 40%)",
        ])
    }
}
