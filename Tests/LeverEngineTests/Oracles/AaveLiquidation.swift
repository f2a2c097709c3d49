@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave v3 liquidationCall amounts, to the last unit.

/// The collateral reserve being seized, in the contract's integers.
public struct AaveLiquidationCollateral: Sendable, Hashable {
    /// The borrower's balance, in token units.
    public var balance: UInt128
    /// Oracle price (1e8 per USD).
    public var price: UInt128
    /// Token decimals.
    public var decimals: Int
    /// Liquidation bonus in bps including the principal (10520 = 5.2% bonus).
    public var bonusBps: UInt128
    /// Protocol's share of the bonus in bps.
    public var protocolFeeBps: UInt128
    /// A collateral reserve.
    public init(balance: UInt128, price: UInt128, decimals: Int, bonusBps: UInt128, protocolFeeBps: UInt128) {
        (self.balance, self.price, self.decimals) = (balance, price, decimals)
        (self.bonusBps, self.protocolFeeBps) = (bonusBps, protocolFeeBps)
    }
}

/// What Aave's `liquidationCall` moves.
public struct AaveLiquidationResult: Sendable, Hashable {
    /// Close factor applied, in bps (5000 or 10000).
    public var closeFactorBps: UInt128
    /// Debt repaid, in debt-token units.
    public var debtRepaid: UInt128
    /// Collateral taken from the borrower (liquidator's part plus protocol fee).
    public var collateralSeized: UInt128
    /// Collateral the liquidator receives.
    public var collateralToLiquidator: UInt128
    /// Collateral sent to the treasury.
    public var protocolFee: UInt128
    /// v3.3+: the call would leave less than $1,000 of debt or collateral and reverts.
    public var leavesDust: Bool
    /// v3.3+: debt of this reserve written off because no collateral is left (deficit).
    public var badDebt: UInt128
}

/// Aave v3 `executeLiquidationCall` and `_calculateAvailableCollateralToLiquidate`, per version.
///
/// Rounding per `AaveVersion`: v3.2/v3.3 round half up everywhere; v3.5 floors what the
/// borrower loses to the liquidator and ceils what is owed (see `AaveVersion`).
public enum AaveLiquidation {
    /// The liquidation of `debtToCover` (use `.max` for "as much as allowed"), nil on overflow.
    ///
    /// `account` is the borrower's data before the call (`AaveAccount.data`).
    public static func liquidate(
        collateral: AaveLiquidationCollateral, debt: AaveDebt, debtToCover: UInt128,
        account: AaveAccountData, version: AaveVersion
    ) -> AaveLiquidationResult? {
        guard let debtUnit = AaveAccount.unit(decimals: debt.decimals),
              let collateralUnit = AaveAccount.unit(decimals: collateral.decimals),
              let cap = maxLiquidatableDebt(collateral, collateralUnit, debt, debtUnit, account, version),
              let amounts = collateralToLiquidate(collateral, collateralUnit, debt, debtUnit,
                                                  min(debtToCover, cap.debt), version) else { return nil }
        let seized = amounts.toLiquidator + amounts.fee
        let partial = amounts.debt < debt.balance && seized < collateral.balance
        var dust = false
        if partial && version != .v3_2 {
            let minimum = UInt128(CloseFactor.aaveMinLeftoverUSD) * 100_000_000
            let debtLeft = WadRayMath.mulDiv(debt.balance - amounts.debt, debt.price, debtUnit, .down) ?? .max
            let collateralLeft = WadRayMath.mulDiv(collateral.balance - seized, collateral.price, collateralUnit, .down) ?? .max
            dust = debtLeft < minimum || collateralLeft < minimum
        }
        guard let seizedBase = WadRayMath.mulDiv(amounts.seizedBeforeFee, collateral.price, collateralUnit, .down)
        else { return nil }
        let noCollateralLeft = version != .v3_2 && account.totalCollateralBase == seizedBase
        return AaveLiquidationResult(
            closeFactorBps: cap.factorBps, debtRepaid: amounts.debt, collateralSeized: seized,
            collateralToLiquidator: amounts.toLiquidator, protocolFee: amounts.fee, leavesDust: dust,
            badDebt: noCollateralLeft && debt.balance > amounts.debt ? debt.balance - amounts.debt : 0)
    }

