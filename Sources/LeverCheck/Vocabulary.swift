import LeverSyntax

/// A name the language defines: its type, its level, and a line of documentation.
public struct KnownName: Sendable, Hashable {
    public var type: LeverType
    public var level: Level
    public var doc: String
    /// Where a value of this name lies by meaning (`0...1` for `ltv`), when it is a ratio with a
    /// known range. A ratio and a plain number are one dimension, so the unit check cannot tell
    /// `ltv = 75` from `ltv = 75%`; a number written without a unit outside this range is error
    /// L0324 (TypeChecker+Ratios.swift).
    public var range: ClosedRange<Double>?
    /// Readable by rules but set by the run, never by a policy (`horizon`: `--horizon`).
    public var isReadOnly = false

    public init(_ type: LeverType, _ level: Level, _ doc: String, range: ClosedRange<Double>? = nil,
                isReadOnly: Bool = false) {
        self.type = type
        self.level = level
        self.doc = doc
        self.range = range
        self.isReadOnly = isReadOnly
    }
}

/// The names the language itself defines, by category, with their types and levels.
///
/// One table so that the resolver, the type checker, the REPL's completion and `:doc` agree.
public enum Vocabulary {
    private static let ratio = LeverType.plain
    /// A share of something: 0% to 100%.
    private static let share: ClosedRange<Double> = 0...1
    /// An annual rate written as a number: rates above 100% exist near full utilization, but they
    /// come from curves; a constant `borrow_rate = 5` is far more likely 5% than 500%, and
    /// `500%` still says 500% (only numbers without a unit are held to the range).
    private static let rate: ClosedRange<Double> = 0...1
    /// A discount may be negative: a surcharge (`haircut_discount = -10%`).
    private static let signedShare: ClosedRange<Double> = -1...1

    /// Per-asset market inputs, read bare where an asset is current and as `BTC.price` elsewhere.
    public static let marketInputs: [String: KnownName] = [
        "price": KnownName(.money, .asset, "the asset's price in USD"),
        "vol": KnownName(.number(.volatility), .asset, "annualised volatility (per square root of a year)"),
        "utilization": KnownName(ratio, .asset, "borrowed ÷ supplied", range: share),
        "supplied": KnownName(.money, .asset, "USD supplied to the asset's pool"),
        "borrowed": KnownName(.money, .asset, "USD borrowed from the asset's pool"),
        "unbacked": KnownName(.money, .asset, "USD of the pool's supply minted without backing yet (Aave v3's bridged `unbacked`); 0 when not given"),
        "quoted_price": KnownName(.money, .asset,
                                  "the price as quoted, before the oracle rule: a stale one stands; missing, invalid or future is undefined"),
        "price_status": KnownName(.word(.priceStatus), .asset,
                                  "what the oracle rules found of the price: `fresh`, `stale`, `missing`, `invalid` or `future`"),
        "mark_price": KnownName(.money, .asset, "a perpetual's mark price (the quoted price when the market gives none)"),
        "funding_rate": KnownName(ratio, .asset, "a perpetual's funding rate a year, paid by longs when positive"),
        "open_interest": KnownName(.money, .asset, "open interest in USD"),
        "volume": KnownName(.money, .asset, "the day's traded volume in USD"),
        "previous_close": KnownName(.money, .asset, "the previous close in USD"),
        "risk_free_rate": KnownName(ratio, .asset, "continuous risk-free rate a year options are priced at (market `risk_free_rate`)"),
        "dividend_yield": KnownName(ratio, .asset, "continuous yield the asset pays its holder a year (staking, dividend)"),
    ]

    /// The market inputs a scenario may shock (relatively: `vol: +50%` multiplies by 1.5).
    public static let shockableInputs: Set<String> = [
        "price", "vol", "risk_free_rate", "dividend_yield", "mark_price", "funding_rate", "open_interest", "volume",
    ]

