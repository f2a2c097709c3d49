import Testing
import LeverCheck
import LeverSyntax

/// `Checker.check(expression:in:)`: a free expression typed against a checked policy.
@Suite struct ExpressionCheckTests {
    static let policy = Checker.check(source: """
        param z = 2.33
        param horizon = 2 days
        class major { haircut = clamp(z * vol * sqrt(horizon), 10%, 40%) }
        asset BTC : major
        measure gross per account = sum(notional)
        """, path: "p.lever")

    @Test func aConstantIsAnAccountLevelRatio() throws {
        let probe = Checker.check(expression: "z * sqrt(horizon)", in: Self.policy)
        #expect(probe.isValid)
        #expect(probe.level == .account)
        #expect(probe.type?.description == "years^1/2")
        #expect(probe.checked.symbols.measure(Checker.probeName) != nil)
    }

    @Test func aPerPositionValueIsCheckedPerPosition() {
        let probe = Checker.check(expression: "z * vol", in: Self.policy)
        #expect(probe.isValid)
        #expect(probe.level == .position)
        #expect(probe.type?.dimension == .volatility)
    }

    @Test func measuresAndAggregatesTypeAtAccountLevel() {
        let probe = Checker.check(expression: "gross / 1M USD + count(positions)", in: Self.policy)
        #expect(probe.isValid)
        #expect(probe.level == .account)
        #expect(probe.type == .number(.none))
    }

    /// Errors point into the expression's own file, at the column typed, not into the policy.
    @Test func diagnosticsPointIntoTheExpression() throws {
        let probe = Checker.check(expression: "z + 1 USD", in: Self.policy)
        let error = try #require(probe.diagnostics.first)
        #expect(error.code == "L0304")
        let file = try #require(probe.checked.sources.file(error.primary.span.file))
        #expect(file.path == "<input>")
        let (line, column) = file.location(of: error.primary.span.start)
        #expect(line == 1 && column == 3)
        #expect(probe.type == nil)
    }

    @Test func aSyntaxErrorIsADiagnosticOfTheInput() {
        let probe = Checker.check(expression: "z * (2", in: Self.policy)
        #expect(!probe.isValid)
        #expect(probe.diagnostics.allSatisfy { $0.primary.span.file == probe.file })
    }

    /// The probe's name cannot be written in Lever, so a policy's own `it` or `value` is safe, and
    /// the policy the probe was checked in is left as it was.
    @Test func theProbeClashesWithNothingAndLeavesThePolicyAlone() {
        let base = Checker.check(source: "param it = 1\nmeasure value per account = it * 2\n", path: "p.lever")
        let probe = Checker.check(expression: "value + it", in: base)
        #expect(probe.isValid)
        #expect(base.symbols.measure(Checker.probeName) == nil)
        #expect(base.sources.files.count + 1 == probe.checked.sources.files.count)
    }

    @Test func anEmptyPolicyStillTypesLiterals() {
        let probe = Checker.check(expression: "2 * 500k USD", in: Checker.check(source: "", path: "<repl>"))
        #expect(probe.isValid)
        #expect(probe.type == .number(.money))
    }
}
