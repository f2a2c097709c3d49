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
    /// Per interned asset name of the book: its policy asset index, or −1.
    let symbolAsset: [Int32]
    /// The rows' chains, and the chains whose bridge is halted (by policy index): collateral
    /// that would cross a halted bridge cannot be seized where the debt is.
    let chains: BookChains
    let halted: Set<Int>

    /// Quoted prices (what debts are valued at), to weigh what an account owes on each chain.
    let quoted: [Double]

    init(policy: CompiledPolicy, prices: [Double], snapshot: Snapshot<Double>, store: BookStore, haltedChains: [String] = [],
         quoted: [Double] = []) {
        self.quoted = quoted
        chains = BookChains(policy: policy, store: store)
        halted = Set(haltedChains.compactMap { policy.bridge.chains.firstIndex(of: $0) })
        assets = policy.assets
        symbolAsset = store.symbolIndices(in: policy.assets)
        self.prices = prices
        bonus = snapshot.assetOutput("liquidation_bonus", in: policy.plan) ?? [Double](repeating: 0, count: prices.count)
        priority = snapshot.assetOutput("liquidation_priority", in: policy.plan) ?? [Double](repeating: 0, count: prices.count)
    }

    /// - Parameter accountBonus: the margin block's `bonus` for this account, paid on collaterals
    ///   whose asset has no bonus of its own that depends only on the asset.
    /// The plan for account `a` of `store` (the book the planner was made for).
    func plan(_ store: BookStore, account a: Int, closeFactor: Double, accountBonus: Double) -> LiquidationPlanReport {
        var debts: [(asset: Int, amount: Double)] = [], collaterals: [(asset: Int, amount: Double)] = []
        let assetOf = { (row: Int) in Int(symbolAsset[Int(store.asset[row])]) }
        let ledger = halted.isEmpty ? nil : chains.ledger(account: a, assetOf: assetOf, prices: prices, quoted: quoted)
        for row in store.rows(ofAccount: a) where store.kind[row] == .spot {
            let asset = assetOf(row)
            var quantity = store.quantity[row]
            guard asset >= 0, prices[asset] > 0 else { continue }
            // What secures debt on another chain over a halted bridge cannot be seized there.
            if let ledger, quantity > 0, halted.contains(chains.chain(row)) { quantity *= 1 - ledger.crossShare(chains.chain(row)) }
            guard quantity != 0 else { continue }
            if quantity < 0 { debts.append((asset, -quantity)) }
            if quantity > 0 { collaterals.append((asset, quantity)) }
        }
        debts.sort { value($0) > value($1) || (value($0) == value($1) && $0.asset < $1.asset) }
        collaterals.sort { l, r in
            let (pl, pr) = (priority[l.asset].isNaN ? 0 : priority[l.asset], priority[r.asset].isNaN ? 0 : priority[r.asset])
            if pl != pr { return pl < pr }
            return value(l) > value(r) || (value(l) == value(r) && l.asset < r.asset)
        }
        let plan = LiquidationPlan<Double>(
            debts: debts.map { DebtLeg(amount: $0.amount, price: prices[$0.asset]) },
            collaterals: collaterals.map { c in
                let own = bonus[c.asset]
                return CollateralLeg(amount: c.amount, price: prices[c.asset], bonus: own.isNaN ? (accountBonus.isNaN ? 0 : accountBonus) : own)
            },
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
