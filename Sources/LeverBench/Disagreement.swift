/// One account and output on which the compiled policy and the hand-written baseline differ.
public struct Disagreement: Sendable, Equatable {
    /// The account's id and its index in the book.
    public var account: String
    public var index: Int
    /// The output (`health`, `status`, …).
    public var field: String
    /// Each side's value, as a report shows it.
    public var lever: String
    public var baseline: String

    /// A disagreement on `field` of the account `account` (at `index` in the book).
    public init(account: String, index: Int, field: String, lever: String, baseline: String) {
        self.account = account
        self.index = index
        self.field = field
        self.lever = lever
        self.baseline = baseline
    }

    /// `acct-000042 health: lever 1.05, baseline 1.06`.
    public var message: String { "\(account) \(field): lever \(lever), baseline \(baseline)" }

    /// Every disagreement between `lever` and `baseline` (account by account, fields in
    /// `R.fields` order), at most `limit` of them. `ids` names the accounts, in book order.
    public static func find<R: BaselineResults>(lever: R, baseline: R, ids: [String], limit: Int = 10) -> [Disagreement] {
        var found: [Disagreement] = []
        guard lever.count == baseline.count else {
            return [Disagreement(account: "(book)", index: -1, field: "accounts", lever: "\(lever.count) accounts",
                                 baseline: "\(baseline.count) accounts")]
        }
        for a in 0..<lever.count {
            for field in R.fields where !lever.agrees(with: baseline, on: field, at: a) {
                found.append(Disagreement(account: a < ids.count ? ids[a] : "#\(a)", index: a, field: field,
                                          lever: lever.text(field, at: a), baseline: baseline.text(field, at: a)))
                if found.count >= limit { return found }
            }
        }
        return found
    }
}
