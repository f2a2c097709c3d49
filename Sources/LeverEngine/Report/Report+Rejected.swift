import LeverSyntax

extension AccountReport {
    /// The report of an account the book loader left out (`--keep-going`): not evaluated, with
    /// each of its load problems as a note (their messages start with the JSON path).
    public init(rejected: RejectedAccount) {
        let notes = rejected.diagnostics.map(AccountNote.init)
        self.init(id: rejected.id ?? "accounts[\(rejected.index)]", evaluated: false, values: [],
                  notes: notes, liquidation: nil)
    }
}

extension Report {
    /// The report with the accounts the loader rejected put back where they were in the file,
    /// so a report lists every account of the book, evaluated or not.
    ///
    /// `accounts` are the loaded ones in file order; `rejected` carry their file index.
    public func including(rejected: [RejectedAccount]) -> Report {
        guard !rejected.isEmpty else { return self }
        var copy = self
        copy.accounts = RejectedPlacement(rejected, accountCount: accounts.count).merged(accounts, accounts: 0..<accounts.count)
        return copy
    }
}

/// Where the accounts the loader rejected go among a report's evaluated accounts: each at its
/// index in the file, counting every account before it, evaluated or rejected. Worked out once
/// from the indices, so a chunk of accounts knows which rejected ones it holds without the
/// chunks before it (a streamed report merges them chunk by chunk, on any thread).
struct RejectedPlacement: Sendable {
    /// The rejected accounts in file order, each with the evaluated account it comes just
    /// before (`accountCount` when it comes after all of them).
    private let placed: [(before: Int, account: RejectedAccount)]
    private let accountCount: Int

    init(_ rejected: [RejectedAccount], accountCount: Int) {
        self.accountCount = accountCount
        // The j-th rejected account (in file order) has j rejected and `index - j` evaluated
        // accounts before it; two given the same index (never from the loader) come together.
        var placed: [(before: Int, account: RejectedAccount)] = []
        for (j, bad) in rejected.sorted(by: { $0.index < $1.index }).enumerated() {
            placed.append((min(max(bad.index - j, placed.last?.before ?? 0), accountCount), bad))
        }
        self.placed = placed
    }

    /// The reports of evaluated accounts `range` with the rejected ones that fall among them
    /// (and, for the last range, after them) in their places.
    func merged(_ reports: [AccountReport], accounts range: Range<Int>) -> [AccountReport] {
        let first = firstPlaced(before: range.lowerBound)
        let last = range.upperBound == accountCount ? placed.count : firstPlaced(before: range.upperBound)
        guard first < last else { return reports }
        var merged: [AccountReport] = []
        merged.reserveCapacity(reports.count + last - first)
        var next = first
        for (k, report) in zip(range, reports) {
            while next < last && placed[next].before <= k {
                merged.append(AccountReport(rejected: placed[next].account))
                next += 1
            }
            merged.append(report)
        }
        while next < last {
            merged.append(AccountReport(rejected: placed[next].account))
            next += 1
        }
        return merged
    }

    /// Where a chunk starting at evaluated account `k` starts among all the report's accounts:
    /// the place of the first rejected account put just before `k`, if any, else of `k`.
    func place(ofAccount k: Int) -> Int { k + firstPlaced(before: k) }

    /// How many rejected accounts come before evaluated account `k`.
    private func firstPlaced(before k: Int) -> Int {
        var low = 0, high = placed.count
        while low < high {
            let mid = (low + high) / 2
            if placed[mid].before < k { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
