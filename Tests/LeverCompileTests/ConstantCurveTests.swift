import Testing
import LeverCheck
import LeverSyntax
@testable import LeverCompile

/// `ConstantCurve` (what proofs, plots, `lever doc` and `lever diff` read) must compute the very
/// bits the engine's `CurveKernel` computes: a proof about a curve is only true if it holds for the
/// engine's rounding.
@Suite struct ConstantCurveTests {
    static let shapes: [(ConstantCurve, CurvePlan)] = [
        (.kinked(base: 0.01, slope1: 0.04, kink: 0.8, slope2: 0.6), .kinked(base: 0.01, slope1: 0.04, kink: 0.8, slope2: 0.6)),
        (.kinked(base: 0, slope1: 0.07, kink: 0.45, slope2: 3), .kinked(base: 0, slope1: 0.07, kink: 0.45, slope2: 3)),
        (.points(xs: [0.46, 0.72, 1], ys: [0.07, 0.61, 0]), .points(xs: [0.46, 0.72, 1], ys: [0.07, 0.61, 0])),
        (.points(xs: [0, 0.8, 0.95, 1], ys: [0.02, 0.06, 0.2, 0.5]), .points(xs: [0, 0.8, 0.95, 1], ys: [0.02, 0.06, 0.2, 0.5])),
        (.steps(xs: [0, 0.5, 0.9], ys: [0, 0.0005, 0.0025]), .steps(xs: [0, 0.5, 0.9], ys: [0, 0.0005, 0.0025])),
    ]

    @Test(arguments: 0..<5) func sameBitsAsTheEngine(_ i: Int) {
        let (shape, plan) = Self.shapes[i]
        let kernel = CurveKernel<Double>(plan)
        // A fine grid, both sides of every knot, and beyond the ends.
        let grid = (-20...220).map { Double($0) / 200 } + [0.45, 0.46, 0.72, 0.8, 0.95, 0.9, 0.5].flatMap { [$0.nextDown, $0, $0.nextUp] }
        for x in grid {
            #expect(shape.value(at: x).bitPattern == kernel.value(x).bitPattern, "x = \(x)")
        }
    }

    @Test func foldsPointsStepsAndKinkedBodiesOnly() {
        let parsed = Parser.parse(SourceFile(id: 0, path: "c.lever", text: """
            param top = 50%
            curve a(utilization) = points { 0% -> 2%, 100% -> top }
            curve b(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
            curve c(utilization) = 2 * utilization
            """))
        let symbols = SymbolTable.build(files: [parsed]).0
        let folder = ConstantFolder(symbols: symbols)
        let shapes = ["a", "b", "c"].map { symbols.curve($0).flatMap { ConstantCurve($0.body, folder: folder) } }
        #expect(shapes[0] == .points(xs: [0, 1], ys: [0.02, 0.5]))
        #expect(shapes[1]?.kink == 0.8)
        #expect(shapes[2] == nil)
    }
}
