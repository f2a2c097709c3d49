import Testing
@testable import LeverSyntax

struct ASTDumpTests {
    static func policy(_ text: String) -> Policy {
        let parsed = Parser.parse(SourceFile(id: 0, path: "dump.lever", text: text))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        return parsed.policy
    }

    @Test func dumpsEveryDeclarationKind() {
        let text = """
            policy "P" version "1"
            import "base.lever"
            override param z = -2.33 * (a + b) ^ 2
            input account.score in [0, 1000)
            class major : base { haircut = 10%; liquidate when not x }
            asset SOL : alt { haircut += 1% per 1M USD of notional above 5M USD }
            venue OKX
            margin { initial = if h < 1 then 100% else 50% }
            tiers by account.score hit first { >= 800 -> Prime { line = 5M USD }; else -> Rest }
            table cap by region, score { "EU" | "UK", (0, 5] -> Small }
            curve r(utilization) = kinked(base: 0%, slope1: 4%)
            curve p(utilization) = steps { 0% -> 1%, 50% -> 2% }
            scenario crash { BTC.price: -40% }
            assert every asset: haircut in [0%, 100%]
            measure bp = sum(value where side == long) + tier.line
            """
        #expect(ASTDump.dump(Self.policy(text)) == """
            policy "P" version "1"
            import "base.lever"
            override param z = ((-2.33) * (((a + b)) ^ 2))
            input account.score in [0, 1000)
            class major : base
              haircut = 10%
              liquidate when (not x)
            asset SOL : alt
              haircut += (1% per 1M USD of notional above 5M USD)
            venue OKX
            margin
              initial = (if (h < 1) then 100% else 50%)
            tiers tier by account.score hit first
              >= 800 -> Prime
                line = 5M USD
              else -> Rest
            table cap by region, score
              "EU" | "UK", (0, 5] -> Small
            curve r(utilization) = kinked(base: 0%, slope1: 4%)
            curve p(utilization) = steps
              0% -> 1%
              50% -> 2%
            scenario crash
              BTC.price: (-40%)
            assert every asset: (haircut in [0%, 100%])
            measure bp per account = (sum(value where (side == long)) + tier.line)

            """)
    }

    @Test func layoutAndCommentsDoNotChangeTheDump() {
        let tight = Self.policy("class a{x=1;y=2*(3+b)}")
        let loose = Self.policy("// note\nclass a {\n  x = 1   // one\n\n  y = 2 * ( 3 + b )\n}\n")
        #expect(ASTDump.dump(tight) == ASTDump.dump(loose))
    }

    @Test func parenthesesAndGroupingChangeTheDump() {
        #expect(ASTDump.dump(Self.policy("param a = (1 + 2)")) != ASTDump.dump(Self.policy("param a = 1 + 2")))
        #expect(ASTDump.dump(Self.policy("param a = 1 - 2 - 3")) != ASTDump.dump(Self.policy("param a = 1 - (2 - 3)")))
        #expect(ASTDump.dump(Self.policy("param a = 1 USD")) != ASTDump.dump(Self.policy("param a = 1")))
    }

    @Test func adornerTextFollowsEachExpression() {
        let policy = Self.policy("param a = max(x, 2%)")
        guard case .param(_, let value) = policy.declarations.first?.kind else {
            Issue.record("expected a param")
            return
        }
        let dumped = ASTDump.dump(value) { id in "~\(id.raw % 2 == 0 ? "E" : "O")" }
        #expect(dumped.contains("x~"))
        #expect(dumped.contains("2%~"))
        #expect(dumped.hasPrefix("max(") && dumped.dropLast(2).hasSuffix(")"))
        #expect(ASTDump.dump(value) == "max(x, 2%)")
    }
}
