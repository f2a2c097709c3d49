/// One holding of an account: a spot balance, a perpetual future, or an option.
///
/// An enum so that each kind carries exactly its own fields and every consumer switches over all
/// three. Signs: a negative spot quantity is a borrowed balance (debt); a negative perpetual or
/// option size is a short.
public enum Position: Sendable, Hashable {
    case spot(Spot)
    case perpetual(Perpetual)
    case option(Option)

    /// A spot balance: `quantity` units of `asset`, negative when borrowed.
    public struct Spot: Sendable, Hashable {
        /// The asset symbol.
        public var asset: String
        /// Units held; negative when borrowed.
        public var quantity: Double
        /// Where it is held; nil means unspecified (the workload's files have no venue).
        public var venue: String?
        /// The chain it is on (`arbitrum`); nil means the policy's home chain, or none.
        public var chain: String?
        /// A spot balance.
        public init(asset: String, quantity: Double, venue: String? = nil, chain: String? = nil) {
            self.asset = asset
            self.quantity = quantity
            self.venue = venue
            self.chain = chain
        }
    }

    /// A perpetual future on `asset`: signed `size` in units of the asset, opened at `entryPrice` USD.
    public struct Perpetual: Sendable, Hashable {
        /// The asset symbol.
        public var asset: String
        /// Signed size; negative is short (or written, for options).
        public var size: Double
        /// Average entry price in USD.
        public var entryPrice: Double
        /// Where it is held.
        public var venue: String
        /// The chain it settles on, if the book says.
        public var chain: String?
        /// A perpetual position.
        public init(asset: String, size: Double, entryPrice: Double, venue: String, chain: String? = nil) {
            self.asset = asset
            self.size = size
            self.entryPrice = entryPrice
            self.venue = venue
            self.chain = chain
        }
    }

    /// A European option on `underlying`: signed `size` contracts of one unit each.
    public struct Option: Sendable, Hashable {
        /// The underlying asset symbol.
        public var underlying: String
        /// Call or put.
        public var right: OptionRight
        /// Strike price in USD.
        public var strike: Double
        /// Expiry time.
        public var expiry: Timestamp
        /// Signed size; negative is short (or written, for options).
        public var size: Double
        /// Where it is held.
        public var venue: String
        /// The chain it settles on, if the book says.
        public var chain: String?
        /// An option position.
        public init(underlying: String, right: OptionRight, strike: Double, expiry: Timestamp, size: Double, venue: String,
                    chain: String? = nil) {
            self.underlying = underlying
            self.right = right
            self.strike = strike
            self.expiry = expiry
            self.size = size
            self.venue = venue
            self.chain = chain
        }
    }

    /// The position's kind, as the `kind` field of the language.
    public var kind: PositionKind {
        switch self {
        case .spot: .spot
        case .perpetual: .perpetual
        case .option: .option
        }
    }

    /// The asset whose market data prices the position (an option's underlying).
    /// The asset symbol.
    public var asset: String {
        switch self {
        case .spot(let s): s.asset
        case .perpetual(let p): p.asset
        case .option(let o): o.underlying
        }
    }

    /// The signed amount: spot quantity, perpetual size or option size.
    /// Units held; negative when borrowed.
    public var quantity: Double {
        switch self {
        case .spot(let s): s.quantity
        case .perpetual(let p): p.size
        case .option(let o): o.size
        }
    }

    /// The venue, if any.
    public var venue: String? {
        switch self {
        case .spot(let s): s.venue
        case .perpetual(let p): p.venue
        case .option(let o): o.venue
        }
    }

    /// The chain, if the book names one.
    public var chain: String? {
        switch self {
        case .spot(let s): s.chain
        case .perpetual(let p): p.chain
        case .option(let o): o.chain
        }
    }
}

/// The three kinds of position; the raw value is what the columnar view stores.
public enum PositionKind: UInt8, Sendable, Hashable, CaseIterable {
    case spot = 0, perpetual = 1, option = 2

    /// The word used in JSON and in the language (`kind == perp`).
    public var word: String {
        switch self {
        case .spot: "spot"
        case .perpetual: "perp"
        case .option: "option"
        }
    }
}

/// Call or put. The raw value is the JSON word; the enum is still one byte in a column.
public enum OptionRight: String, Sendable, Hashable, CaseIterable {
    case call, put

    /// The right named `call` or `put`.
    public init?(word: String) { self.init(rawValue: word) }

    /// The word used in JSON (`call`, `put`).
    public var word: String { rawValue }
}
