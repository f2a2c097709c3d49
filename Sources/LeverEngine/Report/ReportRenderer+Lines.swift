import LeverSyntax

// The record forms, for tools that load reports line by line or into a spreadsheet or table.
//
// JSON Lines: the first line is the JSON form without `accounts` and `summary` (policy,
// provenance, what-ifs, outputs, market issues); then each account on its own line, exactly as it
// appears in the JSON form's `accounts`; then `{"summary": …}` on the last line. The summary comes
// last so the report is written as it is computed, the book evaluated once; and a report cut
// short (a full disk, a killed job) lacks its last line, so it cannot pass for a whole one. Keys
// sorted, no spaces: the same report gives the same bytes.
//
// CSV (RFC 4180, `\r\n` line ends, fields quoted when they hold a comma, a quote or a line
// break): a header `account,evaluated,OUTPUT…[,flags]`, then one row per account in report
// order. Numbers are written as the JSON form writes them (shortest round trip; `Infinity`,
// `-Infinity`), labels as their words, flags as `true`/`false`; an undefined value, and every
// value of an account that was not evaluated, is an empty field (the JSON and table forms say
// why). The raised flags of an account are one field, separated by `;`.

extension ReportRenderer {
    static func jsonLines(_ report: Report) -> String {
        // The header and summary from the report without its accounts (their tally kept).
        var bare = report
        bare.tally = report.counted
        bare.accounts = []
        var out = linesHeader(bare).line
        for account in report.accounts {
            out += json(account, outputs: report.outputs, flags: report.declaresFlags).line
        }
        return out + linesSummary(bare).line
    }

    /// JSON Lines' first line: the JSON form without `accounts` and `summary`.
    static func linesHeader(_ report: Report) -> JSONOutput {
        guard case .object(var members) = json(report) else { return .null }
        members["accounts"] = nil
        members["summary"] = nil
        return .object(members)
    }

    /// JSON Lines' last line: `{"summary": …}`, as the JSON form's summary.
    static func linesSummary(_ report: Report) -> JSONOutput {
        guard case .object(let members) = json(report) else { return .null }
        return .object(["summary": members["summary"] ?? .null])
    }

    static func csv(_ report: Report) -> String {
        // The rows as the streamed writer writes them: one spelling of a CSV record.
        var writer = ReportWriter(form: .csv, outputs: report.outputs, fields: report.outputs.map(\.name),
                                  declaresFlags: report.declaresFlags)
        return writer.opening(nil) + writer.accounts(report.accounts)
    }

    static func csvField(_ value: ReportValue) -> String {
        switch value {
        case .number(let x):
            if x.isNaN { return "" }
            if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
            return JSONOutput.shortest(x)
        case .decimal(_, let exact): return exact
        case .flag(let b): return b ? "true" : "false"
        case .label(let s): return s
        case .undefined: return ""
        }
    }

    /// One record: fields quoted where RFC 4180 needs it, `\r\n` at the end.
    static func csvRow(_ fields: [String]) -> String {
        fields.map(csvQuoted).joined(separator: ",") + "\r\n"
    }

    /// A field as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, a quote
    /// or a line break; as it is otherwise.
    static func csvQuoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
