import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The market as the reference reads it: per policy asset, its inputs after the oracle rules,
/// and whether accounts holding it are rejected. Built from the raw `MarketSnapshot` with no
/// help from the engine's own preparation.
struct ReferenceMarket {
    /// Per policy asset: price, vol, utilization, supplied, borrowed.
    var inputs: [String: [Double]]
    /// Per policy asset: true when the oracle rule rejects accounts holding it.
    var rejected: [Bool]
    /// Raw quotes, for option valuation (which reads the snapshot as given).
    var snapshot: MarketSnapshot

    init(assets: [String], market: MarketSnapshot, maxPriceAge: Double, maxClockSkew: Double, stalePrice: String,
         emptyPoolUtilization: Double = 0, ranges: [ReferenceRange] = [], declared: [String] = [],
         maxInputAge: Double = .infinity) {
        // A price, vol, rate or yield outside a declared range is no value, for the columns and
        // for option valuation alike; a price so becomes an invalid quote.
        var market = market
        for (i, quote) in market.assets.enumerated() {
            let out = { (input: String, value: Double?) in
                value.map { ReferenceRange.outside(ranges, input, $0, asset: quote.symbol) } ?? false
            }
            if out("price", quote.price) { market.assets[i].price = .nan }
            if out("vol", quote.vol) { market.assets[i].vol = .nan }
            if out("risk_free_rate", quote.riskFreeRate ?? market.riskFreeRate ?? 0) { market.assets[i].riskFreeRate = .nan }
            if out("dividend_yield", quote.dividendYield ?? 0) { market.assets[i].dividendYield = .nan }
        }
        var columns: [String: [Double]] = ["price": [], "quoted_price": [], "vol": [], "utilization": [], "supplied": [],
                                           "borrowed": [], "risk_free_rate": [], "dividend_yield": [], "price_status": [],
                                           "mark_price": [], "funding_rate": [], "open_interest": [], "volume": [],
                                           "previous_close": [], "unbacked": []]
        var rejected: [Bool] = []
        for asset in assets {
            let quote = market[asset]
            let outcome = Self.outcome(quote, market: market, maxPriceAge: maxPriceAge, maxClockSkew: maxClockSkew,
                                       stalePrice: stalePrice)
            var price = quote?.price ?? .nan
            if let outcome, outcome != "keep" { price = outcome == "zero" ? 0 : .nan }
            columns["price"]!.append(price)
            // a zero, negative, non-numeric or future price is no quote at all; a stale one still is
            let usable = (quote?.price).map { $0 > 0 && $0.isFinite } ?? false
                && !Self.isFromTheFuture(quote, market: market, maxClockSkew: maxClockSkew)
            columns["quoted_price"]!.append(outcome == "reject" || !usable ? .nan : (quote?.price ?? .nan))
            columns["vol"]!.append(quote?.vol ?? .nan)
            // as given; else borrowed ÷ supplied, capped; an empty pool as the policy says, a
            // pool lent out with nothing supplied fully used; no pool data at all 0
            var u = 0.0
            if let given = quote?.utilizationGiven {
                u = given
            } else if let s = quote?.supplied, let b = quote?.borrowed {
                u = s > 0 ? min(1, b / s) : (b > 0 ? 1 : emptyPoolUtilization)
            }
            columns["utilization"]!.append(u)
            columns["supplied"]!.append(quote?.supplied ?? 0)
            columns["borrowed"]!.append(quote?.borrowed ?? 0)
            // the asset's own rate, else the market's, else none; no yield unless given
            columns["risk_free_rate"]!.append(quote?.riskFreeRate ?? market.riskFreeRate ?? 0)
            columns["dividend_yield"]!.append(quote?.dividendYield ?? 0)
            // the mark when the feed gives one, else the quote
            columns["mark_price"]!.append(quote?.perp.markPrice ?? columns["quoted_price"]!.last!)
            columns["funding_rate"]!.append(quote?.perp.fundingRate ?? .nan)
            columns["open_interest"]!.append(quote?.perp.openInterest ?? .nan)
            columns["volume"]!.append(quote?.perp.volume ?? .nan)
            columns["previous_close"]!.append(quote?.perp.previousClose ?? .nan)
            columns["unbacked"]!.append(quote?.unbacked ?? 0)
            columns["price_status"]!.append(Self.status(quote, market: market, maxPriceAge: maxPriceAge, maxClockSkew: maxClockSkew))
            rejected.append(outcome == "reject")
        }
        // inputs the policy declares: from each asset's `inputs`, undefined where absent
        for name in declared { columns[name] = assets.map { market[$0]?.inputs[name] ?? .nan } }
        // Every other input outside a declared range (as the program reads it: a utilization
        // after the empty-pool rule, a mark after falling back to the quote) is undefined.
        for (name, column) in columns where name != "price" {
            columns[name] = column.enumerated().map { a, v in
                ReferenceRange.outside(ranges, name, v, asset: assets[a]) ? .nan : v
            }
        }
        // A given mark, funding, open interest, volume or declared input observed (at its own
        // time, else the asset's `inputs_time`) longer ago than `max_input_age`, or further
        // ahead than the clock skew, is undefined. Not judged without `as_of` or a time.
        if let asOf = market.asOf {
            for name in ["mark_price", "funding_rate", "open_interest", "volume"] + declared {
                for (a, asset) in assets.enumerated() {
                    guard let quote = market[asset], let time = quote.inputTimes[name] ?? quote.inputsTime,
                          name != "mark_price" || quote.perp.markPrice != nil else { continue }
                    let age = asOf.secondsSinceEpoch - time.secondsSinceEpoch
                    if -age > maxClockSkew * 31_536_000 || age > maxInputAge * 31_536_000 { columns[name]![a] = .nan }
                }
            }
        }
        inputs = columns
        self.rejected = rejected
        snapshot = market
    }

