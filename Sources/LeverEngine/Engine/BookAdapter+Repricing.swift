import LeverCompile

extension BookAdapter {
    /// The same book under a new prepared market, reusing the position columns when they cannot
    /// have changed: no asset moved between rejected and not by the oracle rule (that decides
    /// which accounts are laid out), and no evaluated position is an option (its years to expiry
    /// are measured from the snapshot's `as_of`). Nil when the book must be laid out again.
    ///
    /// Notes are recomputed when either market had an issue (a stale price's age is in its
    /// message); otherwise they are the market-independent ones and are kept. A policy with
    /// `reputation` rules or chains is laid out again: a score's age is measured from the new
    /// `as_of`, and a market shocked by a halt changes which collateral crosses a live bridge.
    func repriced(book: Book, policy: CompiledPolicy, old: PreparedMarket, new: PreparedMarket) -> BookAdapter? {
        guard !hasOptions, !policy.reputation.isDeclared, !policy.bridge.isDeclared, old.issues.count == new.issues.count,
              zip(old.issues, new.issues).allSatisfy({ ($0?.outcome == .reject) == ($1?.outcome == .reject) })
        else { return nil }
        guard old.issues.contains(where: { $0 != nil }) || new.issues.contains(where: { $0 != nil }) else {
            return self
        }
        var reader = NoteReader(policy: policy, prepared: new, store: book.store)
        let notes = (0..<book.count).map { reader.read(account: $0) }
        return BookAdapter(columns: columns, notes: notes, evaluable: evaluable, hasOptions: false)
    }
}
