import Testing
@testable import LeverCompile
@testable import LeverEngine

/// The compiled program's option kernel (used for full revaluation under scenarios) and the
/// formula library's Black–Scholes–Merton agree, so eval, explain and scenarios value options alike.
struct OptionKernelTests {
    @Test func kernelMatchesBlackScholesMertonOnAGrid() {
        var compared = 0
        for right in [OptionRight.call, .put] {
            for spot in [0.0, 50, 95, 100, 105, 200] {
                for strike in [80.0, 100, 120] {
                    for years in [-0.1, 0, 1.0 / 365, 0.25, 2] {
                        for vol in [0.0, 0.2, 1.5] {
                            for (rate, yield) in [(0.0, 0.0), (0.1, 0.0), (0.05, 0.03), (-0.01, 0.08)] {
                                let kernel = OptionKernel.value(.price, isCall: right == .call, spot: spot, strike: strike, years: years,
                                                                vol: vol, rate: rate, yield: yield)
                                let formula = BlackScholes.valuation(OptionInputs(right: right, spot: spot, strike: strike, years: years,
                                                                                  rate: rate, dividendYield: yield, vol: vol)).price
                                #expect(abs(kernel - formula) <= 1e-12 * max(1, abs(formula)),
                                        "\(right) S=\(spot) K=\(strike) T=\(years) σ=\(vol) r=\(rate) q=\(yield)")
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared == 2160)
    }

    /// An unknown input gives an unknown value in both, never an intrinsic value: `max(0, .nan)`
    /// is 0, so a missing price used to value a call at nothing and a put at its strike.
    @Test func anUnknownInputIsAnUnknownValue() {
        let inputs: [(spot: Double, vol: Double, rate: Double, yield: Double, years: Double)] = [
            (.nan, 0.2, 0, 0, 1), (100, .nan, 0, 0, 1), (100, 0.2, .nan, 0, 1), (100, 0.2, 0, .nan, 1), (100, 0.2, 0, 0, .nan),
            (.nan, 0.2, 0, 0, -1),  // expired, but the price that settles it is unknown
        ]
        for i in inputs {
            for right in [OptionRight.call, .put] {
                let kernel = OptionKernel.value(.price, isCall: right == .call, spot: i.spot, strike: 100, years: i.years,
                                                vol: i.vol, rate: i.rate, yield: i.yield)
                let v = BlackScholes.valuation(OptionInputs(right: right, spot: i.spot, strike: 100, years: i.years,
                                                            rate: i.rate, dividendYield: i.yield, vol: i.vol))
                #expect(kernel.isNaN, "\(right) \(i)")
                #expect(v.price.isNaN && v.delta.isNaN && v.gamma.isNaN && v.vega.isNaN && v.theta.isNaN
                        && v.rho.isNaN && v.dividendRho.isNaN, "\(right) \(i)")
            }
        }
    }

    /// A call struck at 100, one year, 20% vol, spot 100, no rates: N(0.1) × 100 − N(−0.1) × 100 = 7.9655…
    @Test func atTheMoneyCall() {
        #expect(abs(OptionKernel.value(.price, isCall: true, spot: 100, strike: 100, years: 1, vol: 0.2, rate: 0, yield: 0)
                    - 7.965567455405804) < 1e-12)
    }

    /// Hull's example 15.6 (S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5): call 4.76, put 0.81.
    /// d1 = (ln(42/40) + (0.1 + 0.02) × 0.5) ÷ (0.2 × √0.5) = 0.7693, d2 = 0.6278;
    /// call = 42 × N(0.7693) − 40 e^(−0.05) × N(0.6278) = 4.7594; put = 0.8086.
    @Test func hullsExampleWithARate() {
        let call = OptionKernel.value(.price, isCall: true, spot: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1, yield: 0)
        let put = OptionKernel.value(.price, isCall: false, spot: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1, yield: 0)
        #expect(abs(call - 4.7594) < 5e-5)
        #expect(abs(put - 0.8086) < 5e-5)
    }
}
