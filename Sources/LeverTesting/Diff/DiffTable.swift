import Lever

/// The diff report as plain text for a terminal: parameter changes, status changes, totals
/// overall / by tier / by asset, and the largest movers.
public enum DiffTable {
    /// The text, ending in a newline.
    public static func render(_ report: PolicyDiffReport) -> String {
        var out = "lever diff: \(title(report.oldPolicy)) → \(title(report.newPolicy))\n\n"
        out += provenance(report).map { label, text in
            "  " + label + String(repeating: " ", count: max(1, 9 - label.count)) + text + "\n"
        }.joined()
        if let conflict = report.versionConflict {
            out += "\n\(report.guardrailsEnforced ? "error" : "warning"): \(conflict.message)\n"
        }
        out += "\nParameter changes (\(report.changes.count))\n"
        out += report.changes.isEmpty ? "  none\n" : report.changes.map { "  \($0.line)\n" }.joined()
        let statusChanges = report.impact.statusChanges
        out += "\nStatus changes (\(statusChanges.count) of \(report.impact.accounts.count) accounts)\n"
        out += statusChanges.isEmpty ? "  none\n" : grid(
            ["account", "status", "health old", "health new"],
            statusChanges.map { [$0.id, "\($0.oldStatus) → \($0.newStatus)", health($0.oldHealth), health($0.newHealth)] })
        let counts = { (old: Bool) in report.impact.statusCounts(old: old).map { "\($0.count) \($0.status)" }.joined(separator: ", ") }
        out += "\nStatuses\n  old: \(counts(true))\n  new: \(counts(false))\n"
        out += "\nTotals\n" + totalsGrid([report.impact.overall] + report.impact.byTier.map { prefixed($0, "tier ") }
                                         + report.impact.byAsset.map { prefixed($0, "asset ") })
        let movers = report.movers
        out += "\nLargest movers (top \(report.top))\n"
        out += movers.isEmpty ? "  none\n" : grid(
            ["account", "health old", "health new", "Δ health", "Δ collateral"],
            movers.map { [$0.id, health($0.oldHealth), health($0.newHealth), signed($0.healthDelta, 4),
                          signed($0.collateralDelta, 2)] })
        if !report.violations.isEmpty {
            let severity = report.guardrailsEnforced ? "error" : "warning"
            let title = report.guardrailsEnforced ? "Guardrail violations" : "Guardrail violations (not enforced: `--enforce` fails the run)"
            out += "\n\(title)\n" + report.violations.map { "  \(severity): \($0.line)\n" }.joined()
        }
        return out
    }

    /// What the diff compared and measured, one row each: both policies (title, file, hash), the
    /// book and the market (file, hash, as-of time) and the engine; the policies alone without
    /// provenance.
    static func provenance(_ report: PolicyDiffReport) -> [(String, String)] {
        let p = report.provenance
        let policy = { (identity: PolicyIdentity, file: String?) in
            ([title(identity)] + (file.map { [$0] } ?? []) + ["sha256 \(identity.hash)"]).joined(separator: ", ")
        }
        var rows = [("old:", policy(report.oldPolicy, p?.oldFile)), ("new:", policy(report.newPolicy, p?.newFile))]
        if let p {
            rows.append(("book:", "\(p.book.file), sha256 \(p.book.sha256)"))
            rows.append(("market:", "\(p.market.file), sha256 \(p.market.sha256), " + (p.asOf.map { "as of \($0)" } ?? "no as-of time")))
            rows.append(("engine:", p.engine))
        }
        return rows
    }

    static func title(_ p: PolicyIdentity) -> String {
        p.version.isEmpty ? "\"\(p.name)\"" : "\"\(p.name)\" \(p.version)"
    }

    static func prefixed(_ t: ImpactTotals, _ prefix: String) -> ImpactTotals {
        var copy = t
        copy.group = prefix + t.group
        return copy
    }

    static func totalsGrid(_ rows: [ImpactTotals]) -> String {
        grid(["group", "initial old → new", "maintenance old → new", "credit old → new", "collateral old → new"],
             rows.map { t in
                 [t.group, move(t.oldInitial, t.newInitial), move(t.oldMaintenance, t.newMaintenance),
                  move(t.oldCredit, t.newCredit), move(t.oldCollateral, t.newCollateral)]
             })
    }

    static func move(_ a: Double, _ b: Double) -> String {
        a == b ? money(a) : "\(money(a)) → \(money(b)) (\(signed(b - a, 2) ))"
    }

    static func money(_ x: Double) -> String { NumberText.fixed(x, decimals: 2, grouped: true) }

    static func health(_ x: Double?) -> String {
        guard let x else { return "—" }
        if x == .infinity { return "∞" }
        return NumberText.fixed(x, decimals: 4, grouped: false)
    }

    static func signed(_ x: Double?, _ decimals: Int) -> String {
        guard let x else { return "—" }
        let text = NumberText.fixed(abs(x), decimals: decimals, grouped: decimals == 2)
        return (x < 0 ? "-" : "+") + text
    }

    /// Left-aligned columns, two spaces apart, indented by two.
    static func grid(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            "  " + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
