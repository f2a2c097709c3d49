/// Whether a case's `expected.json` was approved under the policy and engine the case runs under
/// now: what the file records beside what the run used.
///
/// A policy edit that moves no number (a comment, a reformatting, a rule that no account of the
/// book reaches) leaves every golden passing, yet the committee approved the numbers under the old
/// text. The approval says so, case by case, without failing anything: pass or fail is the numbers'
/// business alone.
public struct GoldenApproval: Sendable, Hashable {
    /// What `expected.json` records.
    public var recorded: GoldenProvenance
    /// What the case ran under now.
    public var current: GoldenProvenance

    /// An approval.
    public init(recorded: GoldenProvenance, current: GoldenProvenance) {
        self.recorded = recorded
        self.current = current
    }

    /// The policy's name, version or hash differs from the recorded one, or none is recorded.
    public var policyChanged: Bool { recorded.policy != current.policy }
    /// The engine's release number differs from the recorded one, or none is recorded.
    public var engineChanged: Bool { recorded.engine != current.engine }
    /// The file records exactly what the case ran under.
    public var isCurrent: Bool { !policyChanged && !engineChanged }

    /// What differs, for the case line: `blessed under policy 2026.10 3f2c1ab0…; now 2026.11
    /// 9ab1c2d3…`, `blessed under engine 0.9.0; now 0.10.0`, or both (`blessed under policy
    /// 2026.11 fb11837a… and no recorded engine version; now policy 2026.11 1b1dd3f1… and engine
    /// 0.10.0`); empty when current. Names are shown only when they differ.
    public var note: String {
        var was: [String] = [], now: [String] = []
        if policyChanged {
            let named = recorded.policy != nil && recorded.policy?.name != current.policy?.name
            was.append(recorded.policy == nil ? "no recorded policy" : "policy " + GoldenProvenance.describe(recorded.policy, named: named))
            now.append(GoldenProvenance.describe(current.policy, named: named))
        }
        if engineChanged {
            was.append(recorded.engine.map { "engine " + $0 } ?? "no recorded engine version")
            now.append(current.engine ?? "unknown")
        }
        guard !was.isEmpty else { return "" }
        if was.count == 2 { now = ["policy " + now[0], "engine " + now[1]] }
        return "blessed under " + was.joined(separator: " and ") + "; now " + now.joined(separator: " and ")
    }

    /// What `--bless` wrote in place of the recorded provenance: `re-recorded under policy 2026.11
    /// 9ab1c2d3… and engine 0.10.0, values unchanged`.
    public var rerecordedNote: String {
        "re-recorded under policy \(GoldenProvenance.describe(current.policy)) and engine \(current.engine ?? "unknown"), values unchanged"
    }
}
