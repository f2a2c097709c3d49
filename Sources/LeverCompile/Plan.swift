import LeverCheck
import LeverNumerics
import LeverSyntax

/// Where a plan node's values live, and so how often it is evaluated.
///
/// Ordered: a node's domain is the highest of its operands'. `scalar` values are computed once per
/// market snapshot (literals, params, `BTC.price`); `asset` values once per asset per snapshot (the
/// hoisted per-asset tables); `account` and `position` values per batch of accounts.
public enum Domain: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case scalar, asset, account, position

    public static func < (a: Domain, b: Domain) -> Bool { a.rawValue < b.rawValue }
    public var description: String { ["scalar", "asset", "account", "position"][rawValue] }
}

/// Index of a node in a `Plan`; children always have smaller indices than their parents, so
/// index order is a valid evaluation order.
public struct NodeRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: NodeRef, b: NodeRef) -> Bool { a.index < b.index }
    public var description: String { "%\(index)" }
}

/// Per-asset market data, one column over the snapshot's assets, by its name in policies.
///
/// The engine's own inputs are the static members; a policy may declare more
/// (`input asset.adv_30d in [0 USD, 100B USD]`), read from each asset's `inputs` in the market
/// file, so the set is open: a name, not a closed enum.
public struct AssetInput: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let price = AssetInput(rawValue: "price")
    public static let vol = AssetInput(rawValue: "vol")
    public static let utilization = AssetInput(rawValue: "utilization")
    public static let supplied = AssetInput(rawValue: "supplied")
    public static let borrowed = AssetInput(rawValue: "borrowed")
    /// The continuous risk-free rate and dividend (staking) yield options on the asset are priced at.
    public static let riskFreeRate = AssetInput(rawValue: "risk_free_rate")
    public static let dividendYield = AssetInput(rawValue: "dividend_yield")
    /// The quoted price before the oracle rule: what a debt in the asset is valued at when a
    /// stale price counts collateral at zero (debts are never written down by a stale feed).
    public static let quotedPrice = AssetInput(rawValue: "quoted_price")
    /// What the oracle rules found of the price: fresh 0, stale 1, missing 2, invalid 3, future 4
    /// (the codes of the words `WordCode` gives).
    public static let priceStatus = AssetInput(rawValue: "price_status")
    /// Derivatives data: a perpetual's mark price (the quoted price when the file gives none),
    /// its funding rate a year, open interest and the day's volume in USD, the previous close.
    public static let markPrice = AssetInput(rawValue: "mark_price")
    public static let fundingRate = AssetInput(rawValue: "funding_rate")
    public static let openInterest = AssetInput(rawValue: "open_interest")
    public static let volume = AssetInput(rawValue: "volume")
    public static let previousClose = AssetInput(rawValue: "previous_close")
    /// Pool supply minted without backing (Aave v3's `unbacked`), USD; 0 when not given.
    public static let unbacked = AssetInput(rawValue: "unbacked")

    /// The engine's own inputs, in column order.
    public static let standard: [AssetInput] = [
        .price, .vol, .utilization, .supplied, .borrowed, .riskFreeRate, .dividendYield, .quotedPrice, .priceStatus,
        .markPrice, .fundingRate, .openInterest, .volume, .previousClose, .unbacked,
    ]
}

/// Per-position data, read straight from the book's columns.
public enum PositionInput: String, Sendable, Hashable, CaseIterable {
    /// Signed quantity (spot balance or perp/option size).
    case quantity
    /// `PositionKindCode`: spot 0, perp 1, option 2.
    case kind
    /// call 0, put 1 (options; 0 otherwise).
    case right
    case entryPrice = "entry_price"
    case strike
    /// Years from the snapshot's as-of time to expiry (negative when expired).
    case expiry
    /// The index of the position's chain among the policy's (`chain …`), −1 for none; laid out
    /// only for a policy that declares chains.
    case chain
    /// The share of a long balance that secures debt on another chain, over a bridge: what the
    /// account holds on its chain beyond what it owes there, when it owes on another chain
    /// (0 to 1); laid out only for a policy that declares chains.
    case crossChain = "cross_chain"
    /// 1 when the position's chain's bridge is halted in the market (one shocked by a halt
    /// scenario), else 0; laid out only for a policy that declares chains.
    case bridgeHalted = "bridge_halted"

