/// What running one golden case found.
public struct GoldenResult: Sendable, Hashable {
    /// How the case ended.
    public enum Outcome: Sendable, Hashable {
        /// The report matches `expected.json`.
        case passed
        /// The report differs; each difference names account, field, both values and the rule.
        case failed([GoldenDifference])
        /// `--bless` rewrote (or created) `expected.json` from the report.
        case blessed
        /// The case could not be evaluated: bad `case.json`, policy or input errors, no expectation.
        case error(String)
    }

    /// The case.
    public var testCase: GoldenCase
    /// How many accounts the comparison covered (those of the report, after `accounts`).
    public var accountCount: Int
    /// How the case ended.
    public var outcome: Outcome
    /// Accounts the report could not value (`unvalued`) or evaluate (`not evaluated`), and
    /// accounts that break a runtime assertion: counted apart in the case line, so a case that
    /// approves unknowns says so.
    public var unvalued = 0, notEvaluated = 0, violating = 0
    /// What `expected.json` recorded beside what the case ran under, as the run found the file;
    /// nil when the case was not evaluated or had no `expected.json`. Never decides the outcome.
    public var approval: GoldenApproval?
    /// `--bless` re-recorded the policy and engine of this passing case, leaving its values alone.
    public var rerecorded = false

    /// A result.
    public init(testCase: GoldenCase, accountCount: Int, outcome: Outcome, approval: GoldenApproval? = nil) {
        self.testCase = testCase
        self.accountCount = accountCount
        self.outcome = outcome
        self.approval = approval
    }

    /// Its `expected.json` still records another policy or engine than the case ran under: not
    /// re-recorded, nor rewritten by `--bless`.
    public var isStale: Bool {
        guard let approval, !rerecorded, outcome != .blessed else { return false }
        return !approval.isCurrent
    }

    /// What the case line adds about the approval: the stale note, what `--bless` re-recorded, or nil.
    public var approvalNote: String? {
        guard let approval else { return nil }
        if rerecorded { return approval.rerecordedNote }
        return isStale ? approval.note : nil
    }

    /// Passed, or blessed into passing.
    public var isPassing: Bool {
        switch outcome {
        case .passed, .blessed: true
        case .failed, .error: false
        }
    }

    /// The failure text beneath the case line: one difference per line with its rule, or the error.
    public var details: [String] {
        switch outcome {
        case .passed, .blessed: return []
        case .error(let message): return message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .failed(let differences):
            return differences.flatMap { difference in
                [difference.summary] + (difference.rule.map { ["  " + $0] } ?? [])
            }
        }
    }
}
