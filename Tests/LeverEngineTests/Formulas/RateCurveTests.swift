import Testing
@testable import LeverEngine

@Suite("Interest-rate curves")
struct RateCurveTests {
    // MARK: - Reference vectors

    @Test(arguments: ReferenceVector.of(kind: "interest_rate_curve"))
    func vector(_ v: ReferenceVector) throws {
        if v.id.hasPrefix("aave.") { try aave(v) }
        else if v.id.hasPrefix("compound.v2.") { try compoundV2(v) }
        else if v.id.hasPrefix("comet.") { try comet(v) }
        else { Issue.record("no reproduction for \(v.id)") }
    }

    /// Aave v3.2 `DefaultReserveInterestRateStrategyV2`: exact rays through the generic formulas on `Ray`.
    func aave(_ v: ReferenceVector) throws {
        let i = v.inputs
        let bps = { (key: String) in Ray(bps: i[key].int ?? -1) }
        let curve = KinkedRate(base: bps("baseVariableBorrowRate_bps"), slope1: bps("variableRateSlope1_bps"),
                               kink: bps("optimalUsageRatio_bps"), slope2: bps("variableRateSlope2_bps"))
        let debt = try need(i["totalDebt"].uint)
        let available = try need(i["virtualUnderlyingBalance"].uint) + (i["liquidityAdded"].uint ?? 0)
            - (i["liquidityTaken"].uint ?? 0)
        let unbacked = i["unbacked"].uint ?? 0
        // Usage ratios are quotients of two token amounts: scale-free, so raw wei go in as Ray(raw:).
        let borrowUsage = Utilization.aave(totalDebt: Ray(raw: Int128(debt)), availableLiquidity: Ray(raw: Int128(available)))
        let supplyUsage = Utilization.of(borrowed: Ray(raw: Int128(debt)), supplied: Ray(raw: Int128(available + debt + unbacked)))
        let borrow = curve.rate(at: borrowUsage)
        let supply = SupplyRate.from(borrowRate: borrow, utilization: supplyUsage, reserveFactor: bps("reserveFactor_bps"))
        #expect(try borrow.raw == Int128(need(v.expected["currentVariableBorrowRate_ray"].uint)))
        #expect(try supply.raw == Int128(need(v.expected["currentLiquidityRate_ray"].uint)))
        // The fast mode agrees to double precision.
        let fast = KinkedRate(base: curve.base.doubleValue, slope1: curve.slope1.doubleValue,
                              kink: curve.kink.doubleValue, slope2: curve.slope2.doubleValue)
        #expect(close(fast.rate(at: borrowUsage.doubleValue), borrow.doubleValue, 1e-15))
    }

    /// Compound v2 JumpRateModel (v1): per-year in Double, and per block in truncating wad.
    func compoundV2(_ v: ReferenceVector) throws {
        let i = v.inputs
        let pct = { (key: String) in try need(i[key].double) / 100 }
        let curve = JumpRate(base: try pct("baseRatePerYear_pct"), multiplier: try pct("multiplierPerYear_pct"),
                             kink: try pct("kink_pct"), jumpMultiplier: try pct("jumpMultiplierPerYear_pct"))
        let blocks = try need(i["blocksPerYear"].uint)
        let perBlock = { (x: Double) in Wad(raw: Int128(UInt128(x * 1e18) / blocks)) }
        let exact = JumpRate(base: perBlock(curve.base), multiplier: perBlock(curve.multiplier),
                             kink: Wad(approximating: curve.kink), jumpMultiplier: perBlock(curve.jumpMultiplier))
        let expected = v.expected["borrowRatePerYear_pct"].array.compactMap(\.double)
        let utilizations = i["utilization_pct"].array.compactMap(\.int)
        try need(expected.count == utilizations.count)
        for (u, want) in zip(utilizations, expected) {
            #expect(close(curve.rate(at: Double(u) / 100) * 100, want, 0.01), "u = \(u)%")
            let perYear = exact.rate(at: Wad(ratio: u, 100), rounding: .down).doubleValue * Double(blocks)
            #expect(close(perYear * 100, want, 0.01), "per block, u = \(u)%")
        }
    }

    /// Comet: separate supply and borrow curves, per second with truncating `mulFactor`.
    func comet(_ v: ReferenceVector) throws {
        let i = v.inputs
        let u = try need(i["utilization"].double)
        for side in ["supply", "borrow"] {
            let get = { (key: String) in try need(i[side + key].double) }
            let curve = JumpRate(base: try get("Base"), multiplier: try get("SlopeLow"),
                                 kink: try get("Kink"), jumpMultiplier: try get("SlopeHigh"))
            let want = try need(v.expected[side + "RatePerYear"].double)
            #expect(close(curve.rate(at: u), want, 1e-10), "\(side) per year")
            // Per second: each parameter is per-year wad ÷ 31,536,000, truncated; result back ×31,536,000.
            let perSecond = { (x: Double) in Wad(raw: Int128(UInt128(Wad(approximating: x).raw) / 31_536_000)) }
            let exact = JumpRate(base: perSecond(curve.base), multiplier: perSecond(curve.multiplier),
                                 kink: Wad(approximating: curve.kink), jumpMultiplier: perSecond(curve.jumpMultiplier))
            let yearly = exact.rate(at: Wad(approximating: u), rounding: .down).raw * 31_536_000
            #expect(abs(yearly - Wad(approximating: want).raw) <= 100_000_000, "\(side) per second: \(yearly)")
        }
    }

