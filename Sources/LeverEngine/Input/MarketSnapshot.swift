/// Market data at one instant: per-asset prices, volatilities and lending-pool state, and
/// optionally per-venue prices.
///
/// Assets keep file order (for deterministic reports); `index(of:)` finds one by symbol, and
/// that index is the asset index of the columnar book.
public struct MarketSnapshot: Sendable, Hashable {
    /// When the snapshot was taken; price ages are measured from here. Optional in the file
    /// (the workload's market has none); without it, staleness cannot be judged.
    public var asOf: Timestamp?
    /// Per-asset data, in file order (the asset index order).
    public var assets: [AssetQuote]
    /// Per-venue prices, when a venue quotes differently from the reference price.
    public var venues: [VenueQuotes]
    /// The continuously compounded risk-free rate a year (0.05 = 5 %) options are priced at,
    /// unless an asset gives its own; nil when the file gives none (then 0).
    public var riskFreeRate: Double?
    /// Chains whose bridge is halted (`arbitrum: halt` in the scenario this market was shocked
    /// by): their cross-chain collateral is worth nothing. Never read from a file.
    public var haltedChains: [String] = []
    private var indexBySymbol: [String: Int]

    /// A snapshot; the first of two assets with one symbol wins lookups.
    public init(asOf: Timestamp?, assets: [AssetQuote], venues: [VenueQuotes] = [], riskFreeRate: Double? = nil) {
        self.asOf = asOf
        self.assets = assets
        self.venues = venues
        self.riskFreeRate = riskFreeRate
        var index: [String: Int] = [:]
        for (i, a) in assets.enumerated() where index[a.symbol] == nil { index[a.symbol] = i }
        self.indexBySymbol = index
    }

    /// The asset index of `symbol`, or nil when the market does not list it.
    public func index(of symbol: String) -> Int? {
        // Up to 32 assets a scan beats hashing: short symbols compare as two machine words.
        if assets.count <= 32 { return assets.firstIndex { $0.symbol == symbol } }
        return indexBySymbol[symbol]
    }

    /// The quote for `symbol`.
    public subscript(symbol: String) -> AssetQuote? { index(of: symbol).map { assets[$0] } }

    /// The rate and yield options on an asset are priced at, from its quote (already looked
    /// up): the asset's own rate, else the market's, else 0; its yield, else 0.
    public func carry(_ quote: AssetQuote?) -> (rate: Double, dividendYield: Double) {
        (quote?.riskFreeRate ?? riskFreeRate ?? 0, quote?.dividendYield ?? 0)
    }
}

/// One asset's market data.
public struct AssetQuote: Sendable, Hashable {
    /// Ticker, as written in the file (`BTC`).
    public var symbol: String
    /// A class name hint (`stable`, `major`, `alt`): the policy's `asset` declarations win.
    public var classHint: String?
    /// Reference price in USD; nil when the feed has none (the policy's oracle rules decide).
    /// The venue's price in USD.
    public var price: Double?
    /// When the price was observed at its source (for `max_price_age`); nil if unknown.
    public var priceTime: Timestamp?
    /// Annualised volatility (0.55 = 55 % per √year).
    public var vol: Double
    /// Pool supply and borrows in USD, when the pool state is given as amounts.
    public var supplied: Double?
    /// Pool borrows in USD.
    public var borrowed: Double?
    /// Supply minted without backing yet (Aave v3's bridged `unbacked`), in USD; nil when not
    /// given (then 0). A policy reads it to define a second utilization, as Aave's supply rate does.
    public var unbacked: Double?
    /// Utilization given directly (`utilization` or `util` in the file).
    public var utilizationGiven: Double?
    /// This asset's own risk-free rate (its funding currency's), overriding the market's.
    public var riskFreeRate: Double?
    /// The continuous yield the underlying pays its holder a year (staking reward, dividend):
    /// Black–Scholes–Merton's `q`; nil when not given (then 0).
    public var dividendYield: Double?
    /// Derivatives data a policy may read (nil when the file gives none, read as undefined):
    /// the perpetual's mark price (perpetuals are valued at it; the quoted price when absent),
    /// its funding rate a year (paid by longs when positive), open interest and the day's
    /// volume in USD, and the previous close.
    public var perp = PerpQuote()
    /// Market inputs a policy declares beyond the engine's (`input asset.adv_30d in […]`), by
    /// name, as the file's `inputs` gives them; a declared input the file omits is undefined.
    public var inputs: [String: Double] = [:]
    /// When the asset's market inputs other than the price (`mark_price`, `funding_rate`,
    /// `open_interest`, `volume` and declared inputs) were observed; nil if unknown. Their age is
    /// held to the oracle's `max_input_age`.
    public var inputsTime: Timestamp?
    /// Declared inputs observed at their own time (`{"value": …, "time": …}`), by name: wins
    /// over `inputsTime`.
    public var inputTimes: [String: Timestamp] = [:]

