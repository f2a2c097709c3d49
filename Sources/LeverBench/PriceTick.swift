import Lever

/// A one-asset price tick: the asset's price moves by `move` and only the accounts holding it are
/// evaluated again, against the per-asset values recomputed for the new snapshot.
///
/// Which accounts hold which asset is an index a live system keeps as the book changes, so the
/// holders' columns (and the baseline's flat arrays) are built outside the timed region, from the
/// ticked snapshot; the timed region is the same as for the whole book, over the holders only.
/// For spot books that is exact: no position column depends on a price (option rows would).
public struct PriceTick: Sendable, Equatable {
    /// The asset whose price moves, and by how much (0.01 is +1 %).
    public var asset: String
    public var move: Double

    /// A tick of `asset` by `move`.
    public init(asset: String, move: Double = 0.01) {
        self.asset = asset
        self.move = move
    }

    /// Why the tick cannot run on this policy and market, or nil.
    public func problem(policy: CompiledPolicy, market: MarketSnapshot) -> String? {
        guard let quote = market[asset], (quote.price ?? 0) > 0 else { return "--tick \(asset): the market has no price for it" }
        guard policy.assets.contains(asset) else { return "--tick \(asset): the policy does not declare it" }
        return nil
    }

    /// The snapshot after the tick.
    public func apply(to market: MarketSnapshot) -> MarketSnapshot {
        var assets = market.assets
        for i in assets.indices where assets[i].symbol == asset {
            assets[i].price = assets[i].price.map { $0 * (1 + move) }
        }
        return MarketSnapshot(asOf: market.asOf, assets: assets, venues: market.venues)
    }

    /// The accounts holding the asset, in book order.
    public func holders(in book: Book) -> Book {
        Book(accounts: book.accounts.filter { account in account.positions.contains { $0.asset == asset } })
    }
}
