import Testing
@testable import LeverCheck
import LeverSyntax

// MARK: - Shared fixture for the analysis tests

/// A policy parsed from text, with helpers to find declarations and show spans as `line:col`.
struct AnalysisFixture {
    let file: SourceFile
    let policy: Policy
    let parseDiagnostics: [Diagnostic]

    init(_ text: String) {
        file = SourceFile(id: 0, path: "test.lever", text: text)
        let parsed = Parser.parse(file)
        policy = parsed.policy
        parseDiagnostics = parsed.diagnostics
    }

    var tables: [TableDecl] {
        policy.declarations.compactMap { if case .table(let t) = $0.kind { t } else { nil } }
    }

    var curves: [CurveDecl] {
        policy.declarations.compactMap { if case .curve(let c) = $0.kind { c } else { nil } }
    }

    /// `line:col` of a span's start.
    func at(_ span: Span) -> String {
        let (line, column) = file.location(of: span.start)
        return "\(line):\(column)"
    }

    /// The source text a span covers.
    func text(_ span: Span) -> String { file.text(of: span) }

    /// An evaluator where params fold to their values and `input` names give their ranges.
    var evaluator: IntervalEvaluator {
        var params: [String: Expr] = [:], inputs: [String: Interval] = [:]
        for d in policy.declarations {
            switch d.kind {
            case .param(let n, let e): params[n.text] = e
            case .input(let n, let i): inputs[n.text] = i
            default: break
            }
        }
        return Self.evaluator(params: params, inputs: inputs)
    }

    private static func evaluator(params: [String: Expr], inputs: [String: Interval]) -> IntervalEvaluator {
        IntervalEvaluator(name: { e in
            let plain = IntervalEvaluator()
            let key = TableKeyColumn.keyText(e)
            if let p = params[key] { return plain.bounds(p) }
            if let i = inputs[key] { return plain.constantRange(i) }
            return nil
        })
    }

    /// Parses one expression.
    static func expr(_ text: String) -> Expr {
        Parser.parseExpression(SourceFile(id: 0, path: "e", text: text)).0
    }
}

// MARK: - Bounds

@Suite struct BoundsTests {
    let ab = Bounds(1, 2)                                  // [1, 2]
    let cd = Bounds(-3, 4, lowerClosed: false)             // (-3, 4]

    @Test func addAndSubtract() {
        #expect(ab + cd == Bounds(-2, 6, lowerClosed: false))        // (-2, 6]
        #expect(ab - cd == Bounds(-3, 5, upperClosed: false))        // [1-4, 2+3) = [-3, 5)
        #expect(-cd == Bounds(-4, 3, upperClosed: false))
    }

    @Test func multiply() {
        // corners: 1*-3 (open), 1*4, 2*-3 (open), 2*4 → (-6, 8]
        #expect(ab * cd == Bounds(-6, 8, lowerClosed: false))
        // [0, 1] × [1, +∞): 0 is reached (0 × 1), the top is not
        #expect(Bounds(0, 1) * .atLeast(1) == .atLeast(0))
        // [-1, 0) × [2, 3]: 0 is never reached
        #expect(Bounds(-1, 0, upperClosed: false) * Bounds(2, 3) == Bounds(-3, 0, upperClosed: false))
    }

    @Test func divide() {
        #expect(Bounds(1, 2) / Bounds(4, 8) == Bounds(0.125, 0.5))
        #expect(Bounds(1, 2) / Bounds(-1, 1) == .unbounded)          // divisor contains 0
        #expect(Bounds(1, 2) / Bounds(0, 2, lowerClosed: false) == .atLeast(0.5))
        #expect(Bounds(1, 1) / .exactly(0) == .unbounded)
        #expect(Bounds(2, 2) / Bounds(-4, -1) == Bounds(-2, -0.5))
    }

