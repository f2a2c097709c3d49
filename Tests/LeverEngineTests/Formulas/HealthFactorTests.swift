import Testing
@testable import LeverEngine

@Suite("Health factor, margin ratio and status")
struct HealthFactorTests {
    /// Reserves of an Aave reference account: params by symbol; USDC (not listed) has 6 decimals.
    static func account(_ i: JSONValue) throws -> (collateral: [AaveCollateral], debt: [AaveDebt]) {
        let params = Dictionary(uniqueKeysWithValues: i["params"].array.map { ($0["symbol"].string ?? "", $0) })
        let collateral = try i["collateral"].array.map { leg in
            let p = try need(params[leg["asset"].string ?? ""])
            let decimals = try need(p["decimals"].int)
            return AaveCollateral(balance: units(leg["amount"].string ?? "", decimals: decimals),
                                  price: units(leg["price_usd"].string ?? "", decimals: 8), decimals: decimals,
                                  ltvBps: try need(p["ltv_bps"].uint), liquidationThresholdBps: try need(p["lt_bps"].uint))
        }
        let debt = i["debt"].array.map { leg in
            let decimals = params[leg["asset"].string ?? ""]?["decimals"].int ?? 6
            return AaveDebt(balance: units(leg["amount"].string ?? "", decimals: decimals),
                            price: units(leg["price_usd"].string ?? "", decimals: 8), decimals: decimals)
        }
        return (collateral, debt)
    }

    @Test(arguments: ReferenceVector.of(kind: "health_factor"))
    func vector(_ v: ReferenceVector) throws {
        let (collateral, debt) = try Self.account(v.inputs)
        for version in AaveVersion.allCases {
            let data = try need(AaveAccount.data(collateral: collateral, debt: debt, version: version))
            let e = v.expected
            if let want = e["totalCollateralBase_1e8"].uint { #expect(data.totalCollateralBase == want) }
            if let want = e["totalDebtBase_1e8"].uint { #expect(data.totalDebtBase == want) }
            if let want = e["avgLtv_bps"].uint { #expect(data.averageLtvBps == want) }
            if let want = e["avgLiquidationThreshold_bps"].uint { #expect(data.averageLiquidationThresholdBps == want) }
            if let want = e["availableBorrowsBase_1e8"].uint { #expect(data.availableBorrowsBase == want) }
            if let want = e["healthFactor_wad"].uint { #expect(data.healthFactorWad == want) }
            if e["healthFactor"].string?.hasPrefix("uint256.max") == true { #expect(data.healthFactorIsInfinite) }
        }
        // The generic formula in Double: Σ amount × price × lt ÷ debt value.
        let weighted = collateral.map { (value: Double($0.balance) / pow10($0.decimals) * Double($0.price) / 1e8,
                                         liquidationThreshold: Double($0.liquidationThresholdBps) / 1e4) }
        let debtValue = debt.reduce(0.0) { $0 + Double($1.balance) / pow10($1.decimals) * Double($1.price) / 1e8 }
        let hf = HealthFactor.of(collateral: weighted, debt: debtValue)
        if let want = v.expected["healthFactor_wad"].uint { #expect(close(hf, Double(want) / 1e18, 1e-12)) }
        else { #expect(hf == .infinity) }
    }

    func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }

    @Test func noDebtIsInfinite() {
        #expect(HealthFactor.of(weightedCollateral: 17_200.0, debt: 0) == .infinity)
        #expect(HealthFactor.of(weightedCollateral: Wad(17_200), debt: .zero).isInfinite)
        #expect(AccountStatus.of(health: Double.infinity, liquidateBelow: 1, marginCallBelow: 1.1) == .healthy)
        #expect(AccountStatus.of(health: Wad.infinity, liquidateBelow: .one, marginCallBelow: .one, trigger: .atOrBelow) == .healthy)
    }

    @Test func zeroCollateral() {
        // No collateral, debt 500: 0 / 500 = 0 → liquidatable.
        #expect(HealthFactor.of(weightedCollateral: 0.0, debt: 500) == 0)
        #expect(AccountStatus.of(health: 0.0, liquidateBelow: 1, marginCallBelow: 1.1) == .liquidatable)
        // No collateral, no debt: nothing owed → infinite, healthy.
        #expect(HealthFactor.of(weightedCollateral: 0.0, debt: 0) == .infinity)
    }

    @Test func twoCollateralsByHand() {
        // (20,000 × 0.86 + 30,000 × 0.82) / 25,000 = (17,200 + 24,600) / 25,000 = 1.672
        let legs: [(value: Wad, liquidationThreshold: Wad)] = [(Wad(20_000), Wad(bps: 8600)), (Wad(30_000), Wad(bps: 8200))]
        #expect(HealthFactor.of(collateral: legs, debt: Wad(25_000)) == Wad(decimal: "1.672")!)
    }

    @Test func exactlyAtThreshold() {
        // Strict `<` (Aave: liquidatable iff HF < 1e18): exactly 1.0 is not liquidatable, one wei below is.
        #expect(AccountStatus.of(health: Wad.one, liquidateBelow: .one, marginCallBelow: Wad(decimal: "1.1")!) == .marginCall)
        #expect(AccountStatus.of(health: Wad(raw: 999_999_999_999_999_999), liquidateBelow: .one,
                                 marginCallBelow: Wad(decimal: "1.1")!) == .liquidatable)
        // `≤` when a policy asks for it: exactly 1.0 is liquidatable, one wei above is not.
        #expect(AccountStatus.of(health: Wad.one, liquidateBelow: .one, marginCallBelow: .one, trigger: .atOrBelow) == .liquidatable)
        #expect(AccountStatus.of(health: Wad(raw: 1_000_000_000_000_000_001), liquidateBelow: .one,
                                 marginCallBelow: .one, trigger: .atOrBelow) == .healthy)
        // Margin call band: exactly 1.1 is healthy under `<`, just below is a margin call.
        #expect(AccountStatus.of(health: 1.1, liquidateBelow: 1.0, marginCallBelow: 1.1) == .healthy)
        #expect(AccountStatus.of(health: 1.1.nextDown, liquidateBelow: 1.0, marginCallBelow: 1.1) == .marginCall)
        // A health that cannot be computed never passes as healthy.
        #expect(AccountStatus.of(health: Double.nan, liquidateBelow: 1, marginCallBelow: 1.1) == .liquidatable)
        #expect(AccountStatus.of(health: Wad.invalid, liquidateBelow: .one, marginCallBelow: .one) == .liquidatable)
    }

    @Test func marginRatio() {
        #expect(MarginRatio.of(equity: 150.0, maintenance: 100) == 1.5)     // 150 / 100
        #expect(MarginRatio.of(equity: -50.0, maintenance: 100) == -0.5)    // negative equity
        #expect(MarginRatio.of(equity: 10.0, maintenance: 0) == .infinity)  // nothing to maintain
        #expect(MarginRatio.of(equity: Wad(3), maintenance: Wad(2)) == Wad(decimal: "1.5")!)
    }
}
