import LeverCheck
import LeverSyntax

/// The remedies a policy offers an account that is not healthy, from its `remedy` declarations:
/// `remedy top_up in USDC, USDT` (top-ups in those assets only), `remedy repay` (repaying a
/// debt), `remedy reduce in USDC` (reducing a perpetual or an option, the realised profit or loss settled in
/// USDC). A kind not declared is not offered.
public struct RemedyOffer: Sendable, Hashable {
    /// The assets a top-up may be in, as declared; empty when top-ups are not offered.
    public var topUpAssets: [String]
    public var repay: Bool
    /// The asset a reduction's realised profit or loss is settled in; nil when reductions are
    /// not offered.
    public var reduceSettlement: String?

    /// The band each underlying's delta is hedged back to, as a share of its gross notional;
    /// nil when hedges are not offered.
    public var hedgeBand: Double?

    public init(topUpAssets: [String], repay: Bool, reduceSettlement: String? = nil, hedgeBand: Double? = nil) {
        self.topUpAssets = topUpAssets
        self.repay = repay
        self.reduceSettlement = reduceSettlement
        self.hedgeBand = hedgeBand
    }

    /// The offer `symbols` declare; nil when they declare no remedy.
    init?(_ symbols: SymbolTable) {
        let declared = symbols.symbols(.remedy).compactMap { symbol -> RemedyDecl? in
            guard case .remedy(let remedy) = symbol.declaration.kind else { return nil }
            return remedy
        }
        guard !declared.isEmpty else { return nil }
        var assets: [String] = []
        for remedy in declared where remedy.kind.text == "top_up" {
            for asset in remedy.assets where !assets.contains(asset.text) { assets.append(asset.text) }
        }
        let fold = ConstantFolder(symbols: symbols)
        self.init(topUpAssets: assets, repay: declared.contains { $0.kind.text == "repay" },
                  reduceSettlement: declared.first { $0.kind.text == "reduce" }?.assets.first?.text,
                  hedgeBand: declared.first { $0.band != nil }?.band.flatMap(fold.fold))
    }
}
