import Testing
@testable import LeverCheck
import LeverSyntax

@Suite struct CurveAnalysisTests {
    func check(_ text: String) -> (AnalysisFixture, [Diagnostic]) {
        let f = AnalysisFixture(text)
        #expect(f.parseDiagnostics.isEmpty, "\(f.parseDiagnostics.map(\.message))")
        guard let curve = f.curves.first else { return (f, []) }
        return (f, CurveAnalysis.check(curve, evaluator: f.evaluator))
    }

    @Test func wellFormedCurvesAreClean() {
        #expect(check("curve r(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }").1.isEmpty)
        #expect(check("curve r(utilization) = steps { 0% -> 1%, 50% -> 2%, 90% -> 10% }").1.isEmpty)
        #expect(check("curve r(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)").1.isEmpty)
        #expect(check("curve r(utilization) = 1% + 10% * utilization ^ 2").1.isEmpty)
    }

    @Test func pointsOutOfOrder() {
        let (f, d) = check("curve r(utilization) = points { 0% -> 0%, 90% -> 5%, 80% -> 6%, 100% -> 9% }")
        #expect(d.count == 1)
        #expect(d[0].code == "L0501" && d[0].severity == .error)
        #expect(d[0].message == "point at utilization 80% comes after one at 90%")
        #expect(f.at(d[0].primary.span) == "1:54" && f.text(d[0].primary.span) == "80%")
        #expect(d[0].secondary.map { f.text($0.span) } == ["90%"])
    }

    @Test func repeatedX() {
        let (_, d) = check("curve r(utilization) = points { 0% -> 0%, 50% -> 5%, 50% -> 6%, 100% -> 9% }")
        #expect(d.map(\.message) == ["two points at utilization 50%"])
    }

    @Test func rateCurveDecreases() {
        let (f, d) = check("curve r(utilization) = points { 0% -> 0%, 80% -> 5%, 90% -> 3%, 100% -> 60% }")
        #expect(d.count == 1)
        #expect(d[0].code == "L0502" && d[0].severity == .error)
        #expect(d[0].message == "rate curve decreases between 80% and 90%")
        #expect(f.text(d[0].primary.span) == "90% -> 3%" && d[0].primary.message == "falls to 3%")
        #expect(d[0].secondary.map { f.text($0.span) } == ["80% -> 5%"])
        #expect(d[0].secondary.first?.message == "from 5% here")
    }

    @Test func nonRateCurvesMayDecrease() {
        #expect(check("curve discount(score) = points { 0 -> 10%, 1000 -> 0% }").1.isEmpty)
    }

    @Test func coverageOfUtilization() {
        let (f, d) = check("curve r(utilization) = points { 10% -> 1%, 90% -> 5% }")
        #expect(d.map(\.code) == ["L0503", "L0503"])
        #expect(d.map(\.message) == ["rate curve is undefined for utilization in [0%, 10%)",
                                     "rate curve is undefined for utilization in (90%, 100%]"])
        #expect(d.map { f.text($0.primary.span) } == ["10% -> 1%", "90% -> 5%"])
        #expect(d.map(\.help) == ["add a point at 0%", "add a point at 100%"])
    }

    @Test func stepsHoldTheLastValue() {
        let (_, d) = check("curve r(utilization) = steps { 20% -> 1%, 90% -> 5% }")
        #expect(d.map(\.message) == ["rate curve is undefined for utilization in [0%, 20%)"])
    }

    @Test func kinkedValues() {
        let (f, d) = check("curve r(utilization) = kinked(base: -1%, slope1: -4%, kink: 100%, slope2: 75%)")
        #expect(d.map(\.code) == ["L0504", "L0504", "L0505"])
        #expect(d.map(\.message) == ["base rate is negative", "`slope1` is negative",
                                     "kink is not strictly between 0% and 100%"])
        #expect(d.map { f.text($0.primary.span) } == ["-1%", "-4%", "100%"])
    }

    @Test func kinkedWithUnknownValueGetsNote() {
        let (f, d) = check("curve r(utilization) = kinked(base: BTC.vol, slope1: 4%, kink: 80%, slope2: 75%)")
        #expect(d.map(\.code) == ["L0506"])
        #expect(d.first?.severity == .note && f.text(d[0].primary.span) == "BTC.vol")
    }

    @Test func sampledExpressionThatFalls() {
        let (f, d) = check("curve r(utilization) = if utilization < 50% then 10% else 5%")
        #expect(d.count == 1)
        #expect(d[0].code == "L0507" && d[0].severity == .warning)
        #expect(d[0].message == "rate curve decreases between 49% and 50%")
        #expect(f.at(d[0].primary.span) == "1:24")
    }

    @Test func expressionDependingOnOtherInputsGetsNote() {
        let (_, d) = check("curve r(utilization) = utilization * price")
        #expect(d.map(\.code) == ["L0509"])
        #expect(d.first?.message == "cannot check that rate curve `r` never decreases")
    }

    @Test func nonConstantPointGetsNote() {
        let (_, d) = check("curve r(utilization) = points { 0% -> price, 100% -> 5% }")
        #expect(d.map(\.code) == ["L0508"])
        #expect(d.first?.message == "cannot check the shape of curve `r`")
    }

    @Test func paramsFoldInPoints() {
        let (_, d) = check("""
            param top = 60%
            curve r(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> top }
            """)
        #expect(d.isEmpty)
    }
}

@Suite struct CurveRangeTests {
    func range(_ text: String, _ argument: Bounds = Bounds(0, 1)) -> Bounds {
        let f = AnalysisFixture(text)
        guard let curve = f.curves.first else { return .empty }
        return CurveAnalysis.range(of: curve, argument: argument, evaluator: f.evaluator)
    }

    @Test func pointsAndStepsGiveTheHullOfTheirValues() {
        #expect(range("curve r(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }") == Bounds(0, 0.6))
        #expect(range("curve r(utilization) = steps { 0% -> 1%, 50% -> 2% }") == Bounds(0.01, 0.02))
    }

    @Test func expressionsAreEvaluatedOverTheArgument() {
        // Not clamped to [0%, 100%]: the engine evaluates `r(2 * utilization)` at 200%, 1% + 20%.
        let wide = range("curve r(utilization) = 1% + 10% * utilization", Bounds(0, 2))
        #expect(abs(wide.lower - 0.01) < 1e-15 && abs(wide.upper - 0.21) < 1e-15)
        #expect(range("curve r(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)")
                    == Bounds(0, 0.79))
    }

    @Test func callsThroughTheEvaluator() {
        let f = AnalysisFixture("curve r(utilization) = points { 0% -> 1%, 100% -> 9% }")
        let curve = f.curves[0]
        var ev = f.evaluator
        let plain = f.evaluator
        ev.function = { name, args in
            name.text == "r" ? CurveAnalysis.range(of: curve, argument: args.first ?? .unbounded, evaluator: plain) : nil
        }
        #expect(ev.truth(AnalysisFixture.expr("r(utilization) <= 10%")) == .true)
    }
}
