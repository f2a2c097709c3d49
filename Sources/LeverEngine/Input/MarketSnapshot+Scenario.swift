import LeverCheck
import LeverSyntax

extension MarketSnapshot {
    /// The snapshot a scenario's shocks make, moved exactly as the compiled scenario moves the
    /// market it reads (`under(crash, …)`, `loss_crash`): every shockable input of every asset
    /// by `SymbolTable.shockFactor` (a perpetual's given mark with its own shock or else with the
    /// price), declared inputs (`adv_30d`) by name. The REPL's `:shock` is this, so a what-if
    /// and a scenario never disagree.
    ///
    /// A value the file omits stays omitted (a shock does not invent data); a rate or yield the
    /// asset takes from the market (or the default 0) becomes the asset's own, shocked.
    public func shocked(by shocks: [Shock], symbols: SymbolTable) -> MarketSnapshot {
        var out = self
        for shock in shocks {
            if case .name("halt") = shock.value.kind, !out.haltedChains.contains(shock.target.text) {
                out.haltedChains.append(shock.target.text)
            }
        }
        for i in out.assets.indices {
            var quote = out.assets[i]
            let cls = symbols.assetInfo(quote.symbol)?.cls.text ?? quote.classHint ?? ""
            func factor(_ input: String) -> Double? {
                symbols.shockFactor(shocks, asset: quote.symbol, assetClass: cls, input: input)
            }
            let carry = carry(quote)
            if let f = factor("price"), let p = quote.price { quote.price = p * f }
            if let f = factor("vol") { quote.vol *= f }
            if let f = factor("risk_free_rate") { quote.riskFreeRate = carry.rate * f }
            if let f = factor("dividend_yield") { quote.dividendYield = carry.dividendYield * f }
            if let f = factor("mark_price"), let m = quote.perp.markPrice { quote.perp.markPrice = m * f }
            if let f = factor("funding_rate"), let r = quote.perp.fundingRate { quote.perp.fundingRate = r * f }
            if let f = factor("open_interest"), let x = quote.perp.openInterest { quote.perp.openInterest = x * f }
            if let f = factor("volume"), let x = quote.perp.volume { quote.perp.volume = x * f }
            for name in symbols.declaredMarketInputs {
                if let f = factor(name), let x = quote.inputs[name] { quote.inputs[name] = x * f }
            }
            out.assets[i] = quote
        }
        return out
    }
}
