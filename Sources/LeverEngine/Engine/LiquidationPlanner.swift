import LeverCompile

/// Plans the liquidation of a liquidatable account from its spot positions.
///
/// Debts are repaid largest value first; collaterals are seized in the policy's order
/// (`liquidation_priority`, lower first), then largest value first; the close factor caps the
/// share of debt repaid, each collateral pays its asset's `liquidation_bonus` (or the margin
/// block's `bonus`), and what the collateral cannot cover once it is all seized is bad debt.
struct LiquidationPlanner {
    let assets: [String]
    let prices: [Double]
    let bonus: [Double]
    let priority: [Double]

    init(policy: CompiledPolicy, prices: [Double], snapshot: Snapshot<Double>) {
        assets = policy.assets
        self.prices = prices
        bonus = snapshot.assetOutput("liquidation_bonus", in: policy.plan) ?? [Double](repeating: 0, count: prices.count)
        priority = snapshot.assetOutput("liquidation_priority", in: policy.plan) ?? [Double](repeating: 0, count: prices.count)
    }

    func plan(for account: Account, closeFactor: Double) -> LiquidationPlanReport {
        let index = Dictionary(assets.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var debts: [(asset: Int, amount: Double)] = [], collaterals: [(asset: Int, amount: Double)] = []
        for case .spot(let s) in account.positions {
            guard let a = index[s.asset], prices[a] > 0 else { continue }
            if s.quantity < 0 { debts.append((a, -s.quantity)) }
            if s.quantity > 0 { collaterals.append((a, s.quantity)) }
        }
        debts.sort { value($0) > value($1) || (value($0) == value($1) && $0.asset < $1.asset) }
        collaterals.sort { l, r in
            if priority[l.asset] != priority[r.asset] { return priority[l.asset] < priority[r.asset] }
            return value(l) > value(r) || (value(l) == value(r) && l.asset < r.asset)
        }
        let plan = LiquidationPlan<Double>(
            debts: debts.map { DebtLeg(amount: $0.amount, price: prices[$0.asset]) },
            collaterals: collaterals.map { CollateralLeg(amount: $0.amount, price: prices[$0.asset], bonus: bonus[$0.asset]) },
            closeFactor: min(max(closeFactor.isNaN ? 0 : closeFactor, 0), 1))
        let steps = plan.steps.map { step in
            LiquidationPlanReport.Step(
                repayAsset: assets[debts[step.debtIndex].asset], repayAmount: step.fill.debtRepaid,
                seizeAsset: assets[collaterals[step.collateralIndex].asset], seizeAmount: step.fill.collateralSeized,
                bonus: step.fill.bonus)
        }
        return LiquidationPlanReport(closeFactor: closeFactor, steps: steps, debtRepaidValue: plan.debtRepaidValue,
                                     collateralSeizedValue: plan.collateralSeizedValue, badDebt: plan.badDebtValue)
    }

    private func value(_ leg: (asset: Int, amount: Double)) -> Double { leg.amount * prices[leg.asset] }
}