    /// When one market input was observed: its own time, else the asset's `inputs_time`.
    public func observed(_ input: String) -> Timestamp? { inputTimes[input] ?? inputsTime }

    /// One asset's data; `utilization` is the directly given value.
    public init(symbol: String, classHint: String? = nil, price: Double?, priceTime: Timestamp? = nil, vol: Double,
                supplied: Double? = nil, borrowed: Double? = nil, utilization: Double? = nil,
                riskFreeRate: Double? = nil, dividendYield: Double? = nil) {
        self.symbol = symbol
        self.classHint = classHint
        self.price = price
        self.priceTime = priceTime
        self.vol = vol
        self.supplied = supplied
        self.borrowed = borrowed
        self.utilizationGiven = utilization
        self.riskFreeRate = riskFreeRate
        self.dividendYield = dividendYield
    }

    /// Pool utilization: as given, else borrowed ÷ supplied (capped at 1), else nil. A pool
    /// with nothing supplied is fully used when something is borrowed from it, and
    /// `emptyPool` when nothing is (the policy's `oracle { empty_pool_utilization }`).
    public func utilization(emptyPool: Double) -> Double? {
        if let utilizationGiven { return utilizationGiven }
        guard let supplied, let borrowed else { return nil }
        if supplied > 0 { return min(1, borrowed / supplied) }
        return borrowed > 0 ? 1 : emptyPool
    }

    /// Pool utilization with an empty pool read as 0.
    public var utilization: Double? { utilization(emptyPool: 0) }
}

/// One asset's derivatives market data beyond price and vol; each field is optional.
public struct PerpQuote: Sendable, Hashable {
    public var markPrice: Double?
    public var fundingRate: Double?
    public var openInterest: Double?
    public var volume: Double?
    public var previousClose: Double?

    /// Derivatives data; every field is optional.
    public init(markPrice: Double? = nil, fundingRate: Double? = nil, openInterest: Double? = nil,
                volume: Double? = nil, previousClose: Double? = nil) {
        (self.markPrice, self.fundingRate, self.openInterest) = (markPrice, fundingRate, openInterest)
        (self.volume, self.previousClose) = (volume, previousClose)
    }
}

/// Prices one venue quotes, where they differ from the reference price.
public struct VenueQuotes: Sendable, Hashable {
    /// Venue name, as positions name it.
    public var venue: String
    /// Per symbol: the venue's price and when it was observed.
    public var prices: [String: VenuePrice]

    /// One venue's quotes.
    public init(venue: String, prices: [String: VenuePrice]) {
        self.venue = venue
        self.prices = prices
    }
}

/// One venue price.
public struct VenuePrice: Sendable, Hashable {
    /// The venue's price in USD.
    public var price: Double
    /// When the venue's price was observed.
    public var priceTime: Timestamp?
    /// One venue price.
    public init(price: Double, priceTime: Timestamp? = nil) {
        self.price = price
        self.priceTime = priceTime
    }
}
