import Lever

/// The diff report as stable JSON (sorted keys, shortest numbers), for CI and tools.
///
/// With provenance, the document also names the engine (`engine`), each policy's `file`, and the
/// `book` (`file`, `sha256`) and `market` (`file`, `sha256`, `as_of`) measured.
public enum DiffJSON {
    /// The document text.
    public static func render(_ report: PolicyDiffReport) -> String {
        tree(report, canonical: false).text
    }

    /// SHA-256 of the diff's canonical JSON: the document without its provenance — the engine,
    /// the files and their hashes (the policies keep their name and version), and whether
    /// guardrails were enforced. It is the hash of what the diff found (parameter changes, impact,
    /// guardrail outcome), so two runs that compute the same diff agree on it whatever engine
    /// build ran them and wherever the files were; an approval records it next to the inputs'
    /// own hashes, and re-verification recomputes both.
    public static func canonicalSHA256(_ report: PolicyDiffReport) -> String {
        ContentDigest.sha256(tree(report, canonical: true).text)
    }

    /// The document; `canonical` leaves out the members `canonicalSHA256` does not hash.
    static func tree(_ report: PolicyDiffReport, canonical: Bool) -> JSONOutput {
        let provenance = canonical ? nil : report.provenance
        let policy = { (identity: PolicyIdentity, file: String?) -> JSONOutput in
            canonical ? .object(["name": .string(identity.name), "version": .string(identity.version)])
                : identity.json(file: file)
        }
        var root: [String: JSONOutput] = [
            "old_policy": policy(report.oldPolicy, provenance?.oldFile),
            "new_policy": policy(report.newPolicy, provenance?.newFile),
            "version_conflict": report.versionConflict?.json ?? .null,
            "parameter_changes": .array(report.changes.map(change)),
            "status_changes": .array(report.impact.statusChanges.map(account)),
            "statuses": .object([
                "old": .object(Dictionary(report.impact.statusCounts(old: true).map { ($0.status, .number(Double($0.count))) },
                                          uniquingKeysWith: { a, _ in a })),
                "new": .object(Dictionary(report.impact.statusCounts(old: false).map { ($0.status, .number(Double($0.count))) },
                                          uniquingKeysWith: { a, _ in a })),
            ]),
            "movers": .array(report.movers.map(account)),
            "totals": totals(report.impact.overall),
            "by_tier": .array(report.impact.byTier.map(totals)),
            "by_asset": .array(report.impact.byAsset.map(totals)),
            "guardrail_violations": .array(report.violations.map(violation)),
        ]
        if let provenance {
            root["book"] = provenance.book.json
            root["market"] = provenance.marketJSON
            root["engine"] = .string(provenance.engine)
        }
        if !canonical { root["guardrails_enforced"] = .bool(report.guardrailsEnforced) }
        return .object(root)
    }

    static func violation(_ v: ChangeViolation) -> JSONOutput {
        .object(["parameter": .string(v.parameter), "message": .string(v.message)])
    }

    static func optional(_ s: String?) -> JSONOutput { s.map { .string($0) } ?? .null }
    static func optional(_ x: Double?) -> JSONOutput { x.map { .number($0) } ?? .null }

    static func change(_ c: ParameterChange) -> JSONOutput {
        .object(["kind": .string(c.kind.rawValue), "subject": .string(c.subject), "item": .string(c.item),
                 "old": optional(c.old), "new": optional(c.new), "line": .string(c.line),
                 "position": optional(c.position),
                 "applies_to": c.appliesTo.map { .array($0.map { .string($0) }) } ?? .null])
    }

    static func account(_ a: AccountImpact) -> JSONOutput {
        .object(["id": .string(a.id), "old_status": .string(a.oldStatus), "new_status": .string(a.newStatus),
                 "old_health": optional(a.oldHealth), "new_health": optional(a.newHealth),
                 "old_tier": optional(a.oldTier), "new_tier": optional(a.newTier),
                 "old_collateral": optional(a.oldCollateral), "new_collateral": optional(a.newCollateral)])
    }

    static func totals(_ t: ImpactTotals) -> JSONOutput {
        .object(["group": .string(t.group),
                 "initial_requirement": pair(t.oldInitial, t.newInitial),
                 "maintenance_requirement": pair(t.oldMaintenance, t.newMaintenance),
                 "credit_extended": pair(t.oldCredit, t.newCredit),
                 "collateral": pair(t.oldCollateral, t.newCollateral)])
    }

    static func pair(_ a: Double, _ b: Double) -> JSONOutput {
        .object(["old": .number(a), "new": .number(b), "change": .number(b - a)])
    }
}
