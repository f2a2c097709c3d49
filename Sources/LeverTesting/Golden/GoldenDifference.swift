/// One way the actual report differs from `expected.json`.
///
/// `account` is nil for report-level fields (`market_issues`, `horizon_days`); `field` is an
/// output name or a path inside a structured field (`liquidation.steps[0].repay_amount`).
public struct GoldenDifference: Sendable, Hashable {
    /// What kind of difference.
    public enum Kind: Sendable, Hashable {
        /// Both sides have a value and they differ (beyond the tolerance for numbers).
        case changed
        /// `expected.json` has it, the actual report does not.
        case missing
        /// The actual report has it, `expected.json` does not.
        case unexpected
    }

    /// What kind of difference.
    public var kind: Kind
    /// The account, or nil for the report header.
    public var account: String?
    /// The output or path; empty when the whole account is missing or unexpected.
    public var field: String
    /// The expected value as compact JSON (nil when missing from `expected.json`).
    public var expected: String?
    /// The actual value as compact JSON (nil when missing from the report).
    public var actual: String?
    /// The rule that produced the actual value (`measure health ← … [Rules/prime.lever:12:3]`).
    public var rule: String?

    /// A difference.
    public init(kind: Kind, account: String?, field: String, expected: String?, actual: String?, rule: String? = nil) {
        self.kind = kind
        self.account = account
        self.field = field
        self.expected = expected
        self.actual = actual
        self.rule = rule
    }

    /// One line: `lev-yarrow health: expected 0.93, actual 0.9305725744540578`.
    public var summary: String {
        let subject = [account, field.isEmpty ? nil : field].compactMap { $0 }.joined(separator: " ")
        let what = field.isEmpty ? "account" : "field"
        switch kind {
        case .changed: return "\(subject): expected \(expected ?? "?"), actual \(actual ?? "?")"
        case .missing: return "\(subject): expected \(expected ?? what), but the report has no such \(what)"
        case .unexpected: return "\(subject): not in expected.json, actual \(actual ?? what)"
        }
    }
}
