import Testing
@testable import LeverCompile
@testable import LeverEngine

/// The compiled program's option kernel (used for full revaluation under scenarios) and the
/// formula library's Black–Scholes agree, so eval, explain and scenarios value options alike.
struct OptionKernelTests {
    @Test func kernelMatchesBlackScholesOnAGrid() {
        var compared = 0
        for right in [OptionRight.call, .put] {
            for spot in [0.0, 50, 95, 100, 105, 200] {
                for strike in [80.0, 100, 120] {
                    for years in [-0.1, 0, 1.0 / 365, 0.25, 2] {
                        for vol in [0.0, 0.2, 1.5] {
                            let kernel = OptionKernel.price(isCall: right == .call, spot: spot, strike: strike, years: years, vol: vol)
                            let formula = BlackScholes.valuation(OptionInputs(right: right, spot: spot, strike: strike,
                                                                              years: years, rate: 0, vol: vol)).price
                            #expect(abs(kernel - formula) <= 1e-12 * max(1, abs(formula)), "\(right) S=\(spot) K=\(strike) T=\(years) σ=\(vol)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared == 540)
    }

    /// A call struck at 100, one year, 20% vol, spot 100: N(0.1) × 100 − N(−0.1) × 100 = 7.9655…
    @Test func atTheMoneyCall() {
        #expect(abs(OptionKernel.price(isCall: true, spot: 100, strike: 100, years: 1, vol: 0.2) - 7.965567455405804) < 1e-12)
    }
}
