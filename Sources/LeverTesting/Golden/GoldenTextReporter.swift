/// The text report of a run: one line per case (`PASS prime/healthy-book (31 accounts)`, with a
/// note when its `expected.json` was approved under another policy or engine), each failure's
/// differences indented beneath it, the rewritten files when blessing, and the closing summary
/// line `N passed, N failed` (and the count of such cases) alone on the last line.
public struct GoldenTextReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report, ending in a newline.
    public func render(_ summary: GoldenSummary) -> String {
        var lines: [String] = []
        for result in summary.results {
            lines.append(Self.headline(result))
            lines += result.details.map { "    " + $0 }
        }
        let blessed = summary.blessed
        if !blessed.isEmpty {
            lines.append("rewrote \(blessed.count) expected file\(blessed.count == 1 ? "" : "s"):")
            lines += blessed.map { "  " + $0.testCase.expectedPath }
        }
        let rerecorded = summary.rerecorded
        if !rerecorded.isEmpty {
            lines.append("re-recorded the policy and engine of \(rerecorded.count) expected file\(rerecorded.count == 1 ? "" : "s") (values unchanged):")
            lines += rerecorded.map { "  " + $0.testCase.expectedPath }
        }
        lines.append(summary.line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The case line, then ` — ` and the approval note when the case's file records another
    /// policy or engine, or `--bless` re-recorded them:
    /// `PASS prime/leverage-limit (5 accounts) — blessed under policy 2026.10 3f2c1ab0…; now 2026.11 9ab1c2d3…`.
    static func headline(_ result: GoldenResult) -> String {
        outcomeLine(result) + (result.approvalNote.map { " — " + $0 } ?? "")
    }

    /// `PASS name (N accounts)`, `FAIL name (N differences)`, `BLESS name`, `ERROR name`.
    static func outcomeLine(_ result: GoldenResult) -> String {
        let name = result.testCase.name
        let apart = [(result.unvalued, "unvalued"), (result.notEvaluated, "not evaluated"),
                     (result.violating, "with assertions not satisfied")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let accounts = "\(result.accountCount) account\(result.accountCount == 1 ? "" : "s")"
            + (apart.isEmpty ? "" : ": " + apart.joined(separator: ", "))
        switch result.outcome {
        case .passed: return "PASS \(name) (\(accounts))"
        case .blessed: return "BLESS \(name) (\(accounts); wrote \(result.testCase.expectedPath))"
        case .failed(let differences):
            return "FAIL \(name) (\(accounts), \(differences.count) difference\(differences.count == 1 ? "" : "s"))"
        case .error: return "FAIL \(name) (not evaluated)"
        }
    }
}
