/// One semantic difference between two versions of a policy: a parameter, property rule, table
/// field, curve point, shock, measure or assert that was added, removed, changed or reordered.
///
/// Values are shown as the author would write them (`85%`, `2M USD`); `oldValue`/`newValue` hold
/// the constant-folded base-unit numbers when both sides are constant, so guardrails can
/// measure how far a number moved.
public struct ParameterChange: Sendable, Hashable {
    /// What happened to the item.
    public enum Kind: String, Sendable, Hashable {
        /// A rule, row, point or declaration that the old version did not have.
        case added
        /// One the new version no longer has.
        case removed
        /// The same item with a different rule or value.
        case changed
        /// The same rules of one property in another order (`+=` before `*=` is not `*=`
        /// before `+=`): `old` and `new` list the chain in each order.
        case reordered
    }

    /// Added, removed, changed or reordered.
    public var kind: Kind
    /// The declaration, e.g. `asset ETH`, `tier Core`, `curve usdc_rate`, `margin`.
    public var subject: String
    /// The item within it, e.g. `liquidation_threshold`, `point 90%`, `slope1`; empty for a
    /// declaration that is one value (a param, a measure).
    public var item: String
    /// The old value as text; nil when added.
    public var old: String?
    /// The new value as text; nil when removed.
    public var new: String?
    /// The old value in base units, when constant.
    public var oldValue: Double?
    /// The new value in base units, when constant.
    public var newValue: Double?
    /// Where in a chain of rules the change sits (`before *= 120%`, `rule 1 of 2`), when the
    /// property has more than one rule in the declaration.
    public var position: String?
    /// For a rule written in a class: the assets whose effective rule chain it changes (empty
    /// when it changes none, because every asset of the class sets the property again); nil
    /// when the subject itself is what it applies to.
    public var appliesTo: [String]?

    /// A change record.
    public init(kind: Kind, subject: String, item: String, old: String?, new: String?,
                oldValue: Double? = nil, newValue: Double? = nil, position: String? = nil,
                appliesTo: [String]? = nil) {
        self.kind = kind
        self.subject = subject
        self.item = item
        self.old = old
        self.new = new
        self.oldValue = oldValue
        self.newValue = newValue
        self.position = position
        self.appliesTo = appliesTo
    }

    /// One readable line: `asset ETH: liquidation_threshold 82.5% → 85%`,
    /// `curve usdc_rate: point 90% → 5% became 90% → 6%`,
    /// `asset SOL: haircut added: += 2% (before *= 120%)`,
    /// `class major: haircut = clamp(…, 10%, 40%) → = clamp(…, 12%, 40%) (rule 1 of 2); applies to BTC, ETH, SOL`.
    public var line: String {
        var out = body
        if let position { out += " (\(position))" }
        if let appliesTo {
            out += appliesTo.isEmpty ? "; changes no asset's rules" : "; applies to " + appliesTo.joined(separator: ", ")
        }
        return out
    }

    private var body: String {
        let head = item.isEmpty ? subject : "\(subject): \(item)"
        if item.hasPrefix("point "), let x = item.split(separator: " ", maxSplits: 1).last {
            switch kind {
            case .added: return "\(subject): added point \(x) → \(new ?? "")"
            case .removed: return "\(subject): removed point \(x) → \(old ?? "")"
            case .changed, .reordered: return "\(subject): point \(x) → \(old ?? "") became \(x) → \(new ?? "")"
            }
        }
        switch kind {
        case .added: return new == item ? "\(head) added" : "\(head) added: \(new ?? "")"
        case .removed: return old == item ? "\(head) removed" : "\(head) removed (was \(old ?? ""))"
        case .changed: return "\(head) \(old ?? "") → \(new ?? "")"
        case .reordered: return "\(head) reordered: \(old ?? "") became \(new ?? "")"
        }
    }
}
