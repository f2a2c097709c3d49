import Foundation
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The engine's standard results, written out as plain loops over the account's positions.
extension ReferenceEvaluator {
    /// Position values computed from inputs and rules.
    func derivedField(_ field: String, _ scope: ReferenceScope) -> Double {
        guard let p = scope.position else { return .nan }
        let row = positions[p]
        let kind = row.field("kind")
        switch field {
        case "notional":
            // spot at the price after the oracle rule; derivatives at the mark (the quote unless given)
            let x = row.quantity * marketInput(kind == 0 ? "price" : "mark_price", scope)
            return x < 0 ? 0 - x : x
        case "pnl":
            // perpetuals at the mark: the `zero` oracle rule writes down collateral only
            return kind == 1 ? row.quantity * (marketInput("mark_price", scope) - row.field("entry_price")) : 0
        case "funding":
            // longs pay a positive yearly rate on their marked value, over the horizon
            return kind == 1 ? row.quantity * marketInput("mark_price", scope) * marketInput("funding_rate", scope) * horizon : 0
        case "option_value":
            guard kind == 2 else { return 0 }
            // full revaluation at the (possibly shocked) price, volatility, rate and yield
            return row.quantity * (optionValuation(scope)["price"] ?? .nan)
        case "market_value":
            if kind == 0 { return row.quantity * marketInput("price", scope) }
            // (perpetuals: their PnL at the mark; options: their value)
            return kind == 1 ? derivedField("pnl", scope) : derivedField("option_value", scope)
        case "effective_haircut":
            // haircut × (1 − tier discount), kept within [0, 1]
            let discounted = property("haircut", scope) * (1 - tierDiscount(scope))
            return Self.minimum(Self.maximum(discounted, 0), 1)
        case "collateral_value":
            // a position worth 0 counts 0 whatever its (possibly undefined) haircut
            let notional = derivedField("notional", scope)
            let value = notional == 0 ? 0 : notional * (1 - derivedField("effective_haircut", scope))
            return kind == 0 && row.side > 0 ? value : 0
        case "debt_value":
            // debts at the quoted price: a stale price zeroes collateral only
            return kind == 0 && row.side < 0 ? abs(row.quantity * marketInput("quoted_price", scope)) : 0
        case "requirement_notional":
            return kind == 0 ? 0 : derivedField("notional", scope)
        default: return .nan
        }
    }

    func tierDiscount(_ scope: ReferenceScope) -> Double {
        guard let table = symbols.table("tier"),
              table.rows.contains(where: { $0.body.contains { $0.name.text == "haircut_discount" } }) else { return 0 }
        return tableField("tier", "haircut_discount", scope)
    }

    /// A standard account result, unless a policy measure of that name replaces it.
    func standardResult(_ name: String, _ scope: ReferenceScope) -> Double {
        if symbols.measure(name) != nil { return measure(name, scope) }
        let own = ReferenceScope(scenario: scope.scenario)
        return memo(Self.key("result", name, own)) { standardBody(name, own) }
    }

    private func standardBody(_ name: String, _ scope: ReferenceScope) -> Double {
        switch name {
        case "gross_value":
            return sum(scope) { s in
                let row = positions[s.position!]
                return row.field("kind") == 0 && row.side > 0 ? derivedField("notional", s) : 0
            }
        case "collateral": return sum(scope) { derivedField("collateral_value", $0) }
        case "debt": return sum(scope) { derivedField("debt_value", $0) }
        case "unrealised_pnl": return sum(scope) { derivedField("pnl", $0) }
        case "options_value": return sum(scope) { derivedField("option_value", $0) }
        case "equity":
            let held = standardResult("collateral", scope)
                + (standardResult("unrealised_pnl", scope) + standardResult("options_value", scope))
            return held - standardResult("debt", scope)
        case "initial_requirement", "maintenance_requirement":
            let rate = name == "initial_requirement" ? "initial" : "maintenance"
            return sum(scope) { derivedField("requirement_notional", $0) * setting(.margin, rate, $0) }
        case "credit_line":
            return symbols.table("tier") == nil ? 0 : tableFieldOrZero("tier", "credit_line", scope)
        case "health": return health(scope)
        case "margin_ratio":
            let maintenance = standardResult("maintenance_requirement", scope)
            return maintenance <= 0 ? .infinity : Self.divide(standardResult("equity", scope), maintenance)
        case "interest": return interest(scope)
        case "worst_scenario_loss":
            return scenarioOutputs(scope).first { $0.name == "worst_scenario_loss" }?.value ?? 0
        default: return .nan
        }
    }

    /// (Σ collateral value × liquidation threshold + PnL + options + credit line) ÷ (debt + maintenance);
    /// +∞ when nothing is owed.
    func health(_ scope: ReferenceScope) -> Double {
        let weighted = sum(scope) { p -> Double in
            let value = derivedField("collateral_value", p)
            return value == 0 ? 0 : value * property("liquidation_threshold", p)
        }
        let extras = standardResult("unrealised_pnl", scope)
            + (standardResult("options_value", scope) + standardResult("credit_line", scope))
        let owed = standardResult("debt", scope) + standardResult("maintenance_requirement", scope)
        return owed <= 0 ? .infinity : Self.divide(weighted + extras, owed)
    }

    /// Σ debt × growth: compounded per second ((1 + r / secondsPerYear)^seconds − 1) unless the
    /// margin block says `taylor` (three terms of the binomial series) or `linear` (r × years).
    func interest(_ scope: ReferenceScope) -> Double {
        let secondsPerYear = 31_536_000.0
        var method = "compound"
        if let item = symbols.settingsBody(.margin)?.last(where: { $0.name.text == "interest_accrual" }),
           case .name(let word) = item.value.kind {
            method = word
        }
        return sum(scope) { s in
            let r = property("borrow_rate", s)
            let x = Self.divide(r, secondsPerYear), n = horizon * secondsPerYear
            let growth: Double
            switch method {
            case "linear": growth = r * horizon
            case "taylor": growth = n * x + n * max(n - 1, 0) * x * x / 2 + n * max(n - 1, 0) * max(n - 2, 0) * x * x * x / 6
            default: growth = expm1(log1p(x) * n)
            }
            return derivedField("debt_value", s) * growth
        }
    }
}

extension ReferenceEvaluator {
    /// The position's option valued in the scope's (possibly shocked) market: full revaluation at
    /// the quoted price, volatility, rate and yield; its price and Greeks by name.
    func optionValuation(_ scope: ReferenceScope) -> [String: Double] {
        guard let p = scope.position else { return [:] }
        let row = positions[p]
        let option = OptionInputs(right: row.field("right") == 0 ? .call : .put, spot: marketInput("quoted_price", scope),
                                  strike: row.field("strike"), years: row.field("expiry"),
                                  rate: marketInput("risk_free_rate", scope),
                                  dividendYield: marketInput("dividend_yield", scope), vol: marketInput("vol", scope))
        let v = BlackScholes.valuation(option)
        return ["price": v.price, "delta": v.delta, "gamma": v.gamma, "vega": v.vega, "theta": v.theta, "rho": v.rho,
                "dividend_rho": v.dividendRho]
    }
}
