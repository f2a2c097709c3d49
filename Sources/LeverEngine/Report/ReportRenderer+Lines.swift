import LeverSyntax

// The record forms, for tools that load reports line by line or into a spreadsheet or table.
//
// JSON Lines: the first line is the JSON form without `accounts` (policy, provenance, what-ifs,
// outputs, market issues, summary); then each account on its own line, exactly as it appears in
// the JSON form's `accounts`. Keys sorted, no spaces: the same report gives the same bytes.
//
// CSV (RFC 4180, `\r\n` line ends, fields quoted when they hold a comma, a quote or a line
// break): a header `account,evaluated,OUTPUT…[,flags]`, then one row per account in report
// order. Numbers are written as the JSON form writes them (shortest round trip; `Infinity`,
// `-Infinity`), labels as their words, flags as `true`/`false`; an undefined value, and every
// value of an account that was not evaluated, is an empty field (the JSON and table forms say
// why). The raised flags of an account are one field, separated by `;`.

extension ReportRenderer {
    static func jsonLines(_ report: Report) -> String {
        var header = json(report)
        if case .object(var members) = header {
            members["accounts"] = nil
            header = .object(members)
        }
        var out = header.line
        for account in report.accounts {
            out += json(account, outputs: report.outputs, flags: report.declaresFlags).line
        }
        return out
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
