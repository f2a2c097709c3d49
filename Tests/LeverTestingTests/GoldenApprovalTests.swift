import Foundation
import LeverTestSupport
import Testing
@testable import LeverTesting

/// What a golden was approved under: a policy edit that moves no number leaves every case passing
/// but says which were blessed under another policy, and `--bless` re-records the policy and engine
/// without touching the values. On a private copy of the hand-worked corpus (`Golden/corpus`).
struct GoldenApprovalTests {
    /// The hand-worked policy's hash as the fixture's expected files record it.
    static let recordedHash = "eaf1e2c010857835ad53829ab83a74f9e5daacba5238ae10ce59e4fdc44a4797"

    @Test func theFixtureCorpusIsCurrent() throws {
        let scratch = try GoldenScratch()
        let summary = try GoldenRunner().run(paths: [scratch.root])
        #expect(summary.results.map(\.approval?.isCurrent) == [true, true])
        #expect(summary.results.map(\.approval?.recorded.engine) == [EngineVersion.number, EngineVersion.number])
        #expect(summary.results.map(\.approval?.recorded.policy?.hash) == [Self.recordedHash, Self.recordedHash])
        #expect(summary.line == "2 passed, 0 failed")
    }

    /// A comment changes the canonical text, so the hash, and nothing else.
    @Test func aHarmlessPolicyEditIsReportedAndPassFailIsUnchanged() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("Rules/hand.lever", replacing: "asset ETH : crypto", with: "asset ETH : crypto  // reviewed again")
        try scratch.edit("hand/three-accounts/expected.json", replacing: "\"tier\": \"Plain\"", with: "\"tier\": \"Gold\"")
        let summary = try GoldenRunner().run(paths: [scratch.root])
        #expect(summary.results.map(\.isPassing) == [true, false])
        #expect(summary.results.map(\.isStale) == [true, true])
        let approval = try #require(summary.results.first?.approval)
        #expect(approval.policyChanged && !approval.engineChanged)
        #expect(approval.recorded.policy?.hash == Self.recordedHash)
        let now = try #require(approval.current.policy?.hash)
        #expect(now != Self.recordedHash)
        let note = "blessed under policy 1 eaf1e2c0…; now 1 \(now.prefix(8))…"
        #expect(approval.note == note)
        let report = GoldenTextReporter().render(summary)
        #expect(report.hasPrefix("PASS hand/partial (1 account) — \(note)\nFAIL hand/three-accounts (3 accounts, 1 difference) — \(note)\n"))
        #expect(report.hasSuffix("\n1 passed, 1 failed; 2 cases blessed under another policy version: re-bless with --bless after review\n"))
        let xml = GoldenJUnitReporter().render(summary)
        #expect(xml.contains("<testsuites name=\"lever test\" tests=\"2\" failures=\"1\">"))
        #expect(xml.contains("<property name=\"recorded_policy_hash\" value=\"\(Self.recordedHash)\"/>"))
        #expect(xml.contains("<system-out>\(note)</system-out>"))
    }

    /// The policy's name and version are provenance too: a new version with the same numbers
    /// passes, and the case line names both versions.
    @Test func aNewPolicyVersionPassesAndIsNamed() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("Rules/hand.lever", replacing: "version \"1\"", with: "version \"2\"")
        let result = try #require(try GoldenRunner().run(paths: [scratch.path("hand/partial")]).results.first)
        #expect(result.outcome == .passed)
        #expect(result.approval?.note.hasPrefix("blessed under policy 1 eaf1e2c0…; now 2 ") == true)
        try scratch.edit("Rules/hand.lever", replacing: "\"Hand-worked lending\"", with: "\"Hand lending\"")
        let renamed = try #require(try GoldenRunner().run(paths: [scratch.path("hand/partial")]).results.first)
        #expect(renamed.outcome == .passed)
        #expect(renamed.approval?.note.hasPrefix("blessed under policy \"Hand-worked lending\" 1 eaf1e2c0…; now \"Hand lending\" 2 ") == true)
    }

    @Test func blessReRecordsTheCurrentPolicyAndEngineAndNothingElse() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("Rules/hand.lever", replacing: "asset ETH : crypto", with: "asset ETH : crypto  // reviewed again")
        try scratch.edit("hand/partial/expected.json", replacing: "\"version\": \"\(EngineVersion.number)\"", with: "\"version\": \"0.9.0\"")
        let before = scratch.read("hand/partial/expected.json")
        let blessed = try GoldenRunner(bless: true).run(paths: [scratch.root])
        #expect(blessed.results.map(\.outcome) == [.passed, .passed])
        #expect(blessed.results.map(\.rerecorded) == [true, true])
        #expect(blessed.line == "2 passed, 0 failed")
        #expect(GoldenTextReporter().render(blessed).contains("re-recorded the policy and engine of 2 expected files (values unchanged):\n"))

        let now = try #require(blessed.results.first?.approval?.current.policy?.hash)
        let after = scratch.read("hand/partial/expected.json")
        #expect(after == before.replacingOccurrences(of: Self.recordedHash, with: now)
            .replacingOccurrences(of: "\"version\": \"0.9.0\"", with: "\"version\": \"\(EngineVersion.number)\""))
        #expect(after.contains("\"health\": 0.64,"))  // the hand-rounded, partial expectation stays as written

        let again = try GoldenRunner().run(paths: [scratch.root])
        #expect(again.results.allSatisfy { $0.approval?.isCurrent == true && !$0.isStale })
        let snapshot = scratch.snapshot()
        #expect(try GoldenRunner(bless: true).run(paths: [scratch.root]).rerecorded.isEmpty)
        #expect(scratch.snapshot() == snapshot)
    }

    /// Blessing a failing case writes the whole report with the engine's release number (never a
    /// source revision) beside the policy.
    @Test func blessingAFailingCaseRecordsTheEngine() throws {
        let scratch = try GoldenScratch()
        let file = "hand/three-accounts/expected.json"
        try scratch.edit(file, replacing: "  \"engine\": {\n    \"version\": \"\(EngineVersion.number)\"\n  },\n", with: "")
        try scratch.edit(file, replacing: "\"health\": 0.64", with: "\"health\": 0.5")
        let stale = try #require(try GoldenRunner().run(paths: [scratch.path("hand/three-accounts")]).results.first)
        #expect(stale.approval?.note == "blessed under no recorded engine version; now \(EngineVersion.number)")
        _ = try GoldenRunner(bless: true).run(paths: [scratch.root])
        let written = try JSONValue.parse(Array(scratch.read(file).utf8)).get()
        #expect(GoldenProvenance(recordedIn: written) == stale.approval?.current)
        #expect(GoldenProvenance(recordedIn: written).engine == EngineVersion.number)
    }

    /// The edit keeps every byte but the two members, whatever the file's layout.
    @Test func recordingEditsOnlyThePolicyAndEngineMembers() throws {
        let identity = PolicyIdentity(name: "P", version: "2", hash: "abc")
        let provenance = GoldenProvenance(policy: identity, engine: "1.2.3")
        let oneLine = #"{"accounts": [{"values": {"health": 0.640}}], "as_of": null, "outputs": []}"#
        #expect(try provenance.recorded(in: oneLine) == #"""
            {"accounts": [{"values": {"health": 0.640}}], "as_of": null, "engine": {
              "version": "1.2.3"
            }, "outputs": [], "policy": {
              "hash": "abc",
              "name": "P",
              "version": "2"
            }}
            """#)
        let layered = "{\n  \"as_of\": 1,\n  \"policy\": {\"hash\": \"old\"},\n  \"zeta\": 1.50\n}\n"
        #expect(try provenance.recorded(in: layered) == """
            {
              "as_of": 1,
              "engine": {
                "version": "1.2.3"
              },
              "policy": {
                "hash": "abc",
                "name": "P",
                "version": "2"
              },
              "zeta": 1.50
            }

            """)
        #expect(throws: GoldenProvenance.RecordingError.self) { try provenance.recorded(in: "[1, 2]") }
        #expect(GoldenProvenance(recordedIn: .object([])) == GoldenProvenance(policy: nil, engine: nil))
    }
}
