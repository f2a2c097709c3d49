import Lever

/// The diff report as stable JSON (sorted keys, shortest numbers), for CI and tools.
public enum DiffJSON {
    /// The document text.
    public static func render(_ report: PolicyDiffReport) -> String {
        JSONOutput.object([
            "old_policy": identity(report.oldPolicy),
            "new_policy": identity(report.newPolicy),
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
            "guardrails_enforced": .bool(report.guardrailsEnforced),
            "guardrail_violations": .array(report.violations.map {
                .object(["parameter": .string($0.parameter), "message": .string($0.message)])
            }),
        ]).text
    }

    static func identity(_ p: PolicyIdentity) -> JSONOutput {
        .object(["name": .string(p.name), "version": .string(p.version), "hash": .string(p.hash)])
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
