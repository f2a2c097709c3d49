import Foundation
import LeverTestSupport
import Testing
@testable import LeverTesting

/// The runner over the hand-worked fixture corpus (`Golden/corpus`): `hand/three-accounts`
/// expects every output of three accounts; `hand/partial` only `deep`'s health and status,
/// within 1%. Numbers checked by hand: `deep` has ETH 2000 × (1 − 20%) × 80% = 1280 against a
/// 2000 USDC debt, health 0.64; `call` 1280 / 1200 = 1.0667 (margin call).
struct GoldenRunnerTests {
    @Test func passingCorpusPasses() throws {
        let scratch = try GoldenScratch()
        let summary = try GoldenRunner().run(paths: [scratch.root])
        #expect(summary.results.map(\.testCase.name) == ["hand/partial", "hand/three-accounts"])
        #expect(summary.results.map(\.outcome) == [.passed, .passed])
        #expect(summary.results.map(\.accountCount) == [1, 3])
        #expect(summary.line == "2 passed, 0 failed")
    }

    @Test func editedNumberFailsNamingAccountFieldAndBothValues() throws {
        let scratch = try GoldenScratch()
        try scratch.edit("hand/three-accounts/expected.json", replacing: "\"health\": 1.0666666666666667", with: "\"health\": 1.07")
        let summary = try GoldenRunner().run(paths: [scratch.path("hand/three-accounts")])
        guard case .failed(let differences)? = summary.results.first?.outcome else {
            Issue.record("expected a failure, got \(summary.results)")
            return
        }
        #expect(differences.count == 1)
        let difference = try #require(differences.first)
        #expect(difference.account == "call")
        #expect(difference.field == "health")
        #expect(difference.expected == "1.07")
        #expect(difference.actual == "1.0666666666666667")
        #expect(difference.summary == "call health: expected 1.07, actual 1.0666666666666667")
        #expect(difference.rule?.hasPrefix("health ← ") == true)
        #expect(summary.line == "0 passed, 1 failed")
    }

    @Test func missingAndExtraAccountsAndFieldsAreReported() throws {
        let scratch = try GoldenScratch()
        let file = "hand/three-accounts/expected.json"
        try scratch.edit(file, replacing: "\"id\": \"nodebt\"", with: "\"id\": \"ghost\"")
        try scratch.edit(file, replacing: "\"positions_held\": 2.0", with: "\"positions_count\": 2.0")
        let result = try #require(try GoldenRunner().run(paths: [scratch.root]).results.last)
        guard case .failed(let differences) = result.outcome else {
            Issue.record("expected a failure, got \(result.outcome)")
            return
        }
        let summaries = differences.map(\.summary)
        #expect(summaries.contains("ghost: expected account, but the report has no such account"))
        #expect(summaries.contains("nodebt: not in expected.json, actual account"))
        #expect(summaries.contains("call positions_count: expected 2, but the report has no such field"))
        #expect(summaries.contains("call positions_held: not in expected.json, actual 2"))
    }

    @Test func blessRoundTrip() throws {
        let scratch = try GoldenScratch()
        let original = scratch.read("hand/three-accounts/expected.json")
        try scratch.edit("hand/three-accounts/expected.json", replacing: "\"health\": 0.64", with: "\"health\": 0.5")
        let blessed = try GoldenRunner(bless: true).run(paths: [scratch.root])
        #expect(blessed.results.map(\.outcome) == [.passed, .blessed])
        #expect(scratch.read("hand/three-accounts/expected.json") == original)
        #expect(try GoldenRunner().run(paths: [scratch.root]).failed == 0)
        let before = scratch.snapshot()
        let again = try GoldenRunner(bless: true).run(paths: [scratch.root])
        #expect(again.blessed.isEmpty)
        #expect(scratch.snapshot() == before)
    }

    @Test func blessRecordsAMissingExpectation() throws {
        let scratch = try GoldenScratch()
        try FileManager.default.removeItem(atPath: scratch.path("hand/partial/expected.json"))
        let failing = try GoldenRunner().run(paths: [scratch.root])
        guard case .error(let message)? = failing.results.first?.outcome else {
            Issue.record("expected an error, got \(failing.results)")
            return
        }
        #expect(message.contains("lever test --bless"))
        _ = try GoldenRunner(bless: true).run(paths: [scratch.root])
        #expect(try GoldenRunner().run(paths: [scratch.root]).line == "2 passed, 0 failed")
    }

