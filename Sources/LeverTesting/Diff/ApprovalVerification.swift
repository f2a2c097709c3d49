import Lever

/// An approval record checked against the diff recomputed from the files today
/// (`lever diff OLD NEW --book B --market M --verify-approval FILE`): each hash, the options and
/// the guardrail outcome, approved and now.
///
/// The engine versions are shown but not compared: a newer engine that computes the same diff
/// verifies, and one that computes a different diff fails on the diff's hash.
public struct ApprovalVerification: Sendable, Hashable {
    /// One compared item.
    public struct Check: Sendable, Hashable {
        /// What is compared (`old policy`, `book`, `diff`, …).
        public var item: String
        /// Its value in the record.
        public var approved: String
        /// Its value recomputed now.
        public var now: String
        /// What each value belongs to (`"Prime" 2026.11, prime.lever`), for the reader; not compared.
        public var approvedContext = "", nowContext = ""

        /// Whether the values are the same.
        public var matches: Bool { approved == now }
    }

    /// The record as read.
    public var record: ApprovalRecord
    /// The engine that recomputed the diff.
    public var engine: String
    /// The items, in a fixed order: old policy, new policy, book, market, options, guardrails, diff.
    public var checks: [Check]

    /// `record` checked against `current`, the record the same command would write today.
    public init(record: ApprovalRecord, current: ApprovalRecord) {
        self.record = record
        engine = current.engine
        let options = { (r: ApprovalRecord) in
            "horizon \(ValueText.number(r.horizonDays)) \(r.horizonDays == 1 ? "day" : "days"), top \(r.top)"
        }
        let guardrails = { (r: ApprovalRecord) in r.passed ? "passed" : "\(r.breaches.count) exceeded" }
        let policy = { (identity: PolicyIdentity, file: String) in "\(DiffTable.title(identity)), \(file)" }
        checks = [
            Check(item: "old policy", approved: record.oldPolicy.hash, now: current.oldPolicy.hash,
                  approvedContext: policy(record.oldPolicy, record.oldFile), nowContext: policy(current.oldPolicy, current.oldFile)),
            Check(item: "new policy", approved: record.newPolicy.hash, now: current.newPolicy.hash,
                  approvedContext: policy(record.newPolicy, record.newFile), nowContext: policy(current.newPolicy, current.newFile)),
            Check(item: "book", approved: record.book.sha256, now: current.book.sha256,
                  approvedContext: record.book.file, nowContext: current.book.file),
            Check(item: "market", approved: record.market.sha256, now: current.market.sha256,
                  approvedContext: record.market.file, nowContext: current.market.file),
            Check(item: "options", approved: options(record), now: options(current)),
            Check(item: "guardrails", approved: guardrails(record), now: guardrails(current)),
            Check(item: "diff", approved: record.diffSHA256, now: current.diffSHA256),
        ]
    }

    /// True when every item matches.
    public var verified: Bool { checks.allSatisfy(\.matches) }

    /// The items that differ.
    public var differences: [Check] { checks.filter { !$0.matches } }

    /// The verification as text: who approved what and when, one line per item, and the verdict.
    public var text: String {
        let by = record.approver.map { " by \($0)" } ?? ""
        var lines = ["approved \(record.approvedAt)\(by) under engine \(record.engine); recomputed under engine \(engine)"]
        let width = checks.map(\.item.count).max() ?? 0
        for check in checks {
            let item = check.item + String(repeating: " ", count: width - check.item.count)
            let context = { (text: String) in text.isEmpty ? "" : " (\(text))" }
            lines.append(check.matches
                ? "  matches  \(item)  \(check.now)\(context(check.nowContext))"
                : "  DIFFERS  \(item)  approved \(check.approved)\(context(check.approvedContext)), "
                    + "now \(check.now)\(context(check.nowContext))")
        }
        let differing = differences
        lines.append(differing.isEmpty
            ? "verified: all \(checks.count) items match the approval"
            : "not verified: \(differing.count) of \(checks.count) items differ (\(differing.map(\.item).joined(separator: ", ")))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verification as JSON: `verified`, the engines, and every item.
    public var json: String {
        JSONOutput.object([
            "verified": .bool(verified),
            "engine": .object(["approved": .string(record.engine), "now": .string(engine)]),
            "approval": record.approvalJSON,
            "checks": .array(checks.map { check in
                .object(["item": .string(check.item), "approved": .string(check.approved), "now": .string(check.now),
                         "matches": .bool(check.matches)])
            }),
        ]).text
    }
}
