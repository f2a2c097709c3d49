import Lever

/// Reads one account's standard results out of a `Report` by output name, so the impact
/// analysis does not depend on column order (a policy's measures may replace standard results).
struct ReportReading {
    let report: Report
    let columns: [String: Int]

    init(_ report: Report) {
        self.report = report
        var columns: [String: Int] = [:]
        for (i, output) in report.outputs.enumerated() { columns[output.name] = i }
        self.columns = columns
    }

    /// A numeric output; nil when absent, undefined or not a number.
    func number(_ output: String, _ account: AccountReport) -> Double? {
        guard account.evaluated, let i = columns[output], i < account.values.count else { return nil }
        return account.values[i].number
    }

    /// A label output (status, tier); nil when absent.
    func label(_ output: String, _ account: AccountReport) -> String? {
        guard account.evaluated, let i = columns[output], i < account.values.count else { return nil }
        switch account.values[i] {
        case .label(let s): return s
        case .flag(let b): return b ? "true" : "false"
        case .number, .decimal, .undefined: return nil
        }
    }

    /// The account's status, or `not evaluated`.
    func status(_ account: AccountReport) -> String {
        account.evaluated ? (label("status", account) ?? "unknown") : "not evaluated"
    }
}
