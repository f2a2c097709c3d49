import LeverSyntax

/// The type of a checked expression.
///
/// Numbers carry their dimension, so unit checking is type checking. `error` marks an expression
/// already diagnosed; every rule accepts it silently so one mistake gives one message.
public enum LeverType: Sendable, Hashable, CustomStringConvertible {
    case number(Dimension)
    case bool
    case string
    /// One of a closed set of words (`long`/`short`).
    case word(WordSet)
    /// A row label of the named table (`tier` is `Prime`, `Core`, …).
    case label(table: String)
    /// The name of an asset, class or venue (`asset == BTC`).
    case entity(SymbolKind)
    /// Read from data whose type the policy does not declare (`account.region`); not checked.
    case dynamic
    /// Already diagnosed.
    case error

    public static let plain = LeverType.number(.none)
    public static let money = LeverType.number(.money)
    public static let time = LeverType.number(.time)

    /// The dimension, for numbers.
    public var dimension: Dimension? {
        if case .number(let d) = self { return d }
        return nil
    }

    public var isError: Bool { self == .error }

    /// True for types that every rule accepts silently (already diagnosed, or read from data).
    public var isUnchecked: Bool { self == .error || self == .dynamic }

    /// How the type reads in messages and dumps: `USD`, `plain`, `bool`, `side`, `tier label`.
    public var description: String {
        switch self {
        case .number(let d): d.description
        case .bool: "bool"
        case .string: "string"
        case .word(let set): set.rawValue
        case .label(let table): "\(table) label"
        case .entity(let kind): "\(kind.display) name"
        case .dynamic: "data"
        case .error: "<error>"
        }
    }

    /// Words for messages: `a USD amount`, `a bool`, `a side word`.
    public var phrase: String {
        switch self {
        case .number(let d): d.phrase
        case .bool: "a true/false condition"
        case .string: "a string"
        case .word(let set): "a `\(set.rawValue)` word"
        case .label(let table): "a `\(table)` row label"
        case .entity(let kind): kind == .asset ? "an asset name" : "a \(kind.display) name"
        case .dynamic: "a value from the data"
        case .error: "an invalid expression"
        }
    }
}

/// A closed set of enum words and its members.
public enum WordSet: String, Sendable, Hashable, CaseIterable {
    case side, kind, right
    case stalePrice = "stale_price"
    /// What the oracle rules found of an asset's price (`price_status`).
    case priceStatus = "price_status"
    /// How interest accrues over the horizon (`margin { interest_accrual = … }`).
    case accrual = "interest_accrual"
    /// An account's status (`status == liquidatable`); `margin_call` is also the `margin`
    /// block's condition, and reads as the word where it is compared with a status.
    case status
    /// The number model of a policy (`arithmetic { numbers = … }`).
    case numbers
    /// How products and quotients round in fixed point (`arithmetic { rounding = … }`).
    case rounding

    public var words: [String] {
        switch self {
        case .numbers: ["float", "wad", "ray"]
        case .rounding: ["half_up", "half_even", "down", "up"]
        case .priceStatus: ["fresh", "stale", "missing", "invalid", "future"]
        case .accrual: ["compound", "taylor", "linear"]
        case .side: ["long", "short"]
        case .kind: ["spot", "perp", "option"]
        case .right: ["call", "put"]
        case .stalePrice: ["zero", "reject", "keep"]
        case .status: ["healthy", "margin_call", "liquidatable"]
        }
    }

    /// The set a bare word belongs to, if it is an enum word.
    public static func containing(_ word: String) -> WordSet? {
        allCases.first { $0.words.contains(word) }
    }
}

/// How often a value changes: per policy (constant), per asset (market), per position, per account.
///
/// An account-level expression may use position-level names only inside an aggregate.
public enum Level: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case constant, asset, position, account

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .constant: "constant"
        case .asset: "market (per asset)"
        case .position: "position"
        case .account: "account"
        }
    }
}
