import LeverCompile

/// The table form of a report: a heading naming the policy, one aligned row per account, then
/// the notes, market issues and liquidation plans that the rows cannot hold.
struct ReportTable {
    let report: Report
    let color: Bool

    var text: String {
        var lines = heading + [""] + grid + ["", summary]
        lines += section("assertions not satisfied", violations)
        lines += section("flags", flags)
        lines += section("notes", notes)
        lines += section("market issues", report.marketIssues.map { "  " + $0.message })
        lines += section("liquidation plans", liquidations)
        lines += section("remedies", report.accounts.flatMap { $0.remedy.map { ReportRenderer.text($0, indent: "  ") } ?? [] })
        return lines.joined(separator: "\n") + "\n"
    }

    /// Policy name, version and hash (and file); the book and market with their digests; as-of
    /// time and horizon; the engine. The files and the engine only when the report records them.
    var heading: [String] {
        let policy = report.policy
        let version = policy.version.isEmpty ? "" : " version \"\(policy.version)\""
        let asOf = report.asOf.map { "as of \($0)" } ?? "no as-of time"
        let days = (report.horizon * 365 * 1e6).rounded() / 1e6
        let horizon = NumberText.fixed(days, decimals: days == days.rounded() ? 0 : 2, grouped: true)
        let provenance = report.provenance
        let file = provenance?.policyFile.map { " (\($0))" } ?? ""
        let inputs = [provenance?.book.map { "book \($0.line)" }, provenance?.market.map { "market \($0.line)" },
                      provenance?.whatIf.map { "what-if: \($0) (the market as read, then moved)" }]
        return ["policy \"\(policy.name)\"\(version)\(file)", "sha256 \(policy.hash)"] + inputs.compactMap { $0 }
            + ["\(asOf), interest horizon \(horizon) \(days == 1 ? "day" : "days")"]
            + (provenance.map { ["engine \($0.engine)"] } ?? [])
    }

    /// The header row and one row per account, columns padded to their widest cell.
    var grid: [String] {
        let header = [ReportCell(text: "account", alignRight: false)]
            + report.outputs.map { ReportCell(text: $0.name, alignRight: $0.kind.isNumber) }
        let whole = wholeColumns
        let rows = report.accounts.map { cells($0, whole: whole) }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].text.count }.max() ?? 0 }
        let statusColumn = report.index(of: "status").map { $0 + 1 }
        return ([header] + rows).map { row in
            row.indices.map { c in
                let shown = c == statusColumn && color ? Self.colored(row[c].text) : row[c].text
                return pad(shown, cell: row[c], to: widths[c])
            }.joined(separator: "  ").trailingSpacesRemoved
        }
    }

    /// An account's row: its id, then a cell per output (`—` throughout when not evaluated).
    func cells(_ account: AccountReport, whole: [Bool]) -> [ReportCell] {
        [ReportCell(text: account.id, alignRight: false)] + report.outputs.indices.map { c in
            ReportCell(account.evaluated ? account.values[c] : nil, kind: report.outputs[c].kind, whole: whole[c])
        }
    }

    /// Per output, whether all its values are whole numbers (shown without decimals).
    var wholeColumns: [Bool] {
        let evaluated = report.accounts.filter(\.evaluated)
        return report.outputs.indices.map { c in ReportCell.allWhole(evaluated.lazy.map { $0.values[c] }) }
    }

    /// `shown` (the cell's text, perhaps with colour codes) padded by the cell's visible width.
    func pad(_ shown: String, cell: ReportCell, to width: Int) -> String {
        let fill = String(repeating: " ", count: max(0, width - cell.text.count))
        return cell.alignRight ? fill + shown : shown + fill
    }

    /// `  acct: stale_price:BTC, stale_price:ETH`, for every account that raises a flag.
    var flags: [String] {
        report.accounts.filter { !$0.flags.isEmpty }.map { "  \($0.id): \($0.flags.joined(separator: ", "))" }
    }

    /// `  acct: warning: message`, for every account's notes in report order.
    var notes: [String] {
        report.accounts.flatMap { account in
            account.notes.map { "  \(account.id): \($0.severity.rawValue): \($0.message)" }
        }
    }

    /// `31 accounts: 20 healthy, 3 margin_call, 7 liquidatable, 1 unvalued; 2 break an assertion`.
    var summary: String {
        let n = report.accounts.count
        let counts = report.statusSummary.map { "\($0.count) \($0.status)" }.joined(separator: ", ")
        let broken = report.accountsWithViolations
        return "\(n) \(n == 1 ? "account" : "accounts")" + (counts.isEmpty ? "" : ": " + counts)
            + (broken > 0 ? "; \(broken) with assertions not satisfied" : "")
    }

    /// Each runtime assertion an account breaks (or that could not be checked), with the values
    /// that decided it: `  fund-borealis: broken: every account: leverage <= … (prime.lever:248)`
    /// then `    leverage = 5,389,534.00` and one line per offending position.
    var violations: [String] {
        report.accounts.flatMap { account -> [String] in
            account.violations.flatMap { v -> [String] in
                let consequence = v.outcome == .broken ? v.consequence.map { ", so \($0)" } ?? "" : ""
                let head = "  \(account.id): \(v.outcome.rawValue)\(consequence): \(v.assertion) (\(v.location))"
                let values = v.values.isEmpty ? [] : ["    " + Self.values(v.values)]
                let positions = v.positions.map { p in
                    "    \(p.position): \(p.outcome.rawValue)" + (p.values.isEmpty ? "" : ", " + Self.values(p.values))
                }
                return [head] + values + positions
            }
        }
    }

    static func values(_ values: [AssertionViolation.Value]) -> String {
        values.map { "\($0.text) = \(ReportCell($0.value.map { .number($0) } ?? .undefined, kind: .number($0.dimension)).text)" }
            .joined(separator: ", ")
    }

    /// Each planned liquidation: a summary line, then one line per step.
    var liquidations: [String] {
        report.accounts.flatMap { account -> [String] in
            guard let plan = account.liquidation else { return [] }
            let usd = { NumberText.fixed($0, decimals: 2, grouped: true) }
            let head = "  \(account.id): close factor \(ReportCell.percent(plan.closeFactor)), repay \(usd(plan.debtRepaidValue)) USD, "
                + "seize \(usd(plan.collateralSeizedValue)) USD, bad debt \(usd(plan.badDebt)) USD"
            return [head] + plan.steps.map { step in
                "    repay \(ReportCell.plain(step.repayAmount)) \(step.repayAsset), "
                    + "seize \(ReportCell.plain(step.seizeAmount)) \(step.seizeAsset), "
                    + "bonus \(ReportCell.plain(step.bonus))"
            }
        }
    }

    /// A titled block after a blank line, or nothing when there is nothing to list.
    func section(_ title: String, _ lines: [String]) -> [String] {
        lines.isEmpty ? [] : ["", "\(title):"] + lines
    }

    /// Green, yellow or red by status word; other words are left plain.
    static func colored(_ text: String) -> String {
        let code: String
        switch text {
        case "healthy": code = "32"
        case "margin_call": code = "33"
        case "liquidatable": code = "31"
        default: return text
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// The text without trailing blanks, so padded last columns leave no invisible spaces.
    var trailingSpacesRemoved: String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
