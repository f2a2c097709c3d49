import Testing
@testable import LeverEngine

@Suite("Black–Scholes–Merton")
struct BlackScholesTests {
    static func inputs(_ i: VectorJSON, right: OptionRight) throws -> OptionInputs {
        OptionInputs(right: right, spot: try need(i["spot"].double), strike: try need(i["strike"].double),
                     years: try need(i["timeYears"].double), rate: try need(i["rate"].double),
                     dividendYield: i["dividendYield"].double ?? 0, vol: try need(i["vol"].double))
    }

    /// The vector's "call"/"put" word.
    static func right(_ word: String) -> OptionRight? { OptionRight.allCases.first { $0.word == word } }

    @Test(arguments: ReferenceVector.of(kind: "option_price"))
    func priceVector(_ v: ReferenceVector) throws {
        if let type = v.inputs["type"].string {
            let o = try Self.inputs(v.inputs, right: try need(Self.right(type)))
            #expect(try close(BlackScholes.price(o), need(v.expected["value"].double), 1e-4))
        } else {
            let call = try Self.inputs(v.inputs, right: .call), put = try Self.inputs(v.inputs, right: .put)
            let e = v.expected
            #expect(try close(BlackScholes.price(call), need(e["call"].double), 1e-4))
            #expect(try close(BlackScholes.price(put), need(e["put"].double), 1e-4))
            let (d1, d2) = BlackScholes.d1d2(call)
            #expect(try close(d1, need(e["d1"].double), 1e-4) && close(d2, need(e["d2"].double), 1e-4))
            #expect(try close(BlackScholes.price(call), need(e["textbook_rounded"]["call"].double), 0.005))
            #expect(try close(BlackScholes.price(put), need(e["textbook_rounded"]["put"].double), 0.005))
        }
    }

    @Test(arguments: ReferenceVector.of(kind: "option_greek"))
    func greekVector(_ v: ReferenceVector) throws {
        let o = try Self.inputs(v.inputs, right: try need(Self.right(v.inputs["type"].string ?? "")))
        let g = BlackScholes.valuation(o)
        let value: Double? = switch v.inputs["greek"].string {
        case "delta": g.delta
        case "gamma": g.gamma
        case "vega": g.vega
        case "theta": g.theta
        case "rho": g.rho
        default: nil
        }
        #expect(try close(need(value), need(v.expected["value"].double), 1e-4))
    }

    @Test func greeksMatchFiniteDifferences() {
        // Haug's put (S 100, K 95, q 5%, r 10%, T 0.5, σ 20%): each Greek against a central difference.
        let o = OptionInputs(right: .put, spot: 100, strike: 95, years: 0.5, rate: 0.1, dividendYield: 0.05, vol: 0.2)
        let g = BlackScholes.valuation(o), h = 1e-4
        func bumped(_ change: (inout OptionInputs) -> Void) -> Double { var x = o; change(&x); return BlackScholes.price(x) }
        let up = bumped { $0.spot += h }, down = bumped { $0.spot -= h }
        #expect(close(g.delta, (up - down) / (2 * h), 1e-7))
        #expect(close(g.gamma, (up - 2 * g.price + down) / (h * h), 1e-4))
        #expect(close(g.vega, (bumped { $0.vol += h } - bumped { $0.vol -= h }) / (2 * h), 1e-6))
        #expect(close(g.rho, (bumped { $0.rate += h } - bumped { $0.rate -= h }) / (2 * h), 1e-6))
        #expect(close(g.dividendRho, (bumped { $0.dividendYield += h } - bumped { $0.dividendYield -= h }) / (2 * h), 1e-6))
        // Theta is ∂V/∂t as calendar time passes: minus the derivative in time to expiry.
        #expect(close(g.theta, -(bumped { $0.years += h } - bumped { $0.years -= h }) / (2 * h), 1e-6))
        // Put–call parity: C − P = S·e^(−qT) − K·e^(−rT).
        var c = o; c.right = .call
        #expect(close(BlackScholes.price(c) - g.price, 100 * (-0.025).exponentialValue - 95 * (-0.05).exponentialValue, 1e-12))
    }

    @Test func expiredOption() {
        // Settled at intrinsic value: a call struck at 100 with spot 110 is worth 10 and moves
        // one for one with the underlying (delta 1); the put is worth 0 (delta 0); every other Greek is 0.
        let call = BlackScholes.valuation(OptionInputs(right: .call, spot: 110, strike: 100, years: 0, rate: 0.05, vol: 0.3))
        #expect(call == OptionValuation(price: 10, delta: 1, gamma: 0, vega: 0, theta: 0, rho: 0))
        let put = BlackScholes.valuation(OptionInputs(right: .put, spot: 110, strike: 100, years: -0.1, rate: 0.05, vol: 0.3))
        #expect(put.price == 0 && put.delta == 0)
        // In the money a put settles short one unit: delta −1. At the money nothing is exercised: 0.
        let itmPut = BlackScholes.valuation(OptionInputs(right: .put, spot: 90, strike: 100, years: 0, rate: 0.05, vol: 0.3))
        #expect(itmPut.price == 10 && itmPut.delta == -1)
        let atm = BlackScholes.valuation(OptionInputs(right: .call, spot: 100, strike: 100, years: 0, rate: 0.05, vol: 0.3))
        #expect(atm.price == 0 && atm.delta == 0)
    }

    @Test func zeroVolatility() {
        // No diffusion: the discounted forward payoff. Call S 100, K 90, r 5%, T 1:
        // 100 − 90·e^(−0.05) = 100 − 85.61064 = 14.38936; delta 1, gamma 0, vega 0, rho = 90·e^(−0.05) = 85.61064.
        let g = BlackScholes.valuation(OptionInputs(right: .call, spot: 100, strike: 90, years: 1, rate: 0.05, vol: 0))
        #expect(close(g.price, 100 - 90 * (-0.05).exponentialValue, 1e-12))
        #expect(g.delta == 1 && g.gamma == 0 && g.vega == 0)
        #expect(close(g.rho, 90 * (-0.05).exponentialValue, 1e-12))
        #expect(!g.price.isNaN && !g.theta.isNaN)
        // Out of the money at zero vol: worthless.
        #expect(BlackScholes.price(OptionInputs(right: .call, spot: 80, strike: 90, years: 1, rate: 0.05, vol: 0)) == 0)
    }

    @Test func normalDistributionTails() {
        #expect(NormalDistribution.cdf(0) == 0.5)
        #expect(close(NormalDistribution.cdf(1.96), 0.9750021048517795, 1e-15))
        // Φ(−10) = 7.619853024160527e-24: erfc keeps the relative accuracy where 1 + erf would give 0.
        #expect(abs(NormalDistribution.cdf(-10) / 7.619853024160527e-24 - 1) < 1e-14)
        #expect(close(NormalDistribution.pdf(0), 0.3989422804014327, 1e-16))
    }
}
