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
    var statusCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for account in accounts {
            let status: String
            if !account.evaluated {
                status = "not evaluated"
            } else if let i = index(of: "status"), case .label(let word) = account.values[i] {
                status = word
            } else {
                status = "unvalued"
            }
            counts[status, default: 0] += 1
        }
        return counts
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
    public var accountsWithViolations: Int { accounts.filter { !$0.violations.isEmpty }.count }

    /// True when the run found something a caller must act on: an assertion broken or not
    /// checkable, or an account that could not be valued. A breach of an assertion that says
    /// what it means (`else margin_call`) is handled by the status it gave and is not a finding.
    /// `lever eval` exits 1 on a finding, with the report still written.
    public var hasFindings: Bool {
        let unhandled = accounts.contains { account in
            account.violations.contains { $0.outcome == .undecided || $0.consequence == nil }
        }
        return unhandled || statusSummary.contains { $0.status == "unvalued" }
    }
}
