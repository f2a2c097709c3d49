@testable import LeverEngine

/// The liquidation plan of a liquidatable account as the reference sees it: spot debts repaid
/// largest value first, spot collaterals seized in `liquidation_priority` order (lower first) then
/// largest value first, capped by the close factor, each collateral paying its asset's
/// `liquidation_bonus` — evaluated for this account, so a margin `bonus` that depends on the
/// account is honoured. The fill arithmetic is the shared `LiquidationPlan` formula.
extension ReferenceEvaluator {
    /// Call after `evaluate(account)` (the account's values are cached).
    func liquidationPlan(_ account: Account, closeFactor: Double) -> LiquidationPlan<Double> {
        let prices = market.inputs["price"] ?? []
        var debts: [(asset: Int, amount: Double)] = [], collaterals: [(asset: Int, amount: Double)] = []
        for case .spot(let s) in account.positions {
            guard let a = assets.firstIndex(of: s.asset), prices[a] > 0 else { continue }
            if s.quantity < 0 { debts.append((a, -s.quantity)) }
            if s.quantity > 0 { collaterals.append((a, s.quantity)) }
        }
        let bonus = assets.indices.map { assetProperty("liquidation_bonus", asset: $0, ReferenceScope(asset: $0)) }
        let priority = assets.indices.map { assetProperty("liquidation_priority", asset: $0, ReferenceScope(asset: $0)) }
        func value(_ leg: (asset: Int, amount: Double)) -> Double { leg.amount * prices[leg.asset] }
        debts.sort { value($0) > value($1) || (value($0) == value($1) && $0.asset < $1.asset) }
        collaterals.sort { l, r in
            if priority[l.asset] != priority[r.asset] { return priority[l.asset] < priority[r.asset] }
            return value(l) > value(r) || (value(l) == value(r) && l.asset < r.asset)
        }
        return LiquidationPlan<Double>(
            debts: debts.map { DebtLeg(amount: $0.amount, price: prices[$0.asset]) },
            collaterals: collaterals.map { CollateralLeg(amount: $0.amount, price: prices[$0.asset], bonus: bonus[$0.asset]) },
            closeFactor: min(max(closeFactor.isNaN ? 0 : closeFactor, 0), 1))
    }
}
