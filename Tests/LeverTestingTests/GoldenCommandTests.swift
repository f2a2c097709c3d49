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

    /// A case blessed under another policy still exits 0; its line and the summary say so, and
    /// `--bless` re-records the policy, after which the run is clean.
    @Test func staleCasesAreNamedButDoNotFail() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("Rules/hand.lever", replacing: "asset USDC : stable", with: "asset USDC : stable  // a note")
        let result = runCommand(["test", scratch.root])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("PASS hand/partial (1 account) — blessed under policy 1 eaf1e2c0…; now 1 "))
        #expect(result.stdout.hasSuffix("\n2 passed, 0 failed; 2 cases blessed under another policy version: re-bless with --bless after review\n"))
        let blessed = runCommand(["test", "--bless", scratch.root])
        #expect(blessed.exitCode == 0)
        #expect(blessed.stdout.contains("re-recorded the policy and engine of 2 expected files (values unchanged):\n  \(scratch.path("hand/partial/expected.json"))\n"))
        #expect(runCommand(["test", scratch.root]).stdout == "PASS hand/partial (1 account)\nPASS hand/three-accounts (3 accounts)\n2 passed, 0 failed\n")
    }

    /// `expected.json` and the `--junit` report may be links (to a shared fixture, a CI
    /// artefact directory): blessing and reporting write their targets, keep their permissions
    /// and leave the links links.
    @Test func blessAndJUnitWriteThroughLinks() throws {
        let scratch = try GoldenScratch()
        let manager = FileManager.default
        try manager.createDirectory(atPath: scratch.path("kept"), withIntermediateDirectories: false)
        try manager.moveItem(atPath: scratch.path("hand/partial/expected.json"), toPath: scratch.path("kept/expected.json"))
        try manager.createSymbolicLink(atPath: scratch.path("hand/partial/expected.json"), withDestinationPath: "../../kept/expected.json")
        try scratch.edit("kept/expected.json", replacing: "\"health\": 0.64", with: "\"health\": 0.7")
        try manager.setAttributes([.posixPermissions: 0o640], ofItemAtPath: scratch.path("kept/expected.json"))
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: scratch.path("kept/report.xml")))
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: scratch.path("kept/report.xml"))
        try manager.createSymbolicLink(atPath: scratch.path("report.xml"), withDestinationPath: "kept/report.xml")

        let result = runCommand(["test", "--bless", scratch.root, "--junit", scratch.path("report.xml")])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let isLink = { (path: String) in
            (try? manager.attributesOfItem(atPath: scratch.path(path))[.type] as? FileAttributeType) == .typeSymbolicLink
        }
        let mode = { (path: String) in try? manager.attributesOfItem(atPath: scratch.path(path))[.posixPermissions] as? Int }
        #expect(isLink("hand/partial/expected.json") && isLink("report.xml"))
        #expect(scratch.read("kept/expected.json").contains("\"health\": 0.64"))
        #expect(scratch.read("kept/report.xml").hasPrefix("<?xml"))
        #expect(mode("kept/expected.json") == 0o640 && mode("kept/report.xml") == 0o600)
        #expect(try manager.contentsOfDirectory(atPath: scratch.path("kept")).sorted() == ["expected.json", "report.xml"])
        #expect(runCommand(["test", scratch.root]).exitCode == 0)
    }

    @Test func aJUnitReportThatIsADirectoryExitsTwo() throws {
        let scratch = try GoldenScratch()
        let result = runCommand(["test", scratch.root, "--junit", scratch.path("hand")])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: cannot write `\(scratch.path("hand"))`: is a directory\n")
    }

    @Test func missingDirectoryExitsTwo() {
        let result = runCommand(["test", "/no/such/corpus"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: `/no/such/corpus` is not a directory\n")
    }
}
