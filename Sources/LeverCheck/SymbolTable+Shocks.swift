import LeverSyntax

extension SymbolTable {
    /// The entry of a scenario block that is its weight, not a shock: `weight: 35%`.
    public static let scenarioWeight = "weight"

    /// The share of a scenario's loss that counts: its `weight` entry (the last, if several),
    /// else 1. Checked to be a constant in [0, 1], so it always folds.
    public func scenarioWeight(_ shocks: [Shock]) -> Double {
        guard let entry = shocks.last(where: { $0.target.text == Self.scenarioWeight }) else { return 1 }
        return ConstantFolder(symbols: self).fold(entry.value) ?? 1
    }

    /// The factor a scenario's relative shocks multiply an asset's market `input` (one of
    /// `Vocabulary.shockableInputs`) by: the most specific target wins (the asset, then its class
    /// and the class's ancestors from nearest, then every asset); nil when no shock names the
    /// asset. `BTC` and `major` shock prices; `BTC.vol`, `major.vol` and bare `vol` shock a named
    /// input. The compiler's scenario results and the REPL's `:shock` both use it, so a what-if
    /// moves the market exactly as a scenario does.
    ///
    /// A perpetual's `mark_price` follows the price unless a shock names the mark itself
    /// (`BTC.mark_price: -12%`, a basis move), which then wins for that asset: the one place the
    /// compiled scenario, `MarketSnapshot.shocked` and so `:shock` and `lever eval --scenario`
    /// learn it.
    ///
    /// Shock values are checked to be constant ratios, so they always fold.
    public func shockFactor(_ shocks: [Shock], asset: String, assetClass: String, input: String) -> Double? {
        if input == "mark_price" {
            return ownShockFactor(shocks, asset: asset, assetClass: assetClass, input: input)
                ?? ownShockFactor(shocks, asset: asset, assetClass: assetClass, input: "price")
        }
        return ownShockFactor(shocks, asset: asset, assetClass: assetClass, input: input)
    }

    /// The factor of the shocks that name `input` itself.
    private func ownShockFactor(_ shocks: [Shock], asset: String, assetClass: String, input: String) -> Double? {
        let fold = ConstantFolder(symbols: self)
        let targets = [asset] + classChain(assetClass).map(\.name.text).reversed() + ["all"]
        for target in targets {
            let names = (input == "price" ? [target] : []) + [target + "." + input] + (target == "all" ? [input] : [])
            if let shock = shocks.last(where: { names.contains($0.target.text) }) {
                return 1 + (fold.fold(shock.value) ?? 0)
            }
        }
        return nil
    }
}
