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
    /// Passing cases whose policy and engine `--bless` re-recorded, values untouched.
    public var rerecorded: [GoldenResult] { results.filter(\.rerecorded) }
    /// Cases whose `expected.json` records another policy (name, version or hash) than they ran under.
    public var stalePolicy: [GoldenResult] { results.filter { $0.isStale && $0.approval?.policyChanged == true } }
    /// Cases that record the policy they ran under but another engine version (or none).
    public var staleEngineOnly: [GoldenResult] { results.filter { $0.isStale && $0.approval?.policyChanged == false } }

    /// The closing line: `N passed, N failed`, then how many cases were approved under another
    /// policy or engine version (`; 3 cases blessed under another policy version: re-bless with
    /// --bless after review`). The counts never change the exit status.
    public var line: String {
        let counts = "\(passed) passed, \(failed) failed"
        let policy = stalePolicy.count, engine = staleEngineOnly.count
        guard policy + engine > 0 else { return counts }
        var stale: [String] = []
        if policy > 0 { stale.append("\(Self.cases(policy)) blessed under another policy version") }
        if engine > 0 { stale.append("\(Self.cases(engine)) blessed by another engine version") }
        return counts + "; " + stale.joined(separator: ", ") + ": re-bless with --bless after review"
    }

    /// `1 case`, `3 cases`.
    static func cases(_ count: Int) -> String { "\(count) case\(count == 1 ? "" : "s")" }
}
