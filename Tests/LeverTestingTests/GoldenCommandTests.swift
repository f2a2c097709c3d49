import Foundation
import LeverTestSupport
import Testing

/// `lever test` end to end, in process: exit codes, the summary line, `--format junit` and
/// `--junit FILE`.
struct GoldenCommandTests {
    @Test func passingCorpusExitsZero() throws {
        let scratch = try GoldenScratch()
        let result = runCommand(["test", scratch.root])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "PASS hand/partial (1 account)\nPASS hand/three-accounts (3 accounts)\n2 passed, 0 failed\n")
    }

    @Test func failureExitsOneAndJUnitGoesToAFile() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("hand/three-accounts/expected.json", replacing: "\"tier\": \"Plain\"", with: "\"tier\": \"Gold\"")
        let junit = scratch.path("report.xml")
        let result = runCommand(["test", scratch.root, "--junit", junit])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("FAIL hand/three-accounts (3 accounts, 1 difference)\n    call tier: expected \"Gold\", actual \"Plain\"\n"))
        #expect(result.stdout.hasSuffix("\n1 passed, 1 failed\n"))
        #expect(scratch.read("report.xml").contains("<failure message=\"call tier: expected &quot;Gold&quot;, actual &quot;Plain&quot;\">"))
        let xml = runCommand(["test", scratch.root, "--format", "junit"])
        #expect(xml.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lever test\" tests=\"2\" failures=\"1\">"))
    }

    @Test func blessSaysWhatItRewrote() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("hand/partial/expected.json", replacing: "\"health\": 0.64", with: "\"health\": 0.7")
        let result = runCommand(["test", "--bless", scratch.root])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("BLESS hand/partial (1 account; wrote \(scratch.path("hand/partial/expected.json")))"))
        #expect(runCommand(["test", scratch.root]).exitCode == 0)
    }

    @Test func missingDirectoryExitsTwo() {
        let result = runCommand(["test", "/no/such/corpus"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: `/no/such/corpus` is not a directory\n")
    }
}
