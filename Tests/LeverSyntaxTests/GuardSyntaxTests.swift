import Testing
@testable import LeverSyntax

/// `guard` declarations: parsing, the canonical layout, and round trips through the formatter.
struct GuardSyntaxTests {
    static func guards(_ text: String) -> ([GuardDecl], [Diagnostic]) {
        let parsed = Parser.parse(SourceFile(id: 0, path: "g.lever", text: text))
        let decls = parsed.policy.declarations.compactMap { d -> GuardDecl? in
            if case .guardrail(let g) = d.kind { return g }
            return nil
        }
        return (decls, parsed.diagnostics)
    }

    @Test func parsesEveryTargetShape() throws {
        let (decls, diagnostics) = Self.guards("""
            guard liquidation_threshold moves at most 5%
            guard borrow_rate.slope2 moves at most 50% relative
            guard param z moves at most 0.1
            guard tier.credit_line moves at most 25% relative
            guard margin.bonus moves at most 1%
            guard WETH.ltv moves at most 250 bps
            """)
        #expect(diagnostics.isEmpty)
        #expect(decls.map(\.target.text) == ["liquidation_threshold", "borrow_rate.slope2", "z", "tier.credit_line",
                                             "margin.bonus", "WETH.ltv"])
        #expect(decls.map(\.isRelative) == [false, true, false, true, false, false])
        #expect(decls.map(\.isParam) == [false, false, true, false, false, false])
        let first = try #require(decls.first)
        guard case .number(let literal) = first.cap.kind else { Issue.record("cap is not a number"); return }
        #expect(literal.unit?.text == "%")
    }

    @Test func guardEndsABlockAndStartsOnItsOwnLine() {
        let (decls, diagnostics) = Self.guards("class c {\n  ltv = 5%\nguard ltv moves at most 1%\n")
        #expect(decls.count == 1)
        #expect(diagnostics.map(\.code) == ["L0113"])  // the unclosed `{`, and nothing else
    }

    @Test func missingPhraseIsReported() {
        let (_, diagnostics) = Self.guards("guard ltv by at most 5%")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "expected `moves at most` after the guarded name, found `by`")
    }

    @Test func missingWordsAreNamed() {
        let (_, diagnostics) = Self.guards("guard ltv moves by 5%")
        #expect(diagnostics.first?.message == "expected `at most` after `moves`, found `by`")
    }

    @Test func missingCapIsReported() {
        let (_, diagnostics) = Self.guards("guard ltv moves at most\n")
        #expect(diagnostics.map(\.code) == [Diagnostic.unexpectedEndCode])
    }

    @Test func formatsCanonically() {
        let parsed = Parser.parse(SourceFile(id: 0, path: "g.lever", text: """
            guard   ltv moves at  most 5 %
            override guard param   z moves at most (0.1)   relative // loose
            guard margin . bonus moves at most 1%
            """))
        #expect(parsed.diagnostics.isEmpty)
        #expect(Formatter.format(parsed) == """
            guard ltv moves at most 5%
            override guard param z moves at most (0.1) relative  // loose
            guard margin.bonus moves at most 1%

            """)
    }

    @Test func roundTripsThroughTheFormatter() {
        let text = """
            policy "g" version "1"
            param z = 2.33
            class c { liquidation_threshold = 80% }
            curve r(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
            tiers by account.score { else -> All { credit_line = 1M USD } }
            // caps
            guard liquidation_threshold moves at most 5%  // points
            guard r.slope2 moves at most 50% relative

            guard param z moves at most 0.1
            guard tier.credit_line moves at most 250k USD
            """
        let formatted = FormatCheck.formatStable(text, path: "g.lever")
        #expect(formatted?.contains("guard tier.credit_line moves at most 250k USD\n") == true)
    }

    @Test func dumpsTheTree() {
        let parsed = Parser.parse(SourceFile(id: 0, path: "g.lever", text: "guard param z moves at most 1 + 1 relative"))
        #expect(ASTDump.dump(parsed.policy) == "guard param z moves at most (1 + 1) relative\n")
    }
}