    /// Fields of the current position.
    public static let positionFields: [String: KnownName] = [
        "notional": KnownName(.money, .position, "|quantity| × price"),
        "quantity": KnownName(.plain, .position, "signed quantity held"),
        "market_value": KnownName(.money, .position, "signed value: quantity × price"),
        "side": KnownName(.word(.side), .position, "`long` or `short`"),
        "kind": KnownName(.word(.kind), .position, "`spot`, `perp` or `option`"),
        "right": KnownName(.word(.right), .position, "`call` or `put` (options)"),
        "asset": KnownName(.entity(.asset), .position, "the position's asset"),
        "class": KnownName(.entity(.class), .position, "the asset's class"),
        "venue": KnownName(.entity(.venue), .position, "where the position is held"),
        "entry_price": KnownName(.money, .position, "price at entry"),
        "strike": KnownName(.money, .position, "option strike"),
        "expiry": KnownName(.time, .position, "option expiry"),
        "delta": KnownName(.plain, .position, "option delta"),
        "gamma": KnownName(.plain, .position, "option gamma"),
        "vega": KnownName(.plain, .position, "option vega"),
        "theta": KnownName(.plain, .position, "option theta"),
        "rho": KnownName(.plain, .position, "option rho: ∂value/∂rate, per unit"),
        "dividend_rho": KnownName(.plain, .position, "option dividend rho: ∂value/∂yield, per unit"),
        "collateral_value": KnownName(.money, .position, "value counted as collateral, after haircut"),
        "debt_value": KnownName(.money, .position, "value owed"),
        "option_value": KnownName(.money, .position,
                                  "quantity × the option's Black–Scholes–Merton price (0 for spot and perpetuals)"),
        "pnl": KnownName(.money, .position, "a perpetual's unrealised PnL: quantity × (mark price − entry price); 0 otherwise"),
        "funding": KnownName(.money, .position,
                             "funding a perpetual pays over the horizon: quantity × mark price × funding rate × horizon (negative when received)"),
    ]

    /// Standard asset properties (set in class, asset and venue blocks) and their units.
    public static let standardProperties: [String: KnownName] = [
        "haircut": KnownName(ratio, .position, "share of value not counted as collateral", range: share),
        "ltv": KnownName(ratio, .position, "loan-to-value limit", range: share),
        "liquidation_threshold": KnownName(ratio, .position, "share of value counted towards liquidation", range: share),
        "liquidation_bonus": KnownName(ratio, .position, "liquidator's bonus", range: share),
        "reserve_factor": KnownName(ratio, .position, "share of interest kept as reserve", range: share),
        "borrow_rate": KnownName(ratio, .position, "annual borrow rate", range: rate),
        "supply_rate": KnownName(ratio, .position, "annual supply rate", range: rate),
        "max_price_age": KnownName(.time, .position, "oldest usable price"),
        "initial_weight": KnownName(ratio, .position, "initial margin weight", range: share),
        "maintenance_weight": KnownName(ratio, .position, "maintenance margin weight", range: share),
    ]

    /// Account-level results.
    public static let accountResults: [String: KnownName] = [
        "collateral": KnownName(.money, .account, "sum of collateral values"),
        "debt": KnownName(.money, .account, "sum of debt values"),
        "equity": KnownName(.money, .account, "collateral − debt"),
        "health": KnownName(.plain, .account, "collateral ÷ maintenance requirement"),
        "margin_ratio": KnownName(.plain, .account, "maintenance requirement ÷ equity"),
        "initial_requirement": KnownName(.money, .account, "initial margin required"),
        "maintenance_requirement": KnownName(.money, .account, "maintenance margin required"),
        "gross_value": KnownName(.money, .account, "sum of the notional of long spot positions"),
        "unrealised_pnl": KnownName(.money, .account, "sum of perpetual PnL"),
        "options_value": KnownName(.money, .account, "sum of option values"),
        "interest": KnownName(.money, .account, "interest owed over the horizon"),
        "status": KnownName(.word(.status), .account,
                            "`healthy`, `margin_call` or `liquidatable`, as reported (undefined for an unvalued account)"),
        "worst_scenario_loss": KnownName(.money, .account,
                                         "the largest scenario loss (weighted), never below 0; 0 with no scenarios"),
    ]

    /// Attributes read as `account.<name>` that the language knows; others come from the book.
    public static let accountAttributes: [String: KnownName] = [
        "score": KnownName(.plain, .account, "credit score"),
        "id": KnownName(.string, .account, "account identifier"),
    ]

