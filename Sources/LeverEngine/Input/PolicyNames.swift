/// The names a policy knows, which a book is checked against as it loads (`BookLoader`).
///
/// A position's asset and venue must be declared (L0716, L0715: errors, because the engine
/// would otherwise value the position without the rules written for it). Account attributes are
/// free-form, so they are only warned about where the policy makes a mistake likely: a string
/// value an attribute is compared with nowhere in the policy (L0717), or an attribute the policy
/// does not read whose name is close to one it does (L0718).
///
/// `init(policy:)` reads the names from a compiled policy; the memberwise initialiser is for
/// callers checking a book against names of their own.
public struct PolicyNames: Sendable, Hashable {
    /// Declared assets, in declaration order.
    public var assets: [String]
    /// Declared venues, in declaration order.
    public var venues: [String]
    /// Declared chains, in declaration order (`chain arbitrum`); a position on another is an error.
    public var chains: [String] = []
    /// The account attributes the policy reads (`account.region` is `region`; `score` is not an
    /// attribute), sorted.
    public var attributes: [String]
    /// For each attribute the policy only ever compares for equality with literals (`==`, `!=`,
    /// a decision table's value column, whose `else` accepts anything): the strings it compares
    /// it with, sorted. An attribute read any other way (arithmetic, a range, a reported value) is
    /// absent, because then no list of values is complete.
    public var attributeValues: [String: [String]]

    /// Names from their lists.
    public init(assets: [String], venues: [String], attributes: [String] = [], attributeValues: [String: [String]] = [:]) {
        self.assets = assets
        self.venues = venues
        self.attributes = attributes
        self.attributeValues = attributeValues
    }

    /// The names either policy knows, for a book evaluated under both (`lever diff`): a name one
    /// of them lacks is then reported when that one evaluates the account. An attribute stays
    /// closed only where neither policy reads it openly.
    public func union(_ other: PolicyNames) -> PolicyNames {
        func merged(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !a.contains($0) } }
        var values: [String: [String]] = [:]
        for name in Set(attributes).union(other.attributes) {
            let mine = attributes.contains(name) ? attributeValues[name] : []
            let theirs = other.attributes.contains(name) ? other.attributeValues[name] : []
            if let mine, let theirs { values[name] = Array(Set(mine).union(theirs)).sorted() }
        }
        var union = PolicyNames(assets: merged(assets, other.assets), venues: merged(venues, other.venues),
                                attributes: Array(Set(attributes).union(other.attributes)).sorted(), attributeValues: values)
        union.chains = merged(chains, other.chains)
        return union
    }
}
