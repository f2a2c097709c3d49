@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave v3 GenericLogic account data, to the last unit.

/// One collateral reserve of an Aave account, in the contract's integers.
public struct AaveCollateral: Sendable, Hashable {
    /// Balance in the token's smallest units.
    public var balance: UInt128
    /// Oracle price in base-currency units (1e8 per USD).
    public var price: UInt128
    /// Token decimals (the unit is 10^decimals).
    public var decimals: Int
    /// Loan-to-value in bps.
    public var ltvBps: UInt128
    /// Liquidation threshold in bps.
    public var liquidationThresholdBps: UInt128

    /// A collateral reserve.
    public init(balance: UInt128, price: UInt128, decimals: Int, ltvBps: UInt128, liquidationThresholdBps: UInt128) {
        self.balance = balance
        self.price = price
        self.decimals = decimals
        self.ltvBps = ltvBps
        self.liquidationThresholdBps = liquidationThresholdBps
    }
}

/// One debt reserve of an Aave account, in the contract's integers.
public struct AaveDebt: Sendable, Hashable {
    /// Debt in the token's smallest units.
    public var balance: UInt128
    /// Oracle price in base-currency units.
    public var price: UInt128
    /// Token decimals.
    public var decimals: Int

    /// A debt reserve.
    public init(balance: UInt128, price: UInt128, decimals: Int) {
        self.balance = balance
        self.price = price
        self.decimals = decimals
    }
}

/// Aave's `calculateUserAccountData` results.
public struct AaveAccountData: Sendable, Hashable {
    /// Σ collateral value in base currency (each leg rounded down).
    public var totalCollateralBase: UInt128
    /// Σ debt value in base currency (rounded down before v3.5, up from v3.5).
    public var totalDebtBase: UInt128
    /// Value-weighted LTV in bps (integer division: rounded down).
    public var averageLtvBps: UInt128
    /// Value-weighted liquidation threshold in bps (rounded down).
    public var averageLiquidationThresholdBps: UInt128
    /// Health factor in wad; `UInt128.max` (Aave: `type(uint256).max`) when there is no debt.
    public var healthFactorWad: UInt128
    /// `max(0, collateral × avg LTV − debt)` in base currency.
    public var availableBorrowsBase: UInt128

    /// Whether the health factor is the no-debt sentinel.
    public var healthFactorIsInfinite: Bool { healthFactorWad == .max }
}

/// Aave v3 `GenericLogic.calculateUserAccountData` without e-mode or isolation.
///
/// Aave averages the thresholds with an integer division before applying them
/// (`total.percentMul(avgLT).wadDiv(debt)`), which can differ from `Σ v·lt ÷ debt` in the last
/// digits; mirroring that is the point of the exact mode, so this is not the generic formula.
public enum AaveAccount {
    /// The account data, or nil on overflow.
    public static func data(collateral: [AaveCollateral], debt: [AaveDebt], version: AaveVersion) -> AaveAccountData? {
        var total: UInt128 = 0, ltvSum: UInt128 = 0, thresholdSum: UInt128 = 0, debtTotal: UInt128 = 0
        for leg in collateral {
            guard let unit = unit(decimals: leg.decimals),
                  let value = WadRayMath.mulDiv(leg.balance, leg.price, unit, .down) else { return nil }
            guard let t = add(total, value), let l = multiplyAdd(ltvSum, value, leg.ltvBps),
                  let h = multiplyAdd(thresholdSum, value, leg.liquidationThresholdBps) else { return nil }
            (total, ltvSum, thresholdSum) = (t, l, h)
        }
        for leg in debt {
            guard let unit = unit(decimals: leg.decimals),
                  let value = WadRayMath.mulDiv(leg.balance, leg.price, unit, version == .v3_5 ? .up : .down)
            else { return nil }
            guard let d = add(debtTotal, value) else { return nil }
            debtTotal = d
        }
        let avgLtv = total == 0 ? 0 : ltvSum / total
        let avgThreshold = total == 0 ? 0 : thresholdSum / total
        guard let borrowPower = WadRayMath.percentMul(total, avgLtv),
              let weighted = WadRayMath.percentMul(total, avgThreshold) else { return nil }
        let health = debtTotal == 0 ? UInt128.max : WadRayMath.wadDiv(weighted, debtTotal)
        guard let health else { return nil }
        return AaveAccountData(
            totalCollateralBase: total, totalDebtBase: debtTotal, averageLtvBps: avgLtv,
            averageLiquidationThresholdBps: avgThreshold, healthFactorWad: health,
            availableBorrowsBase: borrowPower > debtTotal ? borrowPower - debtTotal : 0)
    }

    /// `a + b`, nil on overflow.
    static func add(_ a: UInt128, _ b: UInt128) -> UInt128? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// `sum + a × b`, nil on overflow.
    static func multiplyAdd(_ sum: UInt128, _ a: UInt128, _ b: UInt128) -> UInt128? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : add(sum, product)
    }

    /// `10^decimals`, nil above 36 decimals.
    public static func unit(decimals: Int) -> UInt128? {
        guard (0...36).contains(decimals) else { return nil }
        return DecimalText.multiply(1, byPowerOfTen: decimals)
    }
}
