import LeverCompile

/// What the engine adds to an evaluated account once its outputs are known: the cause of every
/// undefined value, said once, and the runtime assertions it breaks or that could not be checked.
///
/// Both need the values inside the program for that one account, so both read one trace of it
/// (`Program.trace`), taken only for the accounts that need one: a healthy book pays nothing.
struct Findings {
    let policy: CompiledPolicy
    let book: ProgramBook<Double>
    let snapshot: Snapshot<Double>
    let issues: [MarketIssue?]
    /// Market inputs other than prices made undefined for lying outside a declared range.
    var inputIssues: [MarketIssue] = []
    /// The scores' age rules at the market's `as_of`: a stale score is a cause of what it leaves undefined.
    var freshness: ScoreFreshness?

    /// The account (number `account` of `store`) is built only when it has something to add;
    /// `a` is its index among the evaluated inputs.
    func complete(_ report: inout AccountReport, store: borrowing BookStore, account: Int, index a: Int, results: [[Double]]) {
        // The common account has nothing to add: find that out without building any array.
        guard policy.outputs.indices.contains(where: { results[$0][a].isNaN })
                || policy.assertions.contains(where: { results[$0.holds][a] != 1 }) else { return }
        let undefined = policy.outputs.indices.filter { results[$0][a].isNaN }
        var violations: [(CompiledAssertion, AssertionViolation.Outcome)] = []
        for assertion in policy.assertions {
            let holds = results[assertion.holds][a]
            if let outcome = AssertionViolation.Outcome(holds: holds) { violations.append((assertion, outcome)) }
        }
        guard !undefined.isEmpty || !violations.isEmpty else { return }
        let account = store.account(account)
        let needsTrace = !undefined.isEmpty || violations.contains { $0.0.level == .position || $0.1 == .undecided }
        let trace = needsTrace ? policy.program.trace(book, snapshot: snapshot, account: a) : []
        let positions = book.positionCount(account: a)
        let positionAssets = (0..<positions).map { book.asset(ofPosition: $0, account: a) }
        let labels = account.positions.count == positions ? account.positions.map(TreeWalk.describe)
                                                          : (0..<positions).map { "position \($0 + 1)" }
        func causes(_ roots: [NodeRef]) -> [String] {
            UndefinedCauses.find(from: roots, plan: policy.plan, values: trace, positionAssets: positionAssets,
                                 policy: policy, issues: issues, positionLabels: labels,
                                 inputIssues: inputIssues, accountCause: { input in
                                     freshness.flatMap { f in
                                         f.stale(score: account.score, attributes: account.attributes, provenance: account.provenance)
                                             .first { $0.score.input == input }?.why
                                     } ?? Self.outOfRange(input, account: account, policy: policy)
                                 })
        }
        if !undefined.isEmpty {
            let names = undefined.map { policy.outputs[$0].name }
            let why = causes(undefined.map { policy.plan.outputs[$0].node })
            let status = policy.output("status").map { undefined.contains($0) } ?? false
            let subject = status ? "not valued (status `unvalued`): " : ""
            let list = names.count > 6 ? names.prefix(6).joined(separator: ", ") + " and \(names.count - 6) more"
                                       : names.joined(separator: ", ")
            let because = why.isEmpty ? "a missing or invalid input" : why.joined(separator: "; ")
            report.notes.append(AccountNote(severity: status ? .error : .warning,
                                            message: "\(subject)\(list) undefined, because \(because)"))
        }
        for (assertion, outcome) in violations {
            var violation = AssertionViolation(assertion: assertion.text, location: assertion.location, outcome: outcome,
                                               consequence: assertion.consequence, values: [], positions: [])
            switch assertion.level {
            case .account:
                violation.values = assertion.operands.map {
                    AssertionViolation.Value(text: $0.text, value: results[$0.index][a], dimension: $0.dimension)
                }
            case .position:
                guard let verdict = assertion.positionHolds else { break }
                for p in 0..<positions {
                    let v = value(trace, verdict.index, position: p, asset: positionAssets[p])
                    guard v.isNaN || v == 0 else { continue }
                    violation.positions.append(AssertionViolation.Position(
                        position: labels[p], outcome: v.isNaN ? .undecided : .broken,
                        values: assertion.operands.map {
                            AssertionViolation.Value(text: $0.text, value: value(trace, $0.index, position: p, asset: positionAssets[p]),
                                                     dimension: $0.dimension)
                        }))
                }
            }
            if outcome == .undecided {
                let roots = assertion.level == .position ? assertion.positionHolds.map { [$0] } ?? []
                                                         : [policy.plan.outputs[assertion.holds].node]
                let why = causes(roots)
                if !why.isEmpty {
                    report.notes.append(AccountNote(severity: .error, message: "cannot check `\(assertion.text)` (\(assertion.location)), because \(why.joined(separator: "; "))"))
                }
            }
            report.violations.append(violation)
        }
    }

    /// Why an account input is undefined when the book gives it: it lies outside a declared range.
    static func outOfRange(_ input: AccountInput, account: Account, policy: CompiledPolicy) -> String? {
        let value: Double
        let name: String
        switch input {
        case .score: (value, name) = (account.score, "account.score")
        case .attribute(let attribute):
            guard case .number(let x)? = account.attributes[attribute] else { return nil }
            (value, name) = (x, "account.\(attribute)")
        case .staleTier: return nil
        }
        return policy.inputRanges.first { $0.target == .account(input) && $0.excludes(value) }?.reason(value, name: name)
    }

    /// A traced node's value for one position, whatever its domain.
    private func value(_ trace: [[Double]], _ node: Int, position p: Int, asset: Int) -> Double {
        guard trace.indices.contains(node) else { return .nan }
        let column = trace[node]
        let i: Int
        switch policy.plan.nodes[node].domain {
        case .scalar, .account: i = 0
        case .asset: i = asset
        case .position: i = p
        }
        return column.indices.contains(i) ? column[i] : .nan
    }
}
