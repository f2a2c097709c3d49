import LeverSyntax

extension SymbolTable {
    /// The factor a scenario's relative shocks multiply an asset's market `input` (one of
    /// `Vocabulary.shockableInputs`) by: the most specific target wins (the asset, then its class
    /// and the class's ancestors from nearest, then every asset); nil when no shock names the
    /// asset. `BTC` and `major` shock prices; `BTC.vol`, `major.vol` and bare `vol` shock a named
    /// input. The compiler's scenario results and the REPL's `:shock` both use it, so a what-if
    /// moves the market exactly as a scenario does.
    ///
    /// Shock values are checked to be constant ratios, so they always fold.
    public func shockFactor(_ shocks: [Shock], asset: String, assetClass: String, input: String) -> Double? {
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
