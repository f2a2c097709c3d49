import Foundation
import LeverTestSupport
import Testing
@testable import LeverTesting

/// The text and JUnit reports, on a summary built by hand so the goldens do not depend on the
/// engine: one pass, one failure with XML specials in it (blessed under an older policy and
/// engine), a pass blessed under an older policy, one blessed by no recorded engine version, one
/// that `--bless` re-recorded, and one case that could not be evaluated.
struct GoldenReporterTests {
    static let summary: GoldenSummary = {
        var pass = GoldenCase(directory: "corpus/prime/healthy-book")
        pass.policy = "Rules/prime.lever"
        let fail = GoldenCase(directory: "corpus/prime/edited")
        let broken = GoldenCase(directory: "corpus/lending/broken")
        let difference = GoldenDifference(
            kind: .changed, account: "lev-<yarrow>", field: "health", expected: "0.93", actual: "0.9305725744540578",
            rule: "measure health ← borrowing_power / debt & \"credit\"  [Rules/prime.lever:112:9]")
        let status = GoldenDifference(kind: .changed, account: "lev-<yarrow>", field: "status",
                                      expected: "\"margin_call\"", actual: "\"liquidatable\"")
        let old = GoldenProvenance(policy: PolicyIdentity(name: "Prime", version: "2026.10", hash: "3f2c1ab0" + zeros), engine: "0.9.0")
        let now = GoldenProvenance(policy: PolicyIdentity(name: "Prime", version: "2026.11", hash: "9ab1c2d3" + zeros), engine: "0.10.0")
        let unrecorded = GoldenProvenance(policy: now.policy, engine: nil)
        var rerecorded = GoldenResult(testCase: GoldenCase(directory: "corpus/prime/re-recorded"), accountCount: 2, outcome: .passed,
                                      approval: GoldenApproval(recorded: old, current: now))
        rerecorded.rerecorded = true
        return GoldenSummary(results: [
            GoldenResult(testCase: pass, accountCount: 31, outcome: .passed, approval: GoldenApproval(recorded: now, current: now)),
            GoldenResult(testCase: fail, accountCount: 1, outcome: .failed([difference, status]),
                         approval: GoldenApproval(recorded: old, current: now)),
            GoldenResult(testCase: GoldenCase(directory: "corpus/prime/leverage-limit"), accountCount: 4, outcome: .passed,
                         approval: GoldenApproval(recorded: GoldenProvenance(policy: old.policy, engine: now.engine), current: now)),
            GoldenResult(testCase: GoldenCase(directory: "corpus/prime/older-engine"), accountCount: 3, outcome: .passed,
                         approval: GoldenApproval(recorded: unrecorded, current: now)),
            rerecorded,
            GoldenResult(testCase: broken, accountCount: 0, outcome: .error("cannot read policy `Rules/lending.lever`")),
        ])
    }()

    /// The rest of a 64-digit hash.
    static let zeros = String(repeating: "0", count: 56)

    @Test func textReport() {
        assertGolden(actual: GoldenTextReporter().render(Self.summary), path: goldenPath("reports/summary.txt"))
        #expect(GoldenTextReporter().render(Self.summary).hasSuffix(
            "\n4 passed, 2 failed; 2 cases blessed under another policy version, 1 case blessed by another engine version: re-bless with --bless after review\n"))
    }

    @Test func junitReport() {
        let xml = GoldenJUnitReporter().render(Self.summary)
        assertGolden(actual: xml, path: goldenPath("reports/summary.xml"))
        #expect(!xml.contains("lev-<yarrow>"))
        #expect(xml.contains("lev-&lt;yarrow&gt;"))
    }

    @Test func xmlEscapingDropsForbiddenControlCharacters() {
        #expect(GoldenJUnitReporter.escape("a\u{01}b<'&'>\n") == "ab&lt;&apos;&amp;&apos;&gt;\n")
    }
}
