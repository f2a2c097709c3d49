import Lever

/// What a risk committee keeps with its minutes when it approves a policy change
/// (`lever diff OLD NEW --book B --market M --enforce --approve FILE`): who approved and when,
/// the engine, both policies (name, version, file, hash), the book and market measured (file,
/// SHA-256, as-of time), the diff's options, the guardrail outcome, the impact totals, and the
/// SHA-256 of the diff's canonical JSON (`DiffJSON.canonicalSHA256`).
///
/// Everything but the approver and the time can be recomputed from the files, which is what
/// `--verify-approval` does (`ApprovalVerification`). The JSON form has stable bytes and a
/// `format` member naming its version.
public struct ApprovalRecord: Sendable, Hashable {
    /// The value of the record's `format` member.
    public static let format = "lever-diff-approval/1"

    /// Who approved, as given with `--approver`.
    public var approver: String?
    /// When (UTC).
    public var approvedAt: Timestamp
    /// The engine version that computed the diff.
    public var engine: String
    /// The current (approved) policy and its file.
    public var oldPolicy: PolicyIdentity, oldFile: String
    /// The proposed policy and its file.
    public var newPolicy: PolicyIdentity, newFile: String
    /// The book and market measured, and the market's as-of time.
    public var book: FileDigest, market: FileDigest, asOf: Timestamp?
    /// The diff's options: the interest horizon in days and the number of movers shown.
    public var horizonDays: Double, top: Int
    /// Guardrails the change exceeds (an approval is only written when there are none).
    public var breaches: [ChangeViolation]
    /// The impact on the whole book.
    public var totals: ImpactTotals
    /// SHA-256 of the diff's canonical JSON.
    public var diffSHA256: String
    /// The guarded parameters the change moved (`asset WETH: ltv`), so that a later change can
    /// be judged against a guard's `every` (`lever diff --history`); JSON `guardrails.changed`.
    public var guardedChanges: [String] = []

    /// Whether every guardrail held.
    public var passed: Bool { breaches.isEmpty }

    /// A record from its parts (what `init?(report:…)` and `parse` build).
    public init(approver: String?, approvedAt: Timestamp, engine: String, oldPolicy: PolicyIdentity, oldFile: String,
                newPolicy: PolicyIdentity, newFile: String, book: FileDigest, market: FileDigest, asOf: Timestamp?,
                horizonDays: Double, top: Int, breaches: [ChangeViolation], totals: ImpactTotals, diffSHA256: String) {
        self.approver = approver
        self.approvedAt = approvedAt
        self.engine = engine
        self.oldPolicy = oldPolicy
        self.oldFile = oldFile
        self.newPolicy = newPolicy
        self.newFile = newFile
        self.book = book
        self.market = market
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.top = top
        self.breaches = breaches
        self.totals = totals
        self.diffSHA256 = diffSHA256
    }

    /// The record of `report`, computed over a horizon of `horizonDays`; nil when the report does
    /// not record its provenance (the files and the engine are what a record is about).
    public init?(report: PolicyDiffReport, horizonDays: Double, approver: String?, approvedAt: Timestamp) {
        guard let p = report.provenance else { return nil }
        self.init(approver: approver, approvedAt: approvedAt, engine: p.engine,
                  oldPolicy: report.oldPolicy, oldFile: p.oldFile, newPolicy: report.newPolicy, newFile: p.newFile,
                  book: p.book, market: p.market, asOf: p.asOf, horizonDays: horizonDays, top: report.top,
                  breaches: report.violations, totals: report.impact.overall, diffSHA256: DiffJSON.canonicalSHA256(report))
    }

    /// `{"approver", "approved_at"}`.
    var approvalJSON: JSONOutput {
        .object(["approver": approver.map(JSONOutput.string) ?? .null, "approved_at": .string(approvedAt.description)])
    }

    /// The record as JSON (sorted keys, shortest numbers), ending in a newline.
    public var json: String {
        JSONOutput.object([
            "format": .string(Self.format),
            "approval": approvalJSON,
            "engine": .string(engine),
            "old_policy": oldPolicy.json(file: oldFile),
            "new_policy": newPolicy.json(file: newFile),
            "book": book.json,
            "market": DiffProvenance.json(market: market, asOf: asOf),
            "options": .object(["horizon_days": .number(horizonDays), "top": .int(top)]),
            "guardrails": .object(["passed": .bool(passed), "breaches": .array(breaches.map(DiffJSON.violation)),
                                   "changed": .array(guardedChanges.map(JSONOutput.string))]),
            "totals": DiffJSON.totals(totals),
            "diff_sha256": .string(diffSHA256),
        ]).text
    }
}