    @Test func partialExpectationsUseTheTolerance() throws {
        let scratch = try GoldenScratch()
        let file = "hand/partial/expected.json"
        try scratch.edit(file, replacing: "\"health\": 0.64", with: "\"health\": 0.645")  // 0.8% off: within 1%
        try scratch.edit(file, replacing: "\"bad_debt\": 181.81818181818198", with: "\"bad_debt\": 1")  // not a listed field
        #expect(try GoldenRunner().run(paths: [scratch.path("hand/partial")]).results.first?.outcome == .passed)
        try scratch.edit(file, replacing: "\"health\": 0.645", with: "\"health\": 0.66")  // 3% off
        let result = try #require(try GoldenRunner().run(paths: [scratch.path("hand/partial")]).results.first)
        #expect(result.outcome == .failed([GoldenDifference(
            kind: .changed, account: "deep", field: "health", expected: "0.66", actual: "0.64",
            rule: result.details.count == 2 ? String(result.details[1].dropFirst(2)) : nil)]))
    }

    @Test func labelsAndInfinityCompareExactly() {
        let comparison = GoldenComparison(tolerance: 0.5, fields: nil)
        #expect(comparison.matches(.string("Infinity"), .string("Infinity")))
        #expect(!comparison.matches(.string("healthy"), .string("margin_call")))
        #expect(!comparison.matches(.string("Infinity"), .number(1e308)))
        #expect(comparison.matches(.number(100), .number(140)))
        #expect(!comparison.matches(.bool(true), .bool(false)))
    }

    @Test func caseSettingsProblemsFailTheCase() throws {
        let scratch = try GoldenScratch()
        try "{\"tolerence\": 0.1}".write(toFile: scratch.path("hand/partial/case.json"), atomically: true, encoding: .utf8)
        let result = try #require(try GoldenRunner().run(paths: [scratch.root]).results.first)
        guard case .error(let message) = result.outcome else {
            Issue.record("expected an error, got \(result.outcome)")
            return
        }
        #expect(message.hasSuffix("unknown key `tolerence` (known: policy, horizon, tolerance, accounts, fields, keep_going)"))
    }

    @Test func caseSettingsNameThePolicyAndHorizon() throws {
        let scratch = try GoldenScratch()
        let moved = scratch.path("elsewhere/renamed")
        try FileManager.default.createDirectory(atPath: scratch.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: scratch.path("hand/partial"), toPath: moved)
        try #"{"policy": "../../Rules/hand.lever", "horizon": "30d", "accounts": ["deep"], "fields": ["health"]}"#
            .write(toFile: moved + "/case.json", atomically: true, encoding: .utf8)
        let testCase = GoldenCase(directory: moved)
        #expect(testCase.stem == "elsewhere")
        #expect(testCase.policy == scratch.path("Rules/hand.lever"))
        #expect(testCase.horizon == "30d")
        let result = GoldenRunner().run(testCase)
        // The recorded report was made at the default 1-day horizon; health does not move here.
        #expect(result.outcome == .failed([GoldenDifference(kind: .changed, account: nil, field: "horizon_days",
                                                            expected: "1", actual: "30")]))
        #expect(result.details == ["horizon_days: expected 1, actual 30"])
        #expect(GoldenCase(directory: scratch.path("hand/partial")).policy == scratch.path("Rules/hand.lever"))
    }

    @Test func aPathThatIsNotADirectoryThrows() {
        #expect(throws: GoldenDiscovery.Missing.self) { try GoldenRunner().run(paths: ["/no/such/corpus"]) }
    }
}

/// A private copy of a fixture corpus in a temporary directory, so tests can edit and bless it
/// without touching the source tree; removed when the test ends.
final class GoldenScratch {
    /// The copy's root (holds `Rules/` and the case directories).
    let root: String

    /// Copies `Golden/<fixture>` from beside the tests.
    init(_ fixture: String = "corpus", filePath: String = #filePath) throws {
        root = NSTemporaryDirectory() + "lever-golden-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: goldenPath(fixture, filePath: filePath), toPath: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// `root/relative`.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// The text of a file in the copy.
    func read(_ relative: String) -> String {
        (FileManager.default.contents(atPath: path(relative))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Replaces the first occurrence of `old` with `new` in a file of the copy.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = read(relative)
        guard let range = text.range(of: old) else { throw EditError(text: old) }
        try text.replacingCharacters(in: range, with: new).write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    /// Every file of the copy and its bytes, to prove a run changed nothing.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in FileManager.default.subpaths(atPath: root) ?? [] {
            if let data = FileManager.default.contents(atPath: path(relative)) { files[relative] = data }
        }
        return files
    }

    struct EditError: Error { var text: String }
}