    // MARK: - Hand-worked

    /// Lever's example curve kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%).
    @Test func kinkedBothSegmentsAndEnds() {
        let curve = KinkedRate(base: 0.0, slope1: 0.04, kink: 0.8, slope2: 0.75)
        #expect(curve.rate(at: 0) == 0)                                   // u = 0: base
        #expect(close(curve.rate(at: 0.4), 0.02, 1e-15))                  // 0.04 × 0.4 / 0.8 = 0.02
        #expect(close(curve.rate(at: 0.8), 0.04, 1e-15))                  // at the kink: base + slope1
        #expect(curve.segment(at: 0.8) == 0)                              // the kink belongs to the lower segment
        #expect(close(curve.rate(at: 0.9), 0.415, 1e-15))                 // 0.04 + 0.75 × 0.1/0.2 = 0.415
        #expect(close(curve.rate(at: 1.0), 0.79, 1e-15))                  // u = 100%: 0.04 + 0.75 = 0.79
        #expect(KinkedRate(base: 0.01, slope1: 0.04, kink: 0.0, slope2: 0.5).rate(at: 0) == 0.01) // kink 0: no 0/0
    }

    @Test func jumpRateIsMultiplierPerUnit() {
        // base 2% + 10%·u to the kink 80%, then +100% per unit: u = 0.9 → 0.02 + 0.08 + 0.1 = 0.2.
        let curve = JumpRate(base: 0.02, multiplier: 0.1, kink: 0.8, jumpMultiplier: 1.0)
        #expect(close(curve.rate(at: 0.5), 0.07, 1e-15))                  // 0.02 + 0.1 × 0.5
        #expect(close(curve.rate(at: 0.9), 0.2, 1e-15))
    }

    @Test func utilizationZeroAndFull() {
        #expect(Utilization.of(borrowed: 0.0, supplied: 0.0) == 0)          // empty pool: 0, not NaN
        #expect(Utilization.of(borrowed: 5.0, supplied: 0.0) == 0)          // no supply: 0, not +∞
        #expect(Utilization.of(borrowed: 0.0, supplied: 100.0) == 0)        // utilization 0
        #expect(Utilization.of(borrowed: 25.0, supplied: 100.0) == 0.25)    // 25 / 100
        #expect(Utilization.of(borrowed: 100.0, supplied: 100.0) == 1)      // utilization 100%
        #expect(Utilization.of(borrowed: 120.0, supplied: 100.0) == 1)      // clamped
        #expect(Utilization.of(borrowed: Wad(100), supplied: Wad(100)) == .one)
        // Aave at 100%: no liquidity left, debt 1: 1 / (0 + 1) = 1 → rate = 1% + 4% + 60% = 65%.
        let full = Utilization.aave(totalDebt: Ray(1), availableLiquidity: .zero)
        #expect(KinkedRate(base: Ray(bps: 100), slope1: Ray(bps: 400), kink: Ray(bps: 8000), slope2: Ray(bps: 6000))
            .rate(at: full) == Ray(bps: 6500))
    }

    @Test func supplyRate() {
        // 5% borrow × 80% utilization × (1 − 10%) = 0.05 × 0.8 × 0.9 = 0.036.
        #expect(close(SupplyRate.from(borrowRate: 0.05, utilization: 0.8, reserveFactor: 0.1), 0.036, 1e-15))
        #expect(SupplyRate.from(borrowRate: Ray(bps: 500), utilization: .zero, reserveFactor: Ray(bps: 1000)) == .zero)
    }

    @Test func pointsAndSteps() throws {
        // points { 0% -> 0%, 90% -> 5%, 100% -> 60% }
        let points = try need(PointsCurve(xs: [0.0, 0.9, 1.0], ys: [0.0, 0.05, 0.6]))
        #expect(close(points.value(at: 0.45), 0.025, 1e-15))              // halfway to 90%: 2.5%
        #expect(close(points.value(at: 0.9), 0.05, 1e-15))
        #expect(close(points.value(at: 0.95), 0.325, 1e-15))              // 0.05 + 0.55 × 0.5
        #expect(points.value(at: 1.0) == 0.6)
        #expect(points.segment(at: 0.95) == 1)
        // steps { 0% -> 1%, 50% -> 3%, 80% -> 10% }: each y holds from its x to the next x.
        let steps = try need(StepsCurve(xs: [0.0, 0.5, 0.8], ys: [0.01, 0.03, 0.1]))
        #expect(steps.value(at: 0.49) == 0.01)
        #expect(steps.value(at: 0.5) == 0.03)
        #expect(steps.value(at: 1.0) == 0.1)
        #expect(PointsCurve(xs: [0.0, 0.5, 0.5], ys: [0.0, 0.1, 0.2]) == nil) // x must strictly increase
        #expect(StepsCurve<Double>(xs: [], ys: []) == nil)
        let curve = RateCurve.points(points)
        #expect(close(curve.rate(at: 0.45), 0.025, 1e-15))
    }
}
