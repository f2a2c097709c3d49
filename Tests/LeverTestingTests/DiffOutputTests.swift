import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LeverTestSupport
@testable import LeverTesting

/// The parameter diff, the terminal table, the JSON and the HTML page of one fixture change.
@Suite struct DiffOutputTests {
    static let directory = goldenPath("diff")
    static let arguments = ["diff", "old.lever", "new.lever", "--book", "book.json", "--market", "market.json"]

    @Test func parameterDiffGolden() {
        let old = Checker.check(path: goldenPath("diff/old.lever"))
        let new = Checker.check(path: goldenPath("diff/new.lever"))
        let lines = ParameterDiff.compare(old: old, new: new).map(\.line).joined(separator: "\n") + "\n"
        assertGolden(actual: lines, path: goldenPath("diff/parameters.txt"))
    }

    @Test func tableGolden() {
        let result = runCommand(Self.arguments, in: Self.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        assertGolden(actual: result.stdout, path: goldenPath("diff/table.txt"))
    }

    @Test func jsonGolden() {
        let result = runCommand(Self.arguments + ["--format", "json"], in: Self.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        assertGolden(actual: result.stdout, path: goldenPath("diff/report.json"))
    }

    @Test func htmlIsWellFormedWithOneSVGPerCurve() throws {
        let temporary = try makeTemporaryDirectory("lever-diff")
        let page = temporary + "/impact.html"
        let result = runCommand(Self.arguments + ["--html", page], in: Self.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        // Two rate curves (borrow_rate, usdc_rate) and SOL's size-scaled haircut; no haircut bars,
        // since every asset of this book is held at a 0% haircut under both versions.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.contains("haircut SOL"))
        #expect(html.contains("curve borrow_rate") && html.contains("curve usdc_rate"))
        #expect(html.contains("class=\"old\"") && html.contains("class=\"new\""))
        #expect(!html.contains("http://") || !html.contains("src="))
        #expect(html.contains("tier Prime: credit_line 1M USD → 2M USD"))
    }

    @Test func usageAndPolicyErrorsHaveTheirExitCodes() throws {
        #expect(runCommand(["diff", "old.lever", "missing.lever", "--book", "book.json", "--market", "market.json"],
                           in: Self.directory).exitCode == 2)
        let temporary = try makeTemporaryDirectory("lever-diff")
        let broken = temporary + "/broken.lever"
        try "policy \"x\"\nparam a = 1 USD + 5%\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(runCommand(["diff", "old.lever", broken, "--book", "book.json", "--market", "market.json"],
                           in: Self.directory).exitCode == 1)
        #expect(runCommand(Self.arguments + ["--enforce"], in: Self.directory).exitCode == 0)
        #expect(runCommand(Self.arguments + ["--html", temporary + "/no/such/dir/page.html"], in: Self.directory).exitCode == 2)
        #expect(runCommand(Self.arguments + ["--top", "-1"], in: Self.directory).exitCode == 2)
    }
}
