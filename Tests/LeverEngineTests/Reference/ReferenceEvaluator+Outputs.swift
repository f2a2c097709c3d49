import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The report's outputs, their kinds and the scenario shocks.
extension ReferenceEvaluator {
    static let standardNames = [
        "credit_line", "gross_value", "collateral", "debt", "unrealised_pnl", "options_value", "equity",
        "initial_requirement", "maintenance_requirement", "health", "margin_ratio", "interest",
    ]
    static let statusWords = ["healthy", "margin_call", "liquidatable"]

    /// Every output of the current account, in report order: the tier, the standard results,
    /// status, close factor, scenario losses, then the policy's other account measures.
    func outputs() -> [(name: String, value: Double, kind: OutputKind)] {
        let top = ReferenceScope()
        var out: [(name: String, value: Double, kind: OutputKind)] = []
        if let tiers = symbols.table("tier") {
            out.append(("tier", tableRow("tier", top), .label(tiers.rows.map(\.label.text))))
        }
        for name in Self.standardNames {
            let value = standardResult(name, top)
            out.append((name, value, kind(of: name)))
        }
        if symbols.measure("status") != nil {
            out.append(("status", measure("status", top), kind(of: "status")))
        } else {
            let liquidate = setting(.margin, "liquidate", top), call = setting(.margin, "margin_call", top)
            let status: Double = liquidate.isNaN ? .nan : liquidate != 0 ? 2 : call.isNaN ? .nan : call != 0 ? 1 : 0
            out.append(("status", status, .label(Self.statusWords)))
        }
        out.append(("close_factor", setting(.margin, "close_factor", top), .number(.none)))
        out.append(("bonus", setting(.margin, "bonus", top), .number(.none)))
        out += scenarioOutputs()
        for symbol in symbols.symbols(.measure) where !out.contains(where: { $0.name == symbol.name }) {
            guard let m = symbols.measure(symbol.name), m.level == .account else { continue }
            let value = measure(symbol.name, top)
            out.append((symbol.name, value, kind(of: symbol.name)))
        }
        return out
    }

    func kind(of name: String) -> OutputKind {
        if let m = symbols.measure(name), let type = checked.types[m.value] {
            switch type {
            case .bool: return .flag
            case .string: return .label(strings)
            case .label(let table): return .label(symbols.table(table)?.rows.map(\.label.text) ?? [])
            case .number(let d): return .number(d)
            default: return .number(.none)
            }
        }
        return ["health", "margin_ratio", "close_factor", "bonus"].contains(name) ? .number(.none) : .number(.money)
    }

    /// Per scenario, equity lost against the snapshot; the worst of them, never below 0.
    func scenarioOutputs(_ scope: ReferenceScope = ReferenceScope()) -> [(name: String, value: Double, kind: OutputKind)] {
        let scenarios = symbols.symbols(.scenario)
        guard !scenarios.isEmpty else { return [] }
        let base = standardResult("equity", scope)
        var worst = 0.0, code = 0.0
        var losses: [(name: String, value: Double, kind: OutputKind)] = []
        for (s, symbol) in scenarios.enumerated() {
            var loss = base - standardResult("equity", ReferenceScope(scenario: s))
            // a `weight: w` entry counts w of the loss
            if case .scenario(_, let shocks) = symbol.declaration.kind,
               let w = shocks.last(where: { $0.target.text == "weight" }).flatMap({ ConstantFolder(symbols: symbols).fold($0.value) }) {
                loss = loss * w
            }
            // the first scenario with the largest loss names it; an unknown loss leaves it unknown
            code = loss.isNaN || worst.isNaN ? .nan : (loss > worst ? Double(s + 1) : code)
            worst = Self.maximum(worst, loss)
            losses.append(("loss_\(symbol.name)", loss, .number(.money)))
        }
        let names = ["none"] + scenarios.map(\.name)
        // a policy's own `worst_scenario_loss` measure is what is reported under that name
        let reported = symbols.measure("worst_scenario_loss") != nil ? measure("worst_scenario_loss", scope) : worst
        return [("worst_scenario_loss", reported, .number(.money)), ("worst_scenario", code, .label(names))] + losses
    }

    /// Per scenario and asset, the relative shock on price and on vol: the most specific target
    /// wins (the asset, then its class and the class's ancestors from nearest, then `all`, `price`
    /// or `vol` for every asset).
    /// Per scenario, per shockable market input, per asset: the factor it multiplies the input by.
    static func shockFactors(symbols: SymbolTable, assets: [String], classes: [String]) -> [[String: [Double]]] {
        let fold = ConstantFolder(symbols: symbols)
        let inputs = ["price", "vol", "risk_free_rate", "dividend_yield", "funding_rate", "open_interest", "volume"] + symbols.declaredMarketInputs
        return symbols.symbols(.scenario).map { symbol in
            guard case .scenario(_, let shocks) = symbol.declaration.kind else {
                return Dictionary(uniqueKeysWithValues: inputs.map { ($0, [Double](repeating: 1, count: assets.count)) })
            }
            func factor(_ a: Int, input: String) -> Double {
                let targets = [assets[a]] + symbols.classChain(classes[a]).map(\.name.text).reversed() + ["all"]
                for target in targets {
                    // `price: -20%` shocks every price as `vol: +50%` shocks every vol; a bare
                    // asset or class shocks its price.
                    let names = (input == "price" ? [target] : []) + [target + "." + input] + (target == "all" ? [input] : [])
                    if let shock = shocks.last(where: { names.contains($0.target.text) }) {
                        return 1 + (fold.fold(shock.value) ?? 0)
                    }
                }
                return 1
            }
            // A perpetual's mark moves with the price unless a shock names the mark itself.
            func explicitMark(_ a: Int) -> Double? {
                let targets = [assets[a]] + symbols.classChain(classes[a]).map(\.name.text).reversed() + ["all"]
                for target in targets {
                    let names = [target + ".mark_price"] + (target == "all" ? ["mark_price"] : [])
                    if let shock = shocks.last(where: { names.contains($0.target.text) }) { return 1 + (fold.fold(shock.value) ?? 0) }
                }
                return nil
            }
            var factors = Dictionary(uniqueKeysWithValues: inputs.map { input in (input, assets.indices.map { factor($0, input: input) }) })
            factors["mark_price"] = assets.indices.map { explicitMark($0) ?? factor($0, input: "price") }
            return factors
        }
    }
}
