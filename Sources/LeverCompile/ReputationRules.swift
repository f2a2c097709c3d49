import LeverCheck
import LeverSyntax

/// The policy's `reputation` block as the engine applies it to each account's scores.
///
/// A credit tier read from a score nobody has refreshed in months is an unknown passed off as a
/// known. So a score (`account.score`, and every account attribute a key of the `tiers` table
/// reads) observed longer before the market's `as_of` than its age limit (`max_score_age`, or
/// its own: `max_rating_age`), with no time at all
/// while an age is required, or missing from the book, is *stale*: it reads as undefined
/// everywhere, and `stale_score` says what the account's tier is then: a named tier (a
/// downgrade), or none (the default, `unvalued`: whatever reads the tier is undefined).
public struct ReputationRules: Sendable, Hashable {
    /// What a stale score means.
    public enum Stale: Sendable, Hashable {
        /// The account is not valued on it: whatever reads the score or the tier is undefined.
        case unvalued
        /// The account is put in this row of the `tiers` table (by index, with its label).
        case tier(row: Int, label: String)
    }

    /// A score held to the rules: the account input, and the name it is written as.
    public struct Score: Sendable, Hashable {
        public var input: AccountInput
        /// `account.score`, `account.rating`.
        public var path: String
        /// The oldest usable value, in years (`max_rating_age`, else `max_score_age`); infinite
        /// when the policy sets none (then only a missing value is stale).
        public var maxAge: Double
        /// The property the limit comes from, for notes (`max_rating_age`, `max_score_age`).
        public var ageProperty: String
        /// Where that property is written (`credit_desk.lever:96`); empty when none is.
        public var ageLocation: String = ""
        /// The key of its provenance in the book (`score`, or the attribute's name).
        public var key: String {
            if case .attribute(let name) = input { return name }
            return "score"
        }
    }

    /// The scores held to the rules.
    public var scores: [Score]
    public var stale: Stale
    /// Where the block is declared (`prime.lever:181`), for notes.
    public var location: String

    /// Whether the rules can make any score stale (a policy without the block still holds a
    /// missing score to `unvalued`, which an undefined input is anyway).
    public var isDeclared: Bool { !location.isEmpty }

    /// What the account's tier becomes, in words (`tier Watch applies`).
    public var consequence: String {
        switch stale {
        case .unvalued: "the score is not used and the account is not valued on it (`stale_score = unvalued`)"
        case .tier(_, let label): "the account is put in tier \(label) (`stale_score = \(label)`)"
        }
    }
}
