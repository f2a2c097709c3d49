import LeverSyntax

extension SymbolTable {
    /// The factor a scenario's relative shocks multiply an asset's price (or vol) by: the most
    /// specific target wins (the asset, then its class and the class's ancestors from nearest,
    /// then `all`); nil when no shock names the asset. The compiler's scenario results and the
    /// REPL's `:shock` both use it, so a what-if moves the market exactly as a scenario does.
    ///
    /// Shock values are checked to be constant ratios, so they always fold.
    public func shockFactor(_ shocks: [Shock], asset: String, assetClass: String, price: Bool) -> Double? {
        let fold = ConstantFolder(symbols: self)
        let targets = [asset] + classChain(assetClass).map(\.name.text).reversed() + ["all"]
        for target in targets {
            let names = price ? [target, target + ".price"] + (target == "all" ? ["price"] : [])
                              : [target + ".vol"] + (target == "all" ? ["vol"] : [])
            if let shock = shocks.last(where: { names.contains($0.target.text) }) {
                return 1 + (fold.fold(shock.value) ?? 0)
            }
        }
        return nil
    }
}
