import LeverCompile

extension Report {
    /// How many accounts ended in each status, in a fixed order: the engine's status words
    /// (`healthy`, `margin_call`, `liquidatable`), then `unvalued` and `not evaluated`, which are
    /// always counted apart so an account that could not be valued never hides among the
    /// healthy ones. Statuses no account has are left out.
    public var statusSummary: [(status: String, count: Int)] {
        if let selectedStatuses { return Self.ordered(selectedStatuses) }
        return Self.ordered(statusCounts)
    }

    /// The count of each status over the accounts, read from the `status` output.
    var statusCounts: [String: Int] { counted.statuses }

    /// What the summary counts: the streamed report's `tally`, or one counted over `accounts`.
    public var counted: ReportTally {
        tally ?? ReportTally(accounts, statusColumn: index(of: "status"))
    }

    /// Status counts in the order every summary shows them: the engine's words, then
    /// `unvalued` and `not evaluated`, then any other word (a house `status`) alphabetically.
    public static func ordered(_ counts: [String: Int]) -> [(status: String, count: Int)] {
        let order = CompiledPolicy.statusWords + ["unvalued", "not evaluated"]
        let known = order.compactMap { word in counts[word].map { (word, $0) } }
        let others = counts.keys.filter { !order.contains($0) }.sorted().map { ($0, counts[$0] ?? 0) }
        return known + others
    }

    /// Accounts with at least one runtime assertion broken or not checkable.
    public var accountsWithViolations: Int { counted.accountsWithViolations }

    /// Whether every account was evaluated.
    public var allEvaluated: Bool { counted.allEvaluated }

    /// True when the run found something a caller must act on: an assertion broken or not
    /// checkable, or an account that could not be valued. A breach of an assertion that says
    /// what it means (`else margin_call`) is handled by the status it gave and is not a finding.
    /// `lever eval` exits 1 on a finding, with the report still written.
    public var hasFindings: Bool {
        counted.unhandledViolations || statusSummary.contains { $0.status == "unvalued" }
    }
}

/// What a report's summary counts, added up account by account, so a report written as it is
/// computed (`MarginEngine.evaluate(book:market:…, body)`) counts exactly what a whole one does.
public struct ReportTally: Sendable, Hashable {
    /// Accounts per status; `unvalued` and `not evaluated` counted apart.
    public var statuses: [String: Int] = [:]
    /// Accounts with at least one runtime assertion broken or not checkable.
    public var accountsWithViolations = 0
    /// Some assertion could not be checked, or was broken and says no consequence.
    public var unhandledViolations = false
    /// Every account was evaluated.
    public var allEvaluated = true

    public init() {}

    /// The tally of `accounts`, each status read from the output at `statusColumn` (the full
    /// list's). A report has a handful of statuses, so they are counted by comparing words, not
    /// by hashing one for every account.
    public init(_ accounts: some Sequence<AccountReport>, statusColumn: Int?) {
        var words: [(word: String, count: Int)] = []
        for account in accounts {
            let word = Self.status(of: account, statusColumn: statusColumn)
            if let i = words.firstIndex(where: { $0.word == word }) { words[i].count += 1 } else { words.append((word, 1)) }
            if !account.evaluated { allEvaluated = false }
            if !account.violations.isEmpty { accountsWithViolations += 1 }
            if account.violations.contains(where: { $0.outcome.isUnhandled(consequence: $0.consequence) }) {
                unhandledViolations = true
            }
        }
        for (word, count) in words { statuses[word, default: 0] += count }
    }

    private static func status(of account: AccountReport, statusColumn: Int?) -> String {
        if !account.evaluated { return "not evaluated" }
        if let i = statusColumn, case .label(let word) = account.values[i] { return word }
        return "unvalued"
    }

    /// Adds the counts of other accounts (a chunk's, counted apart).
    public mutating func add(_ other: ReportTally) {
        statuses.merge(other.statuses, uniquingKeysWith: +)
        accountsWithViolations += other.accountsWithViolations
        unhandledViolations = unhandledViolations || other.unhandledViolations
        allEvaluated = allEvaluated && other.allEvaluated
    }
}
