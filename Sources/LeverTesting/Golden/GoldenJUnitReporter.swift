/// The JUnit XML report CI systems read: one `testsuite` per policy stem, one `testcase` per
/// golden case, and a `failure` element (message attribute plus the full difference text) for
/// each case that failed. A case whose `expected.json` records another policy or engine than it
/// ran under carries both as `properties` and the note as `system-out`, never as a failure. Text
/// is escaped for XML; the output is stable for a given run.
public struct GoldenJUnitReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The XML document, ending in a newline.
    public func render(_ summary: GoldenSummary) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"lever test\" tests=\"\(summary.results.count)\" failures=\"\(summary.failed)\">"]
        for (suite, results) in Self.suites(summary.results) {
            let failures = results.filter { !$0.isPassing }.count
            lines.append("  <testsuite name=\"\(Self.escape(suite))\" tests=\"\(results.count)\" failures=\"\(failures)\">")
            lines += results.flatMap(Self.testcase)
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Results grouped by policy stem, in first-seen order.
    static func suites(_ results: [GoldenResult]) -> [(String, [GoldenResult])] {
        var order: [String] = []
        var groups: [String: [GoldenResult]] = [:]
        for result in results {
            let stem = result.testCase.stem
            if groups[stem] == nil { order.append(stem) }
            groups[stem, default: []].append(result)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    static func testcase(_ result: GoldenResult) -> [String] {
        let parts = result.testCase.name.split(separator: "/").map(String.init)
        let open = "    <testcase classname=\"\(escape(parts.first ?? ""))\" name=\"\(escape(parts.last ?? ""))\""
        var body: [String] = []
        if let approval = result.approval, result.approvalNote != nil { body += properties(approval) }
        if !result.isPassing {
            let message: String
            switch result.outcome {
            case .failed(let differences): message = differences.first?.summary ?? "differs"
            case .error(let text): message = String(text.split(separator: "\n").first ?? "not evaluated")
            case .passed, .blessed: message = ""
            }
            let details = escape(result.details.joined(separator: "\n"))
            body.append("      <failure message=\"\(escape(message))\">\(details)</failure>")
        }
        if let note = result.approvalNote { body.append("      <system-out>\(escape(note))</system-out>") }
        guard !body.isEmpty else { return [open + "/>"] }
        return [open + ">"] + body + ["    </testcase>"]
    }

    /// What the case's `expected.json` records and what it ran under, for a case whose two differ
    /// (or that `--bless` re-recorded): properties, never a failure.
    static func properties(_ approval: GoldenApproval) -> [String] {
        let sides = [("recorded", approval.recorded), ("current", approval.current)]
        let items = sides.flatMap { side, provenance in
            [("\(side)_policy_name", provenance.policy?.name), ("\(side)_policy_version", provenance.policy?.version),
             ("\(side)_policy_hash", provenance.policy?.hash), ("\(side)_engine_version", provenance.engine)]
        }
        return ["      <properties>"]
            + items.map { "        <property name=\"\($0.0)\" value=\"\(escape($0.1 ?? "none"))\"/>" }
            + ["      </properties>"]
    }

    /// Escapes the five XML specials and drops control characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