    @Test func minMaxClampAbs() {
        #expect(Bounds.minimum(Bounds(0, 10), Bounds(3, 5)) == Bounds(0, 5))
        #expect(Bounds.maximum(Bounds(0, 10), Bounds(3, 5)) == Bounds(3, 10))
        #expect(Bounds.clamp(Bounds(0, 11.65), .exactly(0.1), .exactly(0.4)) == Bounds(0.1, 0.4))
        #expect(Bounds.clamp(.atLeast(0), .exactly(0.25), .exactly(1)) == Bounds(0.25, 1))
        #expect(Bounds(-3, 2).magnitude == Bounds(0, 3))
        #expect(Bounds(-3, -2).magnitude == Bounds(2, 3))
        #expect(Bounds(-3, 4, lowerClosed: false).magnitude == Bounds(0, 4))
    }

    @Test func sqrtExpLnPower() {
        #expect(Bounds(4, 9).squareRoot == Bounds(2, 3))
        #expect(Bounds(-4, 9).squareRoot == Bounds(0, 3))            // only the defined part
        #expect(Bounds(0, 0).exponential == .exactly(1))
        #expect(Bounds(1, 1).logarithm == .exactly(0))
        #expect(Bounds(0, 1).logarithm == .atMost(0))                // ln 0 = -∞, never reached
        #expect(Bounds.power(Bounds(-2, 3), .exactly(2)) == Bounds(0, 9))
        #expect(Bounds.power(Bounds(-2, 3), .exactly(3)) == Bounds(-8, 27))
        #expect(Bounds.power(Bounds(1, 2), .exactly(-1)) == Bounds(0.5, 1))
        #expect(Bounds.power(Bounds(-1, 2), .exactly(0.5)) == .unbounded)
    }

    @Test func emptinessAndSets() {
        #expect(Bounds(5, 5, upperClosed: false).isEmpty)
        #expect(Bounds(800, 650).isEmpty)
        #expect(!Bounds(5, 5).isEmpty)
        #expect(Bounds(0, 1, upperClosed: false).intersection(Bounds(1, 2)).isEmpty)
        #expect(Bounds(0, 1).intersection(Bounds(1, 2)) == .exactly(1))
        #expect(Bounds(0, 1).hull(Bounds(3, 4, upperClosed: false)) == Bounds(0, 4, upperClosed: false))
        #expect(Bounds(0, 10).contains(Bounds(0, 10, lowerClosed: false)))
        #expect(!Bounds(0, 10, lowerClosed: false).contains(Bounds(0, 10)))
        #expect(Bounds.atLeast(1, closed: true).lowerClosed && !Bounds.atLeast(1).upperClosed)
    }

    @Test func comparisonsAreThreeValued() {
        #expect(Bounds.less(Bounds(0, 1, upperClosed: false), Bounds(1, 2)) == .true)
        #expect(Bounds.less(Bounds(0, 1), Bounds(1, 2)) == .unknown)
        #expect(Bounds.less(Bounds(2, 3), Bounds(0, 2)) == .false)
        #expect(Bounds.compare(.lessEqual, Bounds(0, 1), Bounds(1, 2)) == .true)
        #expect(Bounds.compare(.greater, Bounds(3, 4), Bounds(1, 2)) == .true)
        #expect(Bounds.compare(.equal, .exactly(2), .exactly(2)) == .true)
        #expect(Bounds.compare(.notEqual, Bounds(0, 1), Bounds(2, 3)) == .true)
        #expect(Bounds(0, 1).membership(of: Bounds(0.25, 1)) == .true)
        #expect(Bounds(0, 1).membership(of: Bounds(0.25, 1.2)) == .unknown)
        #expect(Bounds(0, 1).membership(of: .exactly(1.2)) == .false)
        #expect((Truth.true && .unknown) == .unknown && (Truth.false && .unknown) == .false)
        #expect((Truth.true || .unknown) == .true && !Truth.unknown == .unknown)
    }

