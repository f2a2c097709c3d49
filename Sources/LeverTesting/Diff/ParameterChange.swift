/// One semantic difference between two versions of a policy: a parameter, property, table
/// field, curve point, shock, measure or assert that was added, removed or changed.
///
/// Values are shown as the author would write them (`85%`, `2M USD`); `oldValue`/`newValue` hold
/// the constant-folded base-unit numbers when both sides are constant, so guardrails can
/// measure how far a number moved.
public struct ParameterChange: Sendable, Hashable {
    /// What happened to the item.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    /// Added, removed or changed.
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

    /// A change record.
    public init(kind: Kind, subject: String, item: String, old: String?, new: String?,
                oldValue: Double? = nil, newValue: Double? = nil) {
        self.kind = kind
        self.subject = subject
        self.item = item
        self.old = old
        self.new = new
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// One readable line: `asset ETH: liquidation_threshold 82.5% → 85%`,
    /// `curve usdc_rate: point 90% → 5% became 90% → 6%`.
    public var line: String {
        let head = item.isEmpty ? subject : "\(subject): \(item)"
        if item.hasPrefix("point "), let x = item.split(separator: " ", maxSplits: 1).last {
            switch kind {
            case .added: return "\(subject): added point \(x) → \(new ?? "")"
            case .removed: return "\(subject): removed point \(x) → \(old ?? "")"
            case .changed: return "\(subject): point \(x) → \(old ?? "") became \(x) → \(new ?? "")"
            }
        }
        switch kind {
        case .added: return new == item ? "\(head) added" : "\(head) added: \(new ?? "")"
        case .removed: return old == item ? "\(head) removed" : "\(head) removed (was \(old ?? ""))"
        case .changed: return "\(head) \(old ?? "") → \(new ?? "")"
        }
    }
}
