import Testing
import LeverTestSupport
@testable import LeverTesting

/// The cap comparison `--enforce` will run once policies declare caps: a change beyond a cap is a
/// violation naming the parameter; within it, none.
@Suite struct DiffGuardrailTests {
    static let old = Checker.check(path: goldenPath("diff/old.lever"))
    static let new = Checker.check(path: goldenPath("diff/new.lever"))

    @Test func aThresholdRaisedBeyondItsCapIsNamed() {
        let check = CapTableCheck(caps: [ParameterCap(item: "liquidation_threshold", maxAbsolute: 0.04)])
        let violations = check.violations(old: Self.old, new: Self.new)
        #expect(violations.map(\.parameter) == ["class major: liquidation_threshold"])
        #expect(violations.first?.message.contains("80% → 85%") == true)
    }

    @Test func changesWithinTheirCapsPass() {
        let check = CapTableCheck(caps: [ParameterCap(item: "liquidation_threshold", maxAbsolute: 0.05),
                                         ParameterCap(item: "slope2", maxRelative: 0.5)])
        #expect(check.violations(old: Self.old, new: Self.new).isEmpty)
    }

    @Test func aRelativeCapOnARateSlope() {
        let check = CapTableCheck(caps: [ParameterCap(item: "slope2", maxRelative: 0.1)])
        #expect(check.violations(old: Self.old, new: Self.new).map(\.parameter) == ["curve borrow_rate: slope2"])
    }
}