    /// The close-factor cap on the debt repaid, in debt units, and the factor used.
    static func maxLiquidatableDebt(
        _ collateral: AaveLiquidationCollateral, _ collateralUnit: UInt128, _ debt: AaveDebt, _ debtUnit: UInt128,
        _ account: AaveAccountData, _ version: AaveVersion
    ) -> (debt: UInt128, factorBps: UInt128)? {
        let aboveThreshold = account.healthFactorWad > 950_000_000_000_000_000
        let minimum = UInt128(CloseFactor.aaveMinBaseForPartialUSD) * 100_000_000
        switch version {
        case .v3_2:
            let factor: UInt128 = aboveThreshold ? 5_000 : 10_000
            return WadRayMath.percentMul(debt.balance, factor).map { ($0, factor) }
        case .v3_3, .v3_5:
            guard let debtBase = WadRayMath.mulDiv(debt.balance, debt.price, debtUnit, version == .v3_5 ? .up : .down),
                  let collateralBase = WadRayMath.mulDiv(collateral.balance, collateral.price, collateralUnit, .down),
                  let half = WadRayMath.percentMul(account.totalDebtBase, 5_000) else { return nil }
            guard aboveThreshold && collateralBase >= minimum && debtBase >= minimum else { return (debt.balance, 10_000) }
            guard debtBase > half, debt.price > 0 else { return (debt.balance, 5_000) }
            return WadRayMath.mulDiv(half, debtUnit, debt.price, .down).map { ($0, 5_000) }
        }
    }

    /// `_calculateAvailableCollateralToLiquidate` with the version's roundings.
    static func collateralToLiquidate(
        _ collateral: AaveLiquidationCollateral, _ collateralUnit: UInt128, _ debt: AaveDebt, _ debtUnit: UInt128,
        _ debtToCover: UInt128, _ version: AaveVersion
    ) -> (debt: UInt128, seizedBeforeFee: UInt128, toLiquidator: UInt128, fee: UInt128)? {
        let exact = version == .v3_5
        // A bonus below 100% or a fee above 100% is not a valid reserve configuration (and
        // would make the subtractions below underflow), so it is refused like a revert.
        guard collateral.bonusBps >= 10_000, collateral.protocolFeeBps <= 10_000, debt.price > 0 else { return nil }
        guard let (num, numOverflow) = Optional(debt.price.multipliedReportingOverflow(by: debtToCover)), !numOverflow,
              let (den, denOverflow) = Optional(collateral.price.multipliedReportingOverflow(by: debtUnit)), !denOverflow,
              let base = WadRayMath.mulDiv(num, collateralUnit, den, .down),
              let maxCollateral = WadRayMath.mulDiv(base, collateral.bonusBps, 10_000, exact ? .down : .halfUp)
        else { return nil }
        var amount = maxCollateral, debtNeeded = debtToCover
        if maxCollateral > collateral.balance {
            amount = collateral.balance
            let (num2, o1) = collateral.price.multipliedReportingOverflow(by: amount)
            let (den2, o2) = debt.price.multipliedReportingOverflow(by: collateralUnit)
            guard !o1, !o2, let value = WadRayMath.mulDiv(num2, debtUnit, den2, .down),
                  let needed = WadRayMath.mulDiv(value, 10_000, collateral.bonusBps, exact ? .up : .halfUp)
            else { return nil }
            debtNeeded = needed
        }
        guard collateral.protocolFeeBps != 0 else { return (debtNeeded, amount, amount, 0) }
        guard let principal = WadRayMath.mulDiv(amount, 10_000, collateral.bonusBps, exact ? .down : .halfUp),
              let fee = WadRayMath.mulDiv(amount - principal, collateral.protocolFeeBps, 10_000, exact ? .up : .halfUp)
        else { return nil }
        return (debtNeeded, amount, amount - fee, fee)
    }
}
