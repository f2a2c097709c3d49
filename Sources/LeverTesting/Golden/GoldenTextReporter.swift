/// The text report of a run: one line per case (`PASS prime/healthy-book (31 accounts)`), each
/// failure's differences indented beneath it, the rewritten files when blessing, and the
/// closing summary line `N passed, N failed` alone on the last line.
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
        lines.append(summary.line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `PASS name (N accounts)`, `FAIL name (N differences)`, `BLESS name`, `ERROR name`.
    static func headline(_ result: GoldenResult) -> String {
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
