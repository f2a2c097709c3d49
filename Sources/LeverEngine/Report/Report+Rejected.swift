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
        var merged: [AccountReport] = [], next = 0
        merged.reserveCapacity(accounts.count + rejected.count)
        for bad in rejected.sorted(by: { $0.index < $1.index }) {
            while merged.count < bad.index && next < accounts.count {
                merged.append(accounts[next])
                next += 1
            }
            merged.append(AccountReport(rejected: bad))
        }
        merged += accounts[next...]
        var copy = self
        copy.accounts = merged
        return copy
    }
}
