/// The derivation of one number: which rule produced it, its value for the account, and the
/// named rules and inputs it was computed from.
public struct Explanation: Sendable, Hashable {
    /// The rule, as a committee names it: `measure health`, `haircut of BTC`, `tier`.
    public var title: String
    /// The value for this account (a number, `∞`, a label), or empty for per-position rules.
    public var value: String
    /// The rule's text or the standard formula.
    public var detail: String
    /// `file:line:col` of the rule, when it is written in the policy.
    public var location: String?
    /// Per-position values (`BTC spot +1.5 @ Binance: 0.12`), for rules evaluated per position.
    public var positions: [String]
    /// What it was computed from; `nil` marks a rule already shown higher up.
    public var children: [Explanation]
    /// True when the same rule was expanded earlier in the tree (shown once, referenced after).
    public var isRepeat: Bool

    public init(title: String, value: String, detail: String, location: String? = nil, positions: [String] = [],
                children: [Explanation] = [], isRepeat: Bool = false) {
        self.title = title
        self.value = value
        self.detail = detail
        self.location = location
        self.positions = positions
        self.children = children
        self.isRepeat = isRepeat
    }

    /// The tree as indented text, one rule per line, per-position values beneath their rule.
    public func rendered() -> String {
        var lines: [String] = []
        render(into: &lines, prefix: "", childPrefix: "")
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(into lines: inout [String], prefix: String, childPrefix: String) {
        var head = title + (value.isEmpty ? "" : " = \(value)")
        if isRepeat { head += "  (shown above)" }
        else if !detail.isEmpty { head += "  ← \(detail)" }
        if let location, !isRepeat { head += "  [\(location)]" }
        lines.append(prefix + head)
        let bar = children.isEmpty ? "   " : "│  "
        for p in positions { lines.append(childPrefix + bar + "· " + p) }
        for (i, child) in children.enumerated() {
            let last = i == children.count - 1
            child.render(into: &lines, prefix: childPrefix + (last ? "└─ " : "├─ "),
                         childPrefix: childPrefix + (last ? "   " : "│  "))
        }
    }
}
