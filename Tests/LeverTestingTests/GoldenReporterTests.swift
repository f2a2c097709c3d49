import Foundation
import LeverTestSupport
import Testing
@testable import LeverTesting

/// The text and JUnit reports, on a summary built by hand so the goldens do not depend on the
/// engine: one pass, one failure with XML specials in it, one case that could not be evaluated.
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
        return GoldenSummary(results: [
            GoldenResult(testCase: pass, accountCount: 31, outcome: .passed),
            GoldenResult(testCase: fail, accountCount: 1, outcome: .failed([difference, status])),
            GoldenResult(testCase: broken, accountCount: 0, outcome: .error("cannot read policy `Rules/lending.lever`")),
        ])
    }()

    @Test func textReport() {
        assertGolden(actual: GoldenTextReporter().render(Self.summary), path: goldenPath("reports/summary.txt"))
        #expect(GoldenTextReporter().render(Self.summary).hasSuffix("\n1 passed, 2 failed\n"))
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
