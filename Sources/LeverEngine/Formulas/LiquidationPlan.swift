import LeverNumerics
// LeverEngine formulas: liquidating an account's debts against its collaterals in order.

/// A debt the plan may repay: amount in asset units and its price.
public struct DebtLeg<N: MarginNumber>: Sendable, Hashable {
    /// Debt outstanding, in asset units.
    public var amount: N
    /// Price per unit (USD).
    public var price: N
    /// A debt leg.
    public init(amount: N, price: N) { self.amount = amount; self.price = price }
}

/// A collateral the plan may seize: amount, price and the liquidation bonus it pays.
public struct CollateralLeg<N: MarginNumber>: Sendable, Hashable {
    /// Collateral held, in asset units.
    public var amount: N
    /// Price per unit (USD).
    public var price: N
    /// Liquidation bonus (0.05 for 5%).
    public var bonus: N
    /// A collateral leg.
    public init(amount: N, price: N, bonus: N) { self.amount = amount; self.price = price; self.bonus = bonus }
}

/// One step of a plan: which debt is repaid with which collateral.
public struct LiquidationStep<N: MarginNumber>: Sendable, Hashable {
    /// Index into the debts given to the plan.
    public var debtIndex: Int
    /// Index into the collaterals given to the plan.
    public var collateralIndex: Int
    /// The amounts of this step.
    public var fill: LiquidationFill<N>
}

/// A liquidation plan: the steps in order, the totals, and the bad debt left.
///
/// Debts are repaid in the order given, each from the collaterals in the order given, until
/// the close factor's share of the total debt value is repaid or the collateral runs out.
/// Bad debt is the debt value still owed once every collateral is seized (Aave v3.3+ writes it
/// off as a deficit); while collateral remains, unrepaid debt is not bad debt.
public struct LiquidationPlan<N: MarginNumber>: Sendable, Hashable {
    /// The steps, in execution order.
    public var steps: [LiquidationStep<N>]
    /// Σ debt repaid × price.
    public var debtRepaidValue: N
    /// Σ collateral seized × price.
    public var collateralSeizedValue: N
    /// Debt value left with no collateral behind it.
    public var badDebtValue: N

    /// Plans the liquidation of `debts` against `collaterals` under `closeFactor` (0…1).
    ///
    /// Runs at most `debts.count + collaterals.count` steps: each step exhausts a debt, a
    /// collateral or the close-factor budget.
    public init(debts: [DebtLeg<N>], collaterals: [CollateralLeg<N>], closeFactor: N) {
        var debtLeft = debts.map(\.amount), collateralLeft = collaterals.map(\.amount)
        var totalDebt = N.zero
        for debt in debts { totalDebt = totalDebt + debt.amount * debt.price }
        var budget = totalDebt * closeFactor
        var (i, j) = (0, 0)
        var plan = LiquidationPlan(steps: [], debtRepaidValue: .zero, collateralSeizedValue: .zero, badDebtValue: .zero)
        while i < debts.count && j < collaterals.count && budget > .zero {
            let cover = N.minimum(debtLeft[i], budget / debts[i].price)
            let fill = Liquidation.fill(debtToCover: cover, debtPrice: debts[i].price, collateralPrice: collaterals[j].price,
                                        bonus: collaterals[j].bonus, availableCollateral: collateralLeft[j])
            if fill.debtRepaid > .zero { plan.record(LiquidationStep(debtIndex: i, collateralIndex: j, fill: fill), debts, collaterals) }
            debtLeft[i] = debtLeft[i] - fill.debtRepaid
            collateralLeft[j] = collateralLeft[j] - fill.collateralSeized
            budget = budget - fill.debtRepaid * debts[i].price
            if fill.cappedByCollateral || collateralLeft[j] <= .zero { j += 1 } else { i += 1 }
        }
        if collateralLeft.allSatisfy({ $0 <= .zero }) {
            for (k, debt) in debts.enumerated() { plan.badDebtValue = plan.badDebtValue + debtLeft[k] * debt.price }
        }
        self = plan
    }

    /// Appends a step and adds it to the totals.
    mutating func record(_ step: LiquidationStep<N>, _ debts: [DebtLeg<N>], _ collaterals: [CollateralLeg<N>]) {
        steps.append(step)
        debtRepaidValue = debtRepaidValue + step.fill.debtRepaid * debts[step.debtIndex].price
        collateralSeizedValue = collateralSeizedValue + step.fill.collateralSeized * collaterals[step.collateralIndex].price
    }

    /// Memberwise, for the planner's accumulator.
    init(steps: [LiquidationStep<N>], debtRepaidValue: N, collateralSeizedValue: N, badDebtValue: N) {
        self.steps = steps
        self.debtRepaidValue = debtRepaidValue
        self.collateralSeizedValue = collateralSeizedValue
        self.badDebtValue = badDebtValue
    }
}