    /// What the oracle rule makes of a quote: nil when usable as is, else zero / reject / keep
    /// (missing, invalid or future prices cannot be kept: they are rejected under `keep`).
    static func outcome(_ quote: AssetQuote?, market: MarketSnapshot, maxPriceAge: Double, maxClockSkew: Double,
                        stalePrice: String) -> String? {
        let unusable = stalePrice == "keep" ? "reject" : stalePrice
        guard let quote, let price = quote.price else { return unusable }
        if !(price > 0) || !price.isFinite { return unusable }
        if isFromTheFuture(quote, market: market, maxClockSkew: maxClockSkew) { return unusable }
        let limit = maxPriceAge * 31_536_000
        if let asOf = market.asOf, let time = quote.priceTime, limit.isFinite,
           asOf.secondsSinceEpoch - time.secondsSinceEpoch > limit {
            return stalePrice
        }
        return nil
    }

    /// `price_status` as its word's code: missing 2, invalid 3 (zero, negative, not a number),
    /// future 4, stale 1, else fresh 0.
    static func status(_ quote: AssetQuote?, market: MarketSnapshot, maxPriceAge: Double, maxClockSkew: Double) -> Double {
        guard let quote, let price = quote.price else { return WordCode.value("missing")! }
        if !(price > 0) || !price.isFinite { return WordCode.value("invalid")! }
        if isFromTheFuture(quote, market: market, maxClockSkew: maxClockSkew) { return WordCode.value("future")! }
        let limit = maxPriceAge * 31_536_000
        if let asOf = market.asOf, let time = quote.priceTime, limit.isFinite,
           asOf.secondsSinceEpoch - time.secondsSinceEpoch > limit {
            return WordCode.value("stale")!
        }
        return WordCode.value("fresh")!
    }

    /// Timestamped after `as_of` by more than the tolerance (both in the snapshot, or no judgement).
    static func isFromTheFuture(_ quote: AssetQuote?, market: MarketSnapshot, maxClockSkew: Double) -> Bool {
        guard let asOf = market.asOf, let time = quote?.priceTime else { return false }
        return time.secondsSinceEpoch - asOf.secondsSinceEpoch > maxClockSkew * 31_536_000
    }
}

/// One position as the reference reads it.
struct ReferencePosition {
    var asset: Int
    /// Index in the policy's venue list, or −1.
    var venue: Int
    var quantity: Double
    /// long 1, short −1, flat 0.
    var side: Double
    /// Position inputs by field name (`kind`, `entry_price`, `expiry`, …); absent ones are 0.
    var fields: [String: Double]

    init(_ p: Position, asset: Int, venue: Int, market: MarketSnapshot) {
        self.asset = asset
        self.venue = venue
        quantity = p.quantity
        side = p.quantity > 0 ? 1 : (p.quantity < 0 ? -1 : 0)
        var f: [String: Double] = ["quantity": p.quantity]
        switch p {
        case .spot: f["kind"] = 0
        case .perpetual(let perp):
            f["kind"] = 1
            f["entry_price"] = perp.entryPrice
        case .option(let o):
            f["kind"] = 2
            f["right"] = o.right == .call ? 0 : 1
            f["strike"] = o.strike
            let years = market.asOf.map { (o.expiry.secondsSinceEpoch - $0.secondsSinceEpoch) / 31_536_000 } ?? .nan
            f["expiry"] = years
        }
        fields = f
    }

    func field(_ name: String) -> Double { fields[name] ?? 0 }
}

/// An `input NAME in [lo, hi]` declaration.
struct ReferenceRange {
    var path: String
    var lower: Double, upper: Double
    var lowerClosed: Bool, upperClosed: Bool

    func contains(_ v: Double) -> Bool {
        (lowerClosed ? v >= lower : v > lower) && (upperClosed ? v <= upper : v < upper)
    }

    /// Whether a defined value breaks a range declared for `name` (or, for an asset's input,
    /// for `ASSET.name`).
    static func outside(_ ranges: [ReferenceRange], _ name: String, _ v: Double, asset: String? = nil) -> Bool {
        // `input asset.depth in […]` declares an input of every asset
        !v.isNaN && ranges.contains { range in
            (range.path == name || range.path == "asset.\(name)" || asset.map { "\($0).\(name)" } == range.path) && !range.contains(v)
        }
    }
}