    @Test func formatting() {
        #expect(ValueFormat.interval(Bounds(5, 5.2, upperClosed: false), unit: "%") == "[500%, 520%)")
        #expect(ValueFormat.interval(Bounds(500, 520, upperClosed: false), unit: nil) == "[500, 520)")
        #expect(ValueFormat.interval(.atLeast(0.8), unit: "%") == "[80%, +∞)")
        #expect(ValueFormat.value(5e6, unit: "USD") == "5M USD")
        #expect(ValueFormat.value(2.0 / 365, unit: "days") == "2 days")
        #expect(ValueFormat.value(0.333333333, unit: nil) == "0.333333")
    }
}

// MARK: - IntervalEvaluator

@Suite struct IntervalEvaluatorTests {
    func eval(_ text: String, vol: Bounds = Bounds(0, 5)) -> Bounds {
        let e = AnalysisFixture.expr(text)
        return IntervalEvaluator(name: { TableKeyColumn.keyText($0) == "vol" ? vol : nil }).bounds(e)
    }

    func truth(_ text: String) -> Truth {
        IntervalEvaluator(name: { TableKeyColumn.keyText($0) == "vol" ? Bounds(0, 5) : nil })
            .truth(AnalysisFixture.expr(text))
    }

    @Test func literalsAndUnits() {
        #expect(eval("2%") == .exactly(0.02))
        #expect(eval("25 bps") == .exactly(0.0025))
        #expect(eval("5M USD") == .exactly(5e6))
        #expect(eval("365 days") == .exactly(1))
    }

    @Test func arithmeticAndBuiltins() {
        #expect(eval("2 * vol + 1") == Bounds(1, 11))
        #expect(eval("clamp(2 * vol, 10%, 40%)") == Bounds(0.1, 0.4))
        #expect(eval("max(5%, vol)") == Bounds(0.05, 5))
        #expect(eval("min(vol, 1, 2)") == Bounds(0, 1))
        #expect(eval("sqrt(vol * vol)") == Bounds(0, 5))
        #expect(eval("abs(-vol)") == Bounds(0, 5))
        #expect(eval("vol ^ 2") == Bounds(0, 25))
        #expect(eval("exp(0)") == .exactly(1))
        #expect(eval("ln(1)") == .exactly(0))
        #expect(eval("floor(2.5)") == .exactly(2))
        #expect(eval("1 / vol") == .unbounded)
        #expect(eval("unknown_thing + 1") == .unbounded)
    }

    @Test func perIfAndAggregates() {
        // 1% per 1M USD of 7M USD above 5M USD = 1% × 2M / 1M = 2%
        #expect(eval("1% per 1M USD of 7M USD above 5M USD") == .exactly(0.02))
        #expect(eval("1% per 1M USD of 3M USD above 5M USD") == .exactly(0))
        #expect(eval("if vol < 10 then 100% else 50%") == .exactly(1))
        #expect(eval("if vol < 1 then 100% else 50%") == Bounds(0.5, 1))
        #expect(eval("sum(vol)") == .atLeast(0))
        #expect(eval("count(positions)") == .atLeast(0))
        #expect(eval("kinked(base: 1%, slope1: 4%, kink: 80%, slope2: 75%)") == Bounds(0.01, 0.8))
    }

    @Test func conditions() {
        #expect(truth("vol in [0, 5]") == .true)
        #expect(truth("vol in [0, 5)") == .unknown)
        #expect(truth("vol > 6") == .false)
        #expect(truth("vol >= 0 and vol <= 5") == .true)
        #expect(truth("vol > 6 or true") == .true)
        #expect(truth("not (vol > 6)") == .true)
        #expect(truth("\"EU\" == \"EU\"") == .true)
        #expect(truth("side == long") == .unknown)
    }

    @Test func deepNestingIsCappedNotCrashed() {
        var e = AnalysisFixture.expr("1")
        for _ in 0..<1_000 { e = Expr(id: e.id, span: e.span, kind: .unary(.negate, e)) }
        #expect(IntervalEvaluator().bounds(e) == .unbounded)
    }
}