    /// Properties of the `margin` block.
    public static let marginProperties: [String: KnownName] = [
        "initial": KnownName(ratio, .position, "initial margin per position", range: share),
        "maintenance": KnownName(ratio, .position, "maintenance margin per position", range: share),
        "liquidate": KnownName(.bool, .account, "when the account is liquidated"),
        "margin_call": KnownName(.bool, .account, "when the account gets a margin call"),
        "close_factor": KnownName(ratio, .account, "share of debt a liquidation may close", range: share),
        "bonus": KnownName(ratio, .account, "liquidation bonus", range: share),
        "horizon": KnownName(.time, .constant, "the run's interest horizon (`--horizon`, one day by default)",
                             isReadOnly: true),
        "interest_accrual": KnownName(.word(.accrual), .constant,
                                      "how interest accrues: `compound` per second, Aave's three-term `taylor` approximation, or `linear`"),
    ]

    /// Properties of the `oracle` block.
    public static let oracleProperties: [String: KnownName] = [
        "max_price_age": KnownName(.time, .constant, "oldest usable price"),
        "max_clock_skew": KnownName(.time, .constant, "how far after `as_of` a price or market input may be timestamped"),
        "max_input_age": KnownName(.time, .constant,
                                   "oldest usable market input other than the price (mark, funding, open interest, volume, declared inputs); `max_price_age` when not set"),
        "empty_pool_utilization": KnownName(ratio, .constant, "the utilization of a pool with nothing supplied or borrowed",
                                            range: share),
        "stale_price": KnownName(.word(.stalePrice), .constant, "what a stale price becomes"),
    ]

    /// Fields of the `tiers` table the engine itself reads, with their units.
    public static let tierFields: [String: KnownName] = [
        "credit_line": KnownName(.money, .account, "unsecured credit"),
        "haircut_discount": KnownName(ratio, .account, "reduction of every haircut", range: signedShare),
    ]

    /// What `assert every X:` may range over.
    public static let quantifiers = ["asset", "class", "venue", "tier", "position", "account"]
    /// The statuses an assertion's `else` may give a breaching account (`healthy` would hide it).
    public static let breachStatuses = ["margin_call", "liquidatable"]

    /// Properties written with `when` (conditions); all others use `=` and friends.
    public static let conditionProperties: Set<String> = ["liquidate", "margin_call"]

    /// Properties of the `arithmetic` block: the number model the whole policy computes in.
    public static let arithmeticProperties: [String: KnownName] = [
        "numbers": KnownName(.word(.numbers), .constant,
                             "`float` (binary64, the default), or exact fixed point: `wad` (18 decimals) or `ray` (27 decimals)"),
        "rounding": KnownName(.word(.rounding), .constant,
                              "how fixed-point products and quotients round their last decimal: `half_up` (WadRayMath, the default), `half_even`, `down` or `up`"),
    ]

    /// Properties of the `reputation` block: how old the scores the tiers read may be, and what
    /// a score that is too old, undated or missing means. "Scores" are `account.score` and every
    /// account attribute a key of the `tiers` table reads.
    public static let reputationProperties: [String: KnownName] = [
        "max_score_age": KnownName(.time, .constant,
                                   "oldest usable score: one observed longer before the market's `as_of` (or with no time) is stale; every score the tiers read, unless it has its own `max_<name>_age` (`max_rating_age`)"),
        "stale_score": KnownName(.label(table: "tier"), .constant,
                                 "what a stale, undated or missing score means: the tier the account is put in (`Watch`), or `unvalued` (the default)"),
    ]

    /// What a `chain` declaration may set: its bridge rules, constants.
    public static let chainProperties: [String: KnownName] = [
        "bridge_haircut": KnownName(ratio, .constant,
                                    "added to the haircut of collateral on this chain when it secures debt on another chain", range: share),
        "finality": KnownName(.time, .constant,
                              "how long collateral on this chain takes to reach another (bridge finality); shown where its bridge rule applies"),
    ]

    /// Properties of the `bridge` block: how collateral on one chain secures debt on another.
    public static let bridgeProperties: [String: KnownName] = [
        "home": KnownName(.entity(.chain), .constant, "the chain a position that names none is on"),
        "max_cross_chain_share": KnownName(ratio, .constant,
                                           "the largest share of an account's borrowing power (haircut collateral plus credit line) that may cross a bridge to secure debt on another chain",
                                           range: share),
    ]

    /// The properties a settings block accepts.
    public static func settingsProperties(_ keyword: Keyword) -> [String: KnownName] {
        switch keyword {
        case .oracle: oracleProperties
        case .arithmetic: arithmeticProperties
        case .reputation: reputationProperties
        case .bridge: bridgeProperties
        default: marginProperties
        }
    }
}
