/// What would cure an account: the least single action of each kind that brings it to a target
/// status, each verified by evaluating the account again with it applied.
///
/// An action is one of: a top-up of a spot balance in an asset the policy declares (a balance
/// with no venue), a repayment of part of a debt (a negative spot balance), or (when the policy
/// says `remedy reduce in USDC`) a reduction of a perpetual or an option: the part closed
/// realises its profit or loss (a perpetual at the mark, an option at the model price the engine
/// values it at), settled as a balance of the named asset (a loss, or a written option bought
/// back, is owed in it), so the account keeps every dollar the reduction moves. Each is the least amount found by a search that
/// evaluates the account with the action applied (`RemedyFinder`); it is reported only when the
/// account reaches the target with it, and its verification says what the status is with it and
/// with 1 % less, so a reader can see it is the least (with 1 % less the target is not reached).
public struct Remedy: Sendable, Hashable {
    /// The status a remedy restores.
    public enum Target: String, Sendable, Hashable, CaseIterable {
        /// `healthy`.
        case healthy
        /// Not `liquidatable` (`healthy` or `margin_call`), and valued.
        case outOfLiquidation = "out_of_liquidation"

        /// Whether an account with status `word` has reached the target.
        public func isMet(by word: String) -> Bool {
            switch self {
            case .healthy: word == "healthy"
            case .outOfLiquidation: word == "healthy" || word == "margin_call"
            }
        }
    }

    /// The kinds of action.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Deposit more of an asset.
        case topUp = "top_up"
        /// Repay part of a debt.
        case repay
        /// Close part of a perpetual or an option, settling the realised profit or loss.
        case reduce
    }

    /// One action and its verification.
    public struct Action: Sendable, Hashable {
        public var kind: Kind
        /// The asset deposited or repaid.
        public var asset: String
        /// For a repayment or a reduction, which of the account's positions it acts on (0-based,
        /// in file order).
        public var position: Int?
        /// The amount: units of `asset` deposited or repaid, or of the perpetual's size closed.
        public var units: Double
        /// `units` at the asset's quoted price (at the mark, for a reduction) in USD; nil when
        /// the market has no price for it.
        public var usd: Double?
        /// For a reduction, the realised profit (positive) or loss (negative) of the part closed,
        /// in units of `settledIn`, credited to (or owed in) that asset.
        public var settled: Double? = nil
        public var settledIn: String? = nil
        /// For a reduction, the position's instrument as the text names it (`perpetual`, `110,000 call`).
        public var instrument: String? = nil
        /// The account's status evaluated with the action applied (the target's, by construction).
        public var statusAfter: String
        /// The status with 1 % less: not the target's when the amount is the least.
        public var statusWithLess: String
    }

    /// A delta hedge of one underlying (`remedy hedge with perps within 5% delta`): the
    /// perpetual that brings the account's delta in it back to the band's edge.
    public struct Hedge: Sendable, Hashable {
        public var underlying: String
        /// The account's delta in the underlying now, in USD: spot balances and perpetuals at
        /// their value, options at size × Black–Scholes delta × the underlying's price.
        public var delta: Double
        /// The band now: the policy's share of the gross notional held in the underlying (USD).
        public var band: Double
        /// The perpetual to add (size in units of the underlying; negative is short), at the mark.
        public var size: Double
        /// The delta and the band with the hedge (the band grows with the hedge's notional).
        public var deltaAfter: Double
        public var bandAfter: Double
        /// The account's status with the hedge added (a hedge is margined like any perpetual).
        public var statusAfter: String
    }

    public var account: String
    /// The account's status now.
    public var status: String
    public var target: Target
    /// Top-ups (least USD first), then repayments; empty when no single action reaches the
    /// target (or the account is there already).
    public var actions: [Action]
    /// Why there is nothing to do or nothing that helps, when `actions` is empty.
    public var note: String?
    /// Per underlying whose delta lies outside the policy's band, the hedge that brings it back
    /// (only when the policy offers hedges); empty otherwise.
    public var hedges: [Hedge] = []
}
