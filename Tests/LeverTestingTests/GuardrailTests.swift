import Testing
import LeverCheck
import LeverTesting

/// `Guardrails.check` on pairs of policy versions: within the cap passes, beyond it fails naming
/// the parameter, both bounds are inclusive, relative and absolute caps differ, and the approved
/// version's caps are the ones that bind.
struct GuardrailTests {
    /// A small lending policy; `values` fills in the numbers a test moves.
    static func policy(threshold: String = "82.5%", slope2: String = "80%", credit: String = "4M USD",
                       z: String = "2.33", horizon: String = "1 day", guards: String = defaultGuards,
                       ethExtra: String = "") -> String {
        """
        param z = \(z)
        param horizon = \(horizon)
        class crypto { ltv = 70%; liquidation_threshold = 80% }
        asset WBTC : crypto
        asset ETH : crypto { liquidation_threshold = \(threshold)\(ethExtra) }
        asset SOL : crypto { liquidation_threshold += 1% }
        curve eth_rate(utilization) = kinked(base: 0%, slope1: 3%, kink: 90%, slope2: \(slope2))
        tiers by account.score { >= 800 -> Prime { credit_line = \(credit) } else -> Rest }
        \(guards)
        """
    }

    static let defaultGuards = """
        guard liquidation_threshold moves at most 5%
        guard eth_rate.slope2 moves at most 50% relative
        guard tier.credit_line moves at most 25% relative
        guard param z moves at most 0.1
        guard horizon moves at most 1 day
        """

    static func violations(_ old: String, _ new: String) -> [GuardrailViolation] {
        let before = Checker.check(source: old, path: "Rules/old.lever")
        let after = Checker.check(source: new, path: "Rules/new.lever")
        #expect(!before.diagnostics.hasErrors, "\(before.diagnostics.map(\.message))")
        #expect(!after.diagnostics.hasErrors, "\(after.diagnostics.map(\.message))")
        return Guardrails.check(old: before, new: after)
    }

    @Test func unchangedPolicyPasses() {
        #expect(Self.violations(Self.policy(), Self.policy()).isEmpty)
    }

    @Test func withinTheCapPasses() {
        let new = Self.policy(threshold: "85%", slope2: "100%", credit: "4.5M USD", z: "2.4", horizon: "2 days")
        #expect(Self.violations(Self.policy(), new).isEmpty)
    }

    @Test func exactlyAtTheCapPasses() {
        // 82.5% → 87.5% is 5 points; 80% → 120% is +50%; 4M → 5M USD is +25%; 2.33 → 2.43 is +0.1.
        let up = Self.policy(threshold: "87.5%", slope2: "120%", credit: "5M USD", z: "2.43", horizon: "2 days")
        #expect(Self.violations(Self.policy(), up).isEmpty)
        let down = Self.policy(threshold: "77.5%", slope2: "40%", credit: "3M USD", z: "2.23", horizon: "0 days")
        #expect(Self.violations(Self.policy(), down).isEmpty)
    }

    @Test func beyondAnAbsoluteCapFailsNamingTheParameter() throws {
        let found = Self.violations(Self.policy(), Self.policy(threshold: "90%"))
        let only = try #require(found.first)
        #expect(found.count == 1)
        #expect(only.kind == .exceeded)
        #expect(only.parameter == "liquidation_threshold")
        #expect(only.row == "asset ETH")
        #expect(abs((only.old ?? 0) - 0.825) < 1e-12 && abs((only.new ?? 0) - 0.9) < 1e-12)
        #expect(only.message == "asset ETH: liquidation_threshold moved 82.5% → 90% (+7.5 points), more than the 5-point cap declared at Rules/old.lever:9")
    }

    @Test func aClassChangeMovesEveryAssetOfTheClass() {
        let old = Self.policy()
        let new = old.replacingOccurrences(of: "liquidation_threshold = 80% }", with: "liquidation_threshold = 74% }")
        let found = Self.violations(old, new)
        #expect(found.map(\.row) == ["asset WBTC", "asset SOL"])  // ETH sets its own value
        #expect(found.last?.message.hasPrefix("asset SOL: liquidation_threshold moved 81% → 75% (-6 points)") == true)
    }

    @Test func beyondARelativeCapFails() {
        let found = Self.violations(Self.policy(), Self.policy(slope2: "121%", credit: "2.9M USD"))
        #expect(found.map(\.parameter) == ["eth_rate.slope2", "tier.credit_line"])
        #expect(found.first?.message == "eth_rate.slope2 moved 80% → 121% (+51.25%), more than the 50% relative cap declared at Rules/old.lever:10")
        #expect(found.last?.message == "tier Prime: tier.credit_line moved 4M USD → 2.9M USD (-27.5%), more than the 25% relative cap declared at Rules/old.lever:11")
    }

