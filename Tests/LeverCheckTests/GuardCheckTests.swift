import Testing
import LeverCheck
import LeverSyntax

/// The checker on `guard` declarations: what a target may name, "did you mean" for unknown
/// ones (L0225), and the unit of the cap (L0330–L0333).
struct GuardCheckTests {
    static let base = """
        param z = 2.33
        param horizon = 2 days
        class crypto { ltv = 70%; liquidation_threshold = 80%; risk_weight = 50% }
        asset WETH : crypto
        curve eth_rate(utilization) = kinked(base: 0%, slope1: 3%, kink: 90%, slope2: 80%)
        curve flat(utilization) = points { 0% -> 1%, 100% -> 2% }
        tiers by account.score { >= 500 -> Good { credit_line = 1M USD } else -> Rest }
        margin { bonus = 5%; liquidate when health < 1 }

        """

    static func check(_ guards: String) -> [Found] {
        found(base + guards).filter { $0.code.hasPrefix("L02") || $0.code.hasPrefix("L03") }
    }

    @Test func everyTargetShapeChecksCleanly() {
        let result = Self.check("""
            guard ltv moves at most 5%
            guard WETH.liquidation_threshold moves at most 500 bps
            guard crypto.risk_weight moves at most 10% relative
            guard param z moves at most 0.1
            guard horizon moves at most 1 day
            guard tier.credit_line moves at most 25% relative
            guard tier.credit_line2 moves at most 1
            """)
        #expect(result.map(\.code) == ["L0225"])
        let clean = Self.check("""
            guard ltv moves at most 5%
            guard WETH.liquidation_threshold moves at most 500 bps
            guard crypto.risk_weight moves at most 10% relative
            guard param z moves at most 0.1
            guard horizon moves at most 1 day
            guard tier.credit_line moves at most 250k USD
            guard eth_rate.slope2 moves at most 50% relative
            guard margin.bonus moves at most 1%
            guard bonus moves at most 1%
            guard flat.points moves at most 50 bps
            """)
        #expect(clean == [])
    }

    @Test func unknownTargetsSuggestTheClosestName() {
        let cases: [(String, String, String)] = [
            ("guard liquidation_treshold moves at most 5%", "`liquidation_treshold` is not a parameter a guard can cap", "use `liquidation_threshold`"),
            ("guard WETH.ltvv moves at most 5%", "`WETH.ltvv` is not a parameter a guard can cap", "use `WETH.ltv`"),
            ("guard tier.credit_lin moves at most 5% relative", "`tier.credit_lin` is not a parameter a guard can cap", "use `tier.credit_line`"),
            ("guard eth_rate.slop2 moves at most 5%", "`eth_rate.slop2` is not a parameter a guard can cap", "use `eth_rate.slope2`"),
            ("guard param zz moves at most 1", "`zz` is not a parameter a guard can cap", "use `z`"),
            ("guard margin.bonsu moves at most 1%", "`margin.bonsu` is not a parameter a guard can cap", "use `margin.bonus`"),
            ("guard WETx.ltv moves at most 1%", "`WETx.ltv` is not a parameter a guard can cap", "use `WETH.ltv`"),
        ]
        for (source, message, help) in cases {
            let all = diagnostics(Self.base + source).filter { $0.code == "L0225" }
            #expect(all.count == 1, "\(source)")
            #expect(all.first?.message == message)
            #expect(all.first?.help == help, "\(source)")
            #expect(all.first?.fixIts.count == 1)
        }
    }

    @Test func pointsCurvesHaveNoGuardableArguments() {
        #expect(Self.check("guard flat.slope1 moves at most 1%").map(\.code) == ["L0225"])
    }

    @Test func absoluteCapMustBeInTheParametersUnit() {
        let result = Self.check("guard tier.credit_line moves at most 5%")
        #expect(result == [Found(code: "L0330", at: "9:38", message: "the cap is a ratio, but `tier.credit_line` is a USD amount")])
        let help = diagnostics(Self.base + "guard tier.credit_line moves at most 5%").first { $0.code == "L0330" }?.help
        #expect(help == "write the cap in USD, or add `relative` to cap the change as a share of the old value")
        #expect(Self.check("guard ltv moves at most 1M USD").map(\.code) == ["L0330"])
        #expect(Self.check("guard horizon moves at most 5%").map(\.code) == ["L0330"])
        #expect(Self.check("guard flat.points moves at most 1 day").map(\.code) == ["L0330"])
    }

    @Test func relativeCapMustBeAShare() {
        let result = Self.check("guard tier.credit_line moves at most 1M USD relative")
        #expect(result.map(\.code) == ["L0331"])
        #expect(result.first?.message == "a `relative` cap is a share of the old value, not a USD amount")
    }

    @Test func capMustBeConstantAndNotNegative() {
        #expect(Self.check("guard ltv moves at most -1%").map(\.code) == ["L0332"])
        #expect(Self.check("guard ltv moves at most utilization").map(\.code) == ["L0312"])
    }

    @Test func parseErrorsAreNotReportedTwice() {
        #expect(found("guard\n").map(\.code) == ["L0104"])
        #expect(found("guard margin.\n").map(\.code) == ["L0104"])
        #expect(Self.check("guard ltv moves at most \"x\"").map(\.message) == ["cannot use `moves at most` on a string"])
    }

    @Test func conditionsCannotBeGuarded() {
        let result = Self.check("guard margin.liquidate moves at most 1")
        #expect(result.map(\.code) == ["L0333"])
        #expect(result.first?.message == "cannot guard `margin.liquidate`: it is a true/false condition, not a number")
    }

    @Test func twoGuardsOnOneTargetAreADuplicate() {
        let result = Self.check("guard ltv moves at most 5%\nguard ltv moves at most 10% relative")
        #expect(result.map(\.code) == ["L0201"])
        #expect(result.first?.message == "guard `ltv` is declared twice")
    }

    @Test func shippedRulesCheckCleanly() {
        for name in ["lending", "prime"] {
            let path = GuardCheckTests.rules + "/\(name).lever"
            let result = Checker.check(path: path)
            #expect(!result.diagnostics.hasErrors, "\(name): \(result.diagnostics.map(\.message))")
            #expect(!result.symbols.symbols(.guard).isEmpty)
        }
    }

    static let rules: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return (parts + ["Rules"]).joined(separator: "/")
    }()
}
