import Testing
@testable import LeverEngine

@Suite("Liquidation")
struct LiquidationTests {
    static let eth = UInt128(1_000_000_000_000_000_000)   // 1 ETH in wei
    static let usd = UInt128(100_000_000)                 // $1 in Aave base units (1e8)

    /// WETH collateral (lt 86%, bonus 5.2%, protocol fee 10% of bonus) against USDC debt.
    static func setup(ethWei: UInt128, ethPrice: UInt128, usdcUnits: UInt128, version: AaveVersion)
        -> (AaveLiquidationCollateral, AaveDebt, AaveAccountData?) {
        let collateral = AaveLiquidationCollateral(balance: ethWei, price: ethPrice * usd, decimals: 18,
                                                   bonusBps: 10_520, protocolFeeBps: 1_000)
        let debt = AaveDebt(balance: usdcUnits, price: usd, decimals: 6)
        let account = AaveAccount.data(
            collateral: [AaveCollateral(balance: ethWei, price: ethPrice * usd, decimals: 18, ltvBps: 8_250, liquidationThresholdBps: 8_600)],
            debt: [debt], version: version)
        return (collateral, debt, account)
    }

    @Test(arguments: ReferenceVector.of(kind: "liquidation"))
    func vector(_ v: ReferenceVector) throws {
        let i = v.inputs
        #expect(i["rounding"].string?.contains("v3.5") == true)
        let (collateral, debt, before) = Self.setup(
            ethWei: units(i["collateral"]["amount"].string ?? "", decimals: 18),
            ethPrice: try need(i["collateral"]["price_usd"].uint),
            usdcUnits: units(i["debt"]["amount"].string ?? "", decimals: 6), version: .v3_5)
        let account = try need(before)
        #expect(account.healthFactorWad == i["healthFactor_wad"].uint)
        let r = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max,
                                                       account: account, version: .v3_5))
        let e = v.expected
        #expect(r.closeFactorBps == e["closeFactor_bps"].uint)
        #expect(r.debtRepaid == e["debtRepaid_usdc_units"].uint)
        #expect(r.collateralSeized == e["collateralSeized_total_wei"].uint)
        #expect(r.collateralToLiquidator == e["collateralToLiquidator_wei"].uint)
        #expect(r.protocolFee == e["protocolFee_wei"].uint)
        #expect(!r.leavesDust && r.badDebt == 0)
        let after = AaveAccount.data(
            collateral: [AaveCollateral(balance: collateral.balance - r.collateralSeized, price: collateral.price,
                                        decimals: 18, ltvBps: 8_250, liquidationThresholdBps: 8_600)],
            debt: [AaveDebt(balance: debt.balance - r.debtRepaid, price: Self.usd, decimals: 6)], version: .v3_5)
        #expect(after?.healthFactorWad == e["hfAfter_wad"].uint)
    }

    @Test func versionsRoundTheFeeDifferently() throws {
        // Same account as the vector under v3.3's half-up rounding:
        // base = 8000e6·1e8·1e18 / (1800e8·1e6) = 4444444444444444444 (floor)
        // seized = percentMul(base, 10520) = (…·10520 + 5000)/1e4 = 4675555555555555555
        // principal = percentDiv(seized, 10520) half up = 4444444444444444444.866… + .5 → …445
        // bonus = 231111111111111110; fee = (bonus·1000 + 5000)/1e4 = 23111111111111111 (v3.5: …112)
        let (collateral, debt, account) = Self.setup(ethWei: 10 * Self.eth, ethPrice: 1800, usdcUnits: 16_000_000_000, version: .v3_3)
        let r = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max,
                                                       account: try need(account), version: .v3_3))
        #expect(r.collateralSeized == 4_675_555_555_555_555_555)
        #expect(r.protocolFee == 23_111_111_111_111_111)
        #expect(r.collateralToLiquidator == 4_652_444_444_444_444_444)
    }

    @Test func closeFactorSwitching() {
        // Contract: 50% only while HF > 0.95, so exactly 0.95 closes in full.
        let big = 10_000.0
        #expect(CloseFactor.aave(version: .v3_3, healthFactor: 0.95, reserveCollateralUSD: big, reserveDebtUSD: big) == 1)
        #expect(CloseFactor.aave(version: .v3_3, healthFactor: 0.95.nextUp, reserveCollateralUSD: big, reserveDebtUSD: big) == 0.5)
        #expect(CloseFactor.aave(version: .v3_3, healthFactor: Wad(raw: 950_000_000_000_000_000),
                                 reserveCollateralUSD: Wad(10_000), reserveDebtUSD: Wad(10_000)) == .one)
        #expect(CloseFactor.aave(version: .v3_3, healthFactor: Wad(raw: 950_000_000_000_000_001),
                                 reserveCollateralUSD: Wad(10_000), reserveDebtUSD: Wad(10_000)) == Wad(bps: 5000))
        // v3.3+: a reserve under $2,000 (debt $1,999.99) is closed in full even at HF 0.99; $2,000 exactly is not dust.
        #expect(CloseFactor.aave(version: .v3_3, healthFactor: 0.99, reserveCollateralUSD: big, reserveDebtUSD: 1_999.99) == 1)
        #expect(CloseFactor.aave(version: .v3_5, healthFactor: 0.99, reserveCollateralUSD: 2_000, reserveDebtUSD: 2_000) == 0.5)
        // v3.2 has no dust rule.
        #expect(CloseFactor.aave(version: .v3_2, healthFactor: 0.99, reserveCollateralUSD: 10, reserveDebtUSD: 10) == 0.5)
        // v3.2: 50% of the reserve's own debt (6,000 → 3,000); v3.3: min(reserve, 50% × total) = min(6,000, 5,000).
        #expect(CloseFactor.maxDebtToCover(version: .v3_2, closeFactor: 0.5, reserveDebtUSD: 6_000, totalDebtUSD: 10_000) == 3_000)
        #expect(CloseFactor.maxDebtToCover(version: .v3_3, closeFactor: 0.5, reserveDebtUSD: 6_000, totalDebtUSD: 10_000) == 5_000)
        #expect(CloseFactor.twoLevel(health: 0.95, fullAtOrBelow: 0.95, partial: 0.5) == 1)
        #expect(CloseFactor.twoLevel(health: 0.96, fullAtOrBelow: 0.95, partial: 0.5) == 0.5)
    }

    @Test func closeFactorSwitchingInTheContract() throws {
        // HF 0.95 exactly → 10000 bps; one wei above → 5000 bps (account data set by hand).
        let (collateral, debt, base) = Self.setup(ethWei: 10 * Self.eth, ethPrice: 1800, usdcUnits: 16_000_000_000, version: .v3_5)
        var account = try need(base)
        account.healthFactorWad = 950_000_000_000_000_000
        #expect(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max, account: account, version: .v3_5)?.closeFactorBps == 10_000)
        account.healthFactorWad += 1
        #expect(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max, account: account, version: .v3_5)?.closeFactorBps == 5_000)
    }

    @Test func dustIsRefusedFromV3_3() throws {
        // 2.2 ETH at $1,000 against 2,000 USDC: HF = 2200 × 0.86 / 2000 = 0.946 ≤ 0.95 → 100%.
        // Repaying 1,500 leaves $500 of debt < $1,000 and collateral remains → v3.3 reverts (dust).
        let (collateral, debt, account) = Self.setup(ethWei: 22 * Self.eth / 10, ethPrice: 1000, usdcUnits: 2_000_000_000, version: .v3_3)
        let data = try need(account)
        #expect(data.healthFactorWad == 946_000_000_000_000_000)
        let r33 = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: 1_500_000_000, account: data, version: .v3_3))
        #expect(r33.closeFactorBps == 10_000 && r33.debtRepaid == 1_500_000_000 && r33.leavesDust)
        let r32 = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: 1_500_000_000, account: data, version: .v3_2))
        #expect(!r32.leavesDust)
    }

    @Test func bonusLargerThanRemainingCollateralLeavesBadDebt() throws {
        // 1 ETH at $1,000 against 2,000 USDC. Covering all: 2 ETH × 1.052 = 2.104 ETH > 1 ETH held.
        // Capped: all 1 ETH seized; debt repaid = $1,000 ÷ 1.052 = 950.570342… USDC
        //   v3.3 percentDiv half up: (1000e6·1e4 + 5260)/10520 = 950570342; v3.5 ceil: 950570343.
        // Fee: principal = (1e18·1e4 + 5260)/10520 = 950570342205323194; bonus = 49429657794676806;
        //   fee = (bonus·1000 + 5000)/1e4 = 4942965779467681; liquidator gets 995057034220532319.
        // No collateral left → bad debt = 2000e6 − 950570342 = 1049429658 USDC units.
        let (collateral, debt, account) = Self.setup(ethWei: Self.eth, ethPrice: 1000, usdcUnits: 2_000_000_000, version: .v3_3)
        let data = try need(account)
        let r = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max, account: data, version: .v3_3))
        #expect(r.collateralSeized == Self.eth)
        #expect(r.debtRepaid == 950_570_342)
        #expect(r.protocolFee == 4_942_965_779_467_681)
        #expect(r.collateralToLiquidator == 995_057_034_220_532_319)
        #expect(r.badDebt == 1_049_429_658)
        let r35 = try need(AaveLiquidation.liquidate(collateral: collateral, debt: debt, debtToCover: .max, account: data, version: .v3_5))
        #expect(r35.debtRepaid == 950_570_343 && r35.badDebt == 1_049_429_657)
    }

    @Test func genericFill() {
        // 1,000 USDC at $1 for ETH at $2,000 with a 5% bonus: 1000 × 1 × 1.05 / 2000 = 0.525 ETH, bonus 0.025 ETH.
        let f = Liquidation.fill(debtToCover: 1_000.0, debtPrice: 1, collateralPrice: 2_000, bonus: 0.05, availableCollateral: 10)
        #expect(close(f.collateralSeized, 0.525, 1e-15) && close(f.bonus, 0.025, 1e-15) && f.debtRepaid == 1_000 && !f.cappedByCollateral)
        // Only 0.21 ETH: all seized, repaid = 0.21 × 2000 / 1.05 = 400.
        let capped = Liquidation.fill(debtToCover: 1_000.0, debtPrice: 1, collateralPrice: 2_000, bonus: 0.05, availableCollateral: 0.21)
        #expect(close(capped.debtRepaid, 400, 1e-12) && capped.collateralSeized == 0.21 && capped.cappedByCollateral)
        // Exact: 1000 × 1.05 / 2000 = 0.525 in wad.
        let w = Liquidation.fill(debtToCover: Wad(1_000), debtPrice: .one, collateralPrice: Wad(2_000), bonus: Wad(bps: 500), availableCollateral: Wad(10))
        #expect(w.collateralSeized == Wad(decimal: "0.525")!)
        // A zero price liquidates nothing rather than dividing by zero.
        #expect(Liquidation.fill(debtToCover: 1.0, debtPrice: 1, collateralPrice: 0, bonus: 0.05, availableCollateral: 1).debtRepaid == 0)
    }

    @Test func planOverSeveralDebtsAndCollaterals() {
        // Debts in order: USDC 1,000, DAI 500 (both $1). Collaterals in order: 0.3 ETH @ $2,000 (5%), 0.01 BTC @ $30,000 (10%).
        // Step 1: USDC vs ETH: 1000 × 1.05 / 2000 = 0.525 > 0.3 → seize 0.3 ETH ($600), repay 600/1.05 = 571.428571…
        // Step 2: USDC rest 428.571… vs BTC: 428.57 × 1.1 / 30000 = 0.0157 > 0.01 → seize 0.01 ($300), repay 300/1.1 = 272.727…
        // Collateral exhausted: bad debt = 1500 − 571.428571 − 272.727273 = 655.844156
        let plan = LiquidationPlan(debts: [DebtLeg(amount: 1_000.0, price: 1), DebtLeg(amount: 500.0, price: 1)],
                                   collaterals: [CollateralLeg(amount: 0.3, price: 2_000, bonus: 0.05),
                                                 CollateralLeg(amount: 0.01, price: 30_000, bonus: 0.1)],
                                   closeFactor: 1)
        #expect(plan.steps.count == 2)
        #expect(plan.steps.map(\.debtIndex) == [0, 0] && plan.steps.map(\.collateralIndex) == [0, 1])
        #expect(close(plan.steps[0].fill.debtRepaid, 600 / 1.05, 1e-9))
        #expect(close(plan.debtRepaidValue, 600 / 1.05 + 300 / 1.1, 1e-9))
        #expect(close(plan.collateralSeizedValue, 900, 1e-9))
        #expect(close(plan.badDebtValue, 655.8441558441559, 1e-9))
        // Close factor 50% with ample collateral: repay 500 of 1,000, seize 500 × 1.05 / 2000 = 0.2625 ETH, no bad debt.
        let partial = LiquidationPlan(debts: [DebtLeg(amount: 1_000.0, price: 1)],
                                      collaterals: [CollateralLeg(amount: 1, price: 2_000, bonus: 0.05)], closeFactor: 0.5)
        #expect(partial.steps.count == 1 && close(partial.steps[0].fill.collateralSeized, 0.2625, 1e-15))
        #expect(partial.badDebtValue == 0 && partial.debtRepaidValue == 500)
        // No collateral at all: nothing to seize, the whole debt is bad debt.
        let empty = LiquidationPlan(debts: [DebtLeg(amount: 100.0, price: 1)], collaterals: [], closeFactor: 1)
        #expect(empty.steps.isEmpty && empty.badDebtValue == 100)
    }
}