    /// The inputs every book lays out, one column each; the others only when the plan reads them.
    public static let bookColumns: [PositionInput] = [.quantity, .kind, .right, .entryPrice, .strike, .expiry]
}

/// Per-account data from the book.
public enum AccountInput: Sendable, Hashable {
    case score
    /// A numeric or interned categorical attribute, by its index in the book's attribute list.
    case attribute(String)
    /// The `tiers` row the `reputation` block puts an account in whose score is stale, undated
    /// or missing; undefined for an account whose scores are fresh (`ReputationRules`).
    case staleTier
}

/// How a per-position value is split into cases by something the position belongs to.
public enum CaseKey: String, Sendable, Hashable {
    case asset, venue
}

public enum UnaryKernel: String, Sendable, Hashable {
    case negate, not, abs, sqrt, exp, ln, floor, ceil, round
    /// The standard normal distribution function Φ and density φ.
    case ncdf, npdf
    /// `exp(x) − 1` and `ln(1 + x)`, exact for small x (interest compounded per second).
    case expm1, log1p
    /// 1 when the operand is a defined false (0), else 0; and 1 when it is undefined, else 0.
    /// Never undefined themselves: runtime assertions count certain breaches and unknowns apart.
    case isFalse, isUndefined
}

public enum BinaryKernel: String, Sendable, Hashable {
    case add, subtract, multiply, divide, power, min, max
    /// `a × b`, and 0 when `a` is 0 whatever `b` is: an amount worth nothing counts nothing,
    /// even where its rate is undefined (collateral the oracle's `zero` rule counts at 0, whose
    /// volatility-scaled haircut cannot be computed). One step, so the guard costs no pass.
    case scale
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    /// A product or quotient rounded in a stated direction at the arithmetic's last decimal
    /// (`rounded_down(a * b)`, or every product of a policy whose `arithmetic` block sets
    /// `rounding`); `multiply` and `divide` round half up. `Double` ignores the direction.
    case multiplyDown, multiplyUp, multiplyHalfEven, divideDown, divideUp, divideHalfEven
    /// The whole-number quotient rounded toward −∞ and toward +∞ (`floor_div`, `ceil_div`): exact
    /// in fixed point, with no rounding at the last decimal first.
    case floorDivide, ceilDivide

    /// The kernel of a product (`multiply`) or quotient (`divide`) rounded in `rounding`; other
    /// kernels are themselves.
    public func rounded(_ rounding: Rounding) -> BinaryKernel {
        switch (self, rounding) {
        case (.multiply, .down): .multiplyDown
        case (.multiply, .up): .multiplyUp
        case (.multiply, .halfEven): .multiplyHalfEven
        case (.divide, .down): .divideDown
        case (.divide, .up): .divideUp
        case (.divide, .halfEven): .divideHalfEven
        default: self
        }
    }
}

public enum AggregateKind: String, Sendable, Hashable {
    case sum, max, min, avg, count
    /// The bitwise OR of the kept values (whole numbers below 2^52): which of up to 52 groups a
    /// data-built flag is raised for, in one pass (`CompiledFlag`). Not a language builtin.
    case bits
}

/// A compiled decision table: per row, one matcher per key column.
public struct TablePlan: Sendable, Hashable {
    public enum Matcher: Sendable, Hashable {
        case interval(lower: Double, upper: Double, lowerClosed: Bool, upperClosed: Bool)
        case values([Double])
        case any
    }
    public var name: String
    public var rows: [[Matcher]]
    public var labels: [String]
    /// The key expressions as written (`account.score`), to say which value matched no row.
    public var keys: [String] = []
}

/// A compiled curve shape (expression curves are inlined instead).
public enum CurvePlan: Sendable, Hashable {
    case kinked(base: Double, slope1: Double, kink: Double, slope2: Double)
    case points(xs: [Double], ys: [Double])
    case steps(xs: [Double], ys: [Double])
}

