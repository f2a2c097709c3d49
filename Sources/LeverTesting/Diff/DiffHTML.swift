import Lever

/// The diff report as one self-contained HTML page for a risk committee: summary, parameter
/// changes, status changes, totals, movers, guardrail violations, and the curves of both
/// versions in inline SVG. Inline CSS, no scripts, no external assets; well-formed XHTML so
/// that any XML parser reads it.
public enum DiffHTML {
    /// The page text.
    public static func render(_ report: PolicyDiffReport) -> String {
        let title = "Policy change: \(DiffTable.title(report.oldPolicy)) → \(DiffTable.title(report.newPolicy))"
        var body = "<h1>\(e(title))</h1>" + summary(report)
        if let conflict = report.versionConflict {
            body += "<p class=\"warning\"><strong>\(report.guardrailsEnforced ? "Error" : "Warning"):</strong> \(e(conflict.message))</p>"
        }
        body += section("Compared and measured", table(["", "what", "file", "SHA-256"], provenanceRows(report)))
        body += section("Parameter changes", report.changes.isEmpty ? "<p>None.</p>" : list(report.changes.map(\.line)))
        if !report.violations.isEmpty {
            body += section(report.guardrailsEnforced ? "Guardrail violations" : "Guardrail violations (warnings: not enforced)",
                            list(report.violations.map(\.line)))
        }
        body += section("Status changes", table(["account", "old status", "new status", "health old", "health new"],
            report.impact.statusChanges.map { [$0.id, $0.oldStatus, $0.newStatus, DiffTable.health($0.oldHealth), DiffTable.health($0.newHealth)] }))
        body += section("Requirements and credit", totals(report.impact))
        body += section("Largest movers", table(["account", "health old", "health new", "Δ health", "Δ collateral"],
            report.movers.map { [$0.id, DiffTable.health($0.oldHealth), DiffTable.health($0.newHealth),
                                 DiffTable.signed($0.healthDelta, 4), DiffTable.signed($0.collateralDelta, 2)] }))
        body += section("Curves", charts(report))
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<title>\(e(title))</title><style>\(style)</style></head><body>\(body)</body></html>\n"
    }

    package static let style = """
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}\
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}\
        th{background:#f2f2f2}.warning{color:#b71c1c}.charts{display:flex;flex-wrap:wrap;gap:16px}\
        svg .axis{stroke:#444;stroke-width:1}svg .label{font-size:11px;fill:#333}\
        svg polyline{fill:none;stroke-width:2}svg .old{stroke:#888;stroke-dasharray:6 4;fill:#ccc}\
        svg .new{stroke:#1565c0;fill:#1565c0}svg polyline.old,svg polyline.new{fill:none}
        """

    static func summary(_ r: PolicyDiffReport) -> String {
        let t = r.impact.overall
        return "<p>\(r.changes.count) parameter changes; \(r.impact.statusChanges.count) of \(r.impact.accounts.count) "
            + "accounts change status. Maintenance requirement \(e(DiffTable.move(t.oldMaintenance, t.newMaintenance)))"
            + "; credit extended \(e(DiffTable.move(t.oldCredit, t.newCredit))).</p>"
    }

    /// Both policies, the book, the market and the engine: what the page was computed from.
    static func provenanceRows(_ r: PolicyDiffReport) -> [[String]] {
        let p = r.provenance
        var rows = [["old policy", DiffTable.title(r.oldPolicy), p?.oldFile ?? "", r.oldPolicy.hash],
                    ["new policy", DiffTable.title(r.newPolicy), p?.newFile ?? "", r.newPolicy.hash]]
        if let p {
            rows.append(["book", "", p.book.file, p.book.sha256])
            rows.append(["market", p.asOf.map { "as of \($0)" } ?? "no as-of time", p.market.file, p.market.sha256])
            rows.append(["engine", "lever \(p.engine)", "", ""])
        }
        return rows
    }

    static func totals(_ impact: PolicyImpact) -> String {
        let rows = [impact.overall] + impact.byTier.map { DiffTable.prefixed($0, "tier ") }
            + impact.byAsset.map { DiffTable.prefixed($0, "asset ") }
        return table(["group", "initial", "maintenance", "credit extended", "collateral"], rows.map { t in
            [t.group, DiffTable.move(t.oldInitial, t.newInitial), DiffTable.move(t.oldMaintenance, t.newMaintenance),
             DiffTable.move(t.oldCredit, t.newCredit), DiffTable.move(t.oldCollateral, t.newCollateral)]
        })
    }

    static func charts(_ r: PolicyDiffReport) -> String {
        var svgs = r.curves.filter { $0.old != nil || $0.new != nil }
            .map { DiffSVG.curve(CurveComparison(name: "curve \($0.name)", old: $0.old, new: $0.new),
                                 xLabel: "utilization", yLabel: "rate") }
        svgs += r.haircutCurves.map { h in
            DiffSVG.curve(CurveComparison(name: "haircut \(h.asset) (score \(ValueText.number(h.score)))", old: h.old, new: h.new),
                          xLabel: "notional (USD)", yLabel: "haircut", xText: { ValueText.money($0) })
        }
        let haircuts = r.impact.byAsset.filter { $0.oldGross > 0 || $0.newGross > 0 }
            .map { (label: $0.group, old: $0.haircut(new: false), new: $0.haircut(new: true)) }
        if haircuts.contains(where: { ($0.old ?? 0) > 0 || ($0.new ?? 0) > 0 }) {
            svgs.append(DiffSVG.bars(haircuts, title: "effective haircut per asset on this book", yLabel: "haircut"))
        }
        return svgs.isEmpty ? "<p>No curves.</p>" : "<div class=\"charts\">" + svgs.joined() + "</div>"
            + "<p>Old version dashed grey, new solid blue. Haircut bars: 1 − collateral ÷ gross value of the book's long spot positions per asset.</p>"
    }

    static func section(_ title: String, _ content: String) -> String { "<h2>\(e(title))</h2>\(content)" }

    static func list(_ lines: [String]) -> String { "<ul>" + lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p>None.</p>" }
        return "<table><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
    }

    static func e(_ s: String) -> String { HTMLText.escape(s) }
}
