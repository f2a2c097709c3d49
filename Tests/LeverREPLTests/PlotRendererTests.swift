import Foundation
import Testing
import LeverTestSupport
@testable import LeverREPL

@Suite struct PlotRendererTests {
    static func sample(_ f: (Double) -> Double, columns: Int = 41) -> [Double] {
        (0..<columns).map { f(Double($0) / Double(columns - 1)) }
    }

    static let cases: [(String, Plot, Int)] = [
        ("kinked", Plot(title: "borrow_rate(utilization)",
                        samples: sample { Builtins.kinkedValue(base: 0, slope1: 0.04, kink: 0.8, slope2: 0.75, at: $0) },
                        kink: 0.8), 8),
        ("linear", Plot(title: "2 * x", samples: sample { 2 * $0 }, format: .plain), 4),
        ("flat", Plot(title: "5%", samples: sample { _ in 0.05 }), 3),
        ("steps", Plot(title: "fee(utilization)", samples: sample { $0 < 0.5 ? 0 : $0 < 0.9 ? 0.0005 : 0.0025 }), 5),
    ]

    @Test(arguments: cases) func golden(_ name: String, _ plot: Plot, _ height: Int) {
        let text = PlotRenderer(height: height).render(plot)
        assertGolden(actual: text, path: goldenPath("plot/\(name).txt"))
    }

    @Test func nothingFiniteSaysSo() {
        #expect(PlotRenderer().render(Plot(title: "f", samples: [.nan, .infinity])) == "f: nothing to plot\n")
    }

    @Test func sessionPlotsAPolicyCurve() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        guard case .output(let text) = session.handle(.input(":plot house_rate")) else {
            Issue.record("no plot"); return
        }
        #expect(text.hasPrefix("house_rate(utilization)\n50% ┤"))
    }

    @Test func plotOfANonCurveIsAnError() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        guard case .diagnostics(let text) = session.handle(.input(":plot nope(x)")) else {
            Issue.record("expected diagnostics"); return
        }
        #expect(text.contains("<input>:1:1"))
    }
}