/// One operation of the plan. Operands are `NodeRef`s to earlier nodes.
public enum PlanOp: Sendable, Hashable {
    /// A literal, already in base units.
    case constant(Double)
    /// A named copy of a literal, so that two rules with the same value keep their own names in
    /// `explain` (literals are otherwise shared). Costs nothing per account: it is a scalar.
    case alias(NodeRef, String)
    case assetInput(AssetInput)
    /// A per-asset table known at compile time (class membership, per-asset literals).
    case assetConstants([Double])
    case positionInput(PositionInput)
    /// The position's asset or venue index (for comparisons such as `venue == Binance`).
    case positionKey(CaseKey)
    /// Sign of the position: long 1, short −1, flat 0.
    case side
    case accountInput(AccountInput)
    /// The value of an asset-domain node at one asset (e.g. `BTC.price`): a scalar.
    case pick(NodeRef, asset: Int)
    /// Asset-domain value to each position, by the position's asset.
    case gather(NodeRef)
    /// Account-domain value to each of the account's positions.
    case broadcast(NodeRef)
    /// Scalar value to a whole domain.
    case splat(NodeRef, Domain)
    case unary(UnaryKernel, NodeRef)
    case binary(BinaryKernel, NodeRef, NodeRef)
    /// `if c then a else b`.
    case select(NodeRef, NodeRef, NodeRef)
    /// Per key value (asset or venue index), which case applies; `caseOf[k] == -1` keeps `fallback`.
    case cases(CaseKey, caseOf: [Int], cases: [NodeRef], fallback: NodeRef)
    /// Per-position values summed (etc.) per account, counting only positions where `filter` ≠ 0.
    case aggregate(AggregateKind, NodeRef, filter: NodeRef?)
    /// Index of the matching row, −1 when none.
    case tableRow(TablePlan, keys: [NodeRef])
    /// The value of a table field for a row index (NaN for −1).
    case tableField(NodeRef, values: [Double])
    case curve(CurvePlan, NodeRef)
    /// A Black–Scholes–Merton value per option unit (its price or one Greek; 0 for other
    /// kinds), from the position's kind, right, strike and years to expiry and its asset's price
    /// and volatility (shocked in a scenario), risk-free rate and dividend yield.
    case optionModel(OptionOutput, kind: NodeRef, right: NodeRef, spot: NodeRef, strike: NodeRef, years: NodeRef, vol: NodeRef,
                     rate: NodeRef, yield: NodeRef)
}

/// Where a plan node comes from, for `explain`: the rule's name and its source.
public struct Origin: Sendable, Hashable {
    /// What the node is, as a committee reads it: `measure health`, `haircut of BTC`, `tier`.
    public var title: String
    /// The rule's text or a description of a standard result.
    public var detail: String
    /// The rule's place in the policy, when it has one.
    public var span: Span?
    /// The assets a specialised rule applies to (`haircut of class stable`: its assets), whose
    /// positions it values; empty for rules that are not per asset.
    public var assets: [Int]
    /// The rule's unit, when the checker typed it: `explain` writes the value in it (`2 days`,
    /// `1,000,000 USD`, `4.5%` for a ratio written with `%`).
    public var unit: Dimension?

    public init(title: String, detail: String, span: Span? = nil, assets: [Int] = [], unit: Dimension? = nil) {
        self.title = title
        self.detail = detail
        self.span = span
        self.assets = assets
        self.unit = unit
    }
}

/// A node: its operation and domain.
public struct PlanNode: Sendable, Hashable {
    public var op: PlanOp
    public var domain: Domain
}

/// The lowered form of a policy: a DAG of nodes in evaluation order, shared subexpressions
/// merged, plus the named outputs the engine reads.
public struct Plan: Sendable {
    public internal(set) var nodes: [PlanNode] = []
    /// Named account-level outputs (measures, standard results), in report order.
    public internal(set) var outputs: [(name: String, node: NodeRef)] = []
    /// Names of nodes that are rules a committee knows (measures, properties, table rows, curves).
    public internal(set) var origins: [NodeRef: Origin] = [:]
    /// Named per-asset values the engine reads from a prepared snapshot (e.g. liquidation bonus).
    public internal(set) var assetOutputs: [(name: String, node: NodeRef)] = []
    /// Position-level measures lowered on request (`CompileOptions.probes`) so a tool can read
    /// their per-position values from a trace; the engine's reports do not include them.
    public internal(set) var probes: [NamedNode] = []

    public init() {}

    public subscript(ref: NodeRef) -> PlanNode { nodes[ref.index] }

    /// The literal value of a node, if it is a constant.
    public func constant(_ ref: NodeRef) -> Double? {
        if case .constant(let v) = nodes[ref.index].op { return v }
        return nil
    }
}

/// A node of the plan under the name a tool asked for it by.
public struct NamedNode: Sendable, Hashable {
    public var name: String
    public var node: NodeRef
}