    @Test func relativeAndAbsoluteCapsDiffer() {
        // 80% → 84.5% moves 4.5 points (within a 5-point cap) but 5.6% of the old value.
        let absolute = Self.policy(guards: "guard liquidation_threshold moves at most 5%")
        let relative = Self.policy(guards: "guard liquidation_threshold moves at most 5% relative")
        let move = { (p: String) in p.replacingOccurrences(of: "liquidation_threshold = 80% }", with: "liquidation_threshold = 84.5% }") }
        #expect(Self.violations(absolute, move(absolute)).isEmpty)
        #expect(Self.violations(relative, move(relative)).map(\.row) == ["asset WBTC", "asset SOL"])
    }

    @Test func paramsAndDurationsReadInTheirUnits() {
        let found = Self.violations(Self.policy(), Self.policy(z: "2.58", horizon: "3 days"))
        #expect(found.map(\.message) == [
            "param z moved 2.33 → 2.58 (+0.25), more than the 0.1 cap declared at Rules/old.lever:12",
            "param horizon moved 1 day → 3 days (+2 days), more than the 1 day cap declared at Rules/old.lever:13",
        ])
    }

    @Test func theApprovedVersionsCapsBind() {
        // The proposal loosens its own cap and moves further: the old 5-point cap still applies.
        let new = Self.policy(threshold: "95%", guards: "guard liquidation_threshold moves at most 20%")
        #expect(Self.violations(Self.policy(), new).map(\.parameter) == ["liquidation_threshold"])
        // A guard that only the proposal declares does not bind this change.
        let old = Self.policy(guards: "")
        #expect(Self.violations(old, Self.policy(threshold: "95%")).isEmpty)
    }

    @Test func nonConstantValuesAreComparedByRule() {
        let old = Self.policy(guards: "guard ltv moves at most 5%", ethExtra: "; ltv = clamp(z * vol * sqrt(horizon), 10%, 70%)")
        #expect(Self.violations(old, old).isEmpty)
        let new = old.replacingOccurrences(of: "clamp(z * vol * sqrt(horizon), 10%, 70%)", with: "clamp(z * vol * sqrt(horizon), 10%, 90%)")
        let found = Self.violations(old, new)
        #expect(found.map(\.kind) == [GuardrailViolation.Kind.cannotCompare])
        #expect(found.first?.row == "asset ETH")
        #expect(found.first?.message.contains("cannot be compared") == true)
    }

    @Test func addedAndRemovedAssetsAreNotMoves() {
        let old = Self.policy()
        let new = old.replacingOccurrences(of: "asset WBTC : crypto\n", with: "asset LINK : crypto { liquidation_threshold = 50% }\n")
        #expect(Self.violations(old, new).isEmpty)
    }

    @Test func curvePointsAreMatchedByX() {
        let curve = "\ncurve fee(utilization) = points { 0% -> 1%, 80% -> 4%, 100% -> 20% }"
        let old = Self.policy(guards: "guard fee.points moves at most 1%") + curve
        let new = old.replacingOccurrences(of: "80% -> 4%, 100% -> 20%", with: "80% -> 6%, 90% -> 10%, 100% -> 20.5%")
        #expect(Self.violations(old, new).map(\.message) == [
            "point at 80%: fee.points moved 4% → 6% (+2 points), more than the 1-point cap declared at Rules/old.lever:9",
        ])
    }

    @Test func shippedLendingPolicyCapsItsThresholds() throws {
        let path = Self.rules + "/lending.lever"
        let old = try String(contentsOfFile: path, encoding: .utf8)
        let new = old.replacingOccurrences(of: "  liquidation_threshold = 86%", with: "  liquidation_threshold = 92%")
        let found = Guardrails.check(old: Checker.check(source: old, path: path), new: Checker.check(source: new, path: path))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("asset WETH: liquidation_threshold moved 86% → 92% (+6 points), more than the 5-point cap declared at \(path):") == true)
        let within = old.replacingOccurrences(of: "  liquidation_threshold = 86%", with: "  liquidation_threshold = 91%")
        #expect(Guardrails.check(old: Checker.check(source: old, path: path), new: Checker.check(source: within, path: path)).isEmpty)
    }

    static let rules: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return (parts + ["Rules"]).joined(separator: "/")
    }()

    @Test func capBoundsAreInclusiveUnderRounding() {
        #expect(Guardrails.allows(old: 0.8, new: 0.85, cap: 0.05, relative: false))
        #expect(Guardrails.allows(old: 0.85, new: 0.8, cap: 0.05, relative: false))
        #expect(!Guardrails.allows(old: 0.8, new: 0.8501, cap: 0.05, relative: false))
        #expect(Guardrails.allows(old: 4e6, new: 5e6, cap: 0.25, relative: true))
        #expect(!Guardrails.allows(old: 0, new: 0.01, cap: 0.5, relative: true))
    }
}
