/// The results of a whole run.
public struct GoldenSummary: Sendable, Hashable {
    /// One result per case, in discovery order.
    public var results: [GoldenResult]

    /// A summary.
    public init(results: [GoldenResult]) { self.results = results }

    /// Cases that passed (including blessed ones).
    public var passed: Int { results.filter(\.isPassing).count }
    /// Cases that failed or could not run.
    public var failed: Int { results.count - passed }
    /// Cases whose `expected.json` was rewritten.
    public var blessed: [GoldenResult] { results.filter { $0.outcome == .blessed } }
    /// The closing line: `N passed, N failed`.
    public var line: String { "\(passed) passed, \(failed) failed" }
}
