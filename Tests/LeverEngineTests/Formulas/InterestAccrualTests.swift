import Testing
@testable import LeverEngine

@Suite("Interest accrual")
struct InterestAccrualTests {
    @Test(arguments: ReferenceVector.of(kind: "interest_accrual_linear"))
    func linearVector(_ v: ReferenceVector) throws {
        let rate = try need(v.inputs["rate_ray"].uint), elapsed = try need(v.inputs["elapsed_seconds"].uint)
        #expect(AaveInterest.linearFactor(rateRay: rate, elapsed: elapsed) == v.expected["factor_ray"].uint)
        // Generic on Ray: 1 + 8% × 7 years = 1.56.
        let years = Ray(ratio: Int(elapsed), try need(v.inputs["seconds_per_year"].int))
        #expect(try InterestAccrual.linearFactor(rate: Ray(raw: Int128(rate)), years: years).raw == Int128(need(v.expected["factor_ray"].uint)))
    }

    @Test(arguments: ReferenceVector.of(kind: "interest_accrual_compound"))
    func compoundVector(_ v: ReferenceVector) throws {
        let rate = try need(v.inputs["rate_ray"].uint), elapsed = try need(v.inputs["elapsed_seconds"].uint)
        #expect(AaveInterest.compoundedFactor(rateRay: rate, elapsed: elapsed) == v.expected["factor_ray"].uint)
    }

    @Test func aaveBinomialByHand() {
        // rate = 31,536,000 × 1e18 ray, i.e. x = rate/SPY = 1e-9 per second, n = 10 seconds.
        // basePowerTwo = rayMul(rate, rate) / SPY² = (SPY² × 1e36 / 1e27) / SPY² = 1e9 (x² in ray)
        // basePowerThree = rayMul(1e9, rate) / SPY = (1e9 × SPY × 1e18 / 1e27) / SPY = 1 (x³ in ray)
        // factor = 1e27 + 10 × 1e18 + (10·9·1e9)/2 + (10·9·8·1)/6 = 1e27 + 1e19 + 4.5e10 + 120
        let rate = UInt128(31_536_000) * 1_000_000_000_000_000_000
        let want = UInt128(1_000_000_000_000_000_000_000_000_000) + 10_000_000_000_000_000_000 + 45_000_000_000 + 120
        #expect(AaveInterest.compoundedFactor(rateRay: rate, elapsed: 10) == want)
        // (1 + 1e-9)^10 = 1 + 1e-8 + 4.5e-17 + 1.2e-25 + …: the Double per-second factor agrees.
        #expect(close(InterestAccrual.perSecondFactor(rate: 0.031536, seconds: 10), 1 + 1e-8 + 4.5e-17, 1e-16))
        #expect(AaveInterest.compoundedFactor(rateRay: rate, elapsed: 1) == UInt128(1_000_000_001) * 1_000_000_000_000_000_000)
    }

    @Test func conventionsOrderOverAYear() throws {
        // 8% for one year: linear 1.08 < Aave binomial 1 + .08 + .0032 + .0000853 (≈ 1.0832853)
        //                 < per-second (1 + .08/SPY)^SPY (≈ e^.08 − 1e-10) < continuous e^.08 = 1.0832870677
        let aave = try need(AaveInterest.compoundedFactor(rateRay: 80_000_000_000_000_000_000_000_000, elapsed: 31_536_000))
        let binomial = Double(aave) / 1e27
        let perSecond = InterestAccrual.perSecondFactor(rate: 0.08, seconds: 31_536_000)
        let continuous = InterestAccrual.continuousFactor(rate: 0.08, years: 1.0)
        #expect(close(binomial, 1.0832853333, 1e-9))
        #expect(InterestAccrual.linearFactor(rate: 0.08, years: 1.0) < binomial)
        #expect(binomial < perSecond && perSecond < continuous)
        #expect(close(continuous, 1.0832870676749586, 1e-15))
        #expect(close(perSecond, continuous, 1e-9))
        #expect(InterestAccrual.perSecondFactor(rate: 0.08, seconds: 0) == 1)
        // Interest on 1,000 for the linear 7-year factor 1.56: 1000 × 0.56 = 560 (exact in wad).
        #expect(InterestAccrual.interest(principal: Wad(1000), factor: Wad(decimal: "1.56")!) == Wad(560))
    }
}
