import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// What a diff names besides its numbers: the engine, both policies' files and hashes, the book
/// and market with their digests; the same-version warning; the canonical hash an approval keeps.
@Suite struct DiffProvenanceTests {
    static func fixture(_ name: String) -> String { goldenPath("diff/\(name)") }

    static let provenance = DiffProvenance(
        engine: "9.9.9 (abc1234)", oldFile: "old.lever", newFile: "lt85.lever",
        book: FileDigest(file: "book.json", sha256: String(repeating: "b", count: 64)),
        market: FileDigest(file: "market.json", sha256: String(repeating: "m", count: 64)),
        asOf: Timestamp(iso8601: "2026-11-25T12:00:00Z"))

    static func report(new: String = "lt85.lever", provenance: DiffProvenance? = provenance) throws -> PolicyDiffReport {
        let old = Lever.loadPolicy(path: fixture("old.lever"))
        let new = Lever.loadPolicy(path: new.hasPrefix("/") ? new : fixture(new))
        let inputs = try Lever.loadInputs(market: fixture("market.json"), book: fixture("book.json"))
        return PolicyDiff.report(old: old, new: new, oldEngine: try #require(old.engine), newEngine: try #require(new.engine),
                                 book: try #require(inputs.book), market: try #require(inputs.market),
                                 provenance: provenance)
    }

    @Test func jsonNamesEngineFilesAndDigests() throws {
        let json = try JSONValue.parse(Array(DiffJSON.render(try Self.report()).utf8)).get()
        #expect(json["engine"] == .string("9.9.9 (abc1234)"))
        #expect(json["old_policy"]?["file"] == .string("old.lever"))
        #expect(json["new_policy"]?["file"] == .string("lt85.lever"))
        #expect(json["new_policy"]?["version"] == .string("1.1"))
        #expect(json["book"]?["sha256"] == .string(String(repeating: "b", count: 64)))
        #expect(json["market"]?["as_of"] == .string("2026-11-25T12:00:00Z"))
        #expect(json["version_conflict"] == .null)
    }

    @Test func textAndHTMLNameThemToo() throws {
        let report = try Self.report()
        let text = DiffTable.render(report)
        #expect(text.contains("  new:     \"Diff fixture\" 1.1, lt85.lever, sha256 \(report.newPolicy.hash)\n"))
        #expect(text.contains("  market:  market.json, sha256 \(String(repeating: "m", count: 64)), as of 2026-11-25T12:00:00Z\n"))
        #expect(text.contains("  engine:  9.9.9 (abc1234)\n"))
        let html = DiffHTML.render(report)
        #expect(html.contains("<td>lt85.lever</td><td>\(report.newPolicy.hash)</td>"))
        #expect(html.contains("<td>lever 9.9.9 (abc1234)</td>"))
    }

    /// The canonical hash is of what the diff found: not the engine, the files, their hashes or
    /// enforcement; a different new policy gives a different diff.
    @Test func theCanonicalHashIsOfWhatTheDiffFound() throws {
        let report = try Self.report()
        var other = report
        other.provenance?.engine = "10.0.0"
        other.provenance?.oldFile = "archive/old.lever"
        other.provenance?.book = FileDigest(file: "elsewhere/book.json", sha256: String(repeating: "c", count: 64))
        other.guardrailsEnforced = true
        #expect(DiffJSON.canonicalSHA256(other) == DiffJSON.canonicalSHA256(report))
        #expect(try DiffJSON.canonicalSHA256(Self.report(provenance: nil)) == DiffJSON.canonicalSHA256(report))
        #expect(try DiffJSON.canonicalSHA256(Self.report(new: "new.lever")) != DiffJSON.canonicalSHA256(report))
        var fewer = report
        fewer.top = 1
        #expect(DiffJSON.canonicalSHA256(fewer) != DiffJSON.canonicalSHA256(report))
    }

    @Test func sameVersionDifferentRulesIsAConflict() {
        let a = PolicyIdentity(name: "P", version: "2026.11", hash: "aa")
        #expect(VersionConflict(old: a, new: PolicyIdentity(name: "P", version: "2026.11", hash: "bb")) != nil)
        #expect(VersionConflict(old: a, new: PolicyIdentity(name: "P", version: "2026.12", hash: "bb")) == nil)
        #expect(VersionConflict(old: a, new: a) == nil)
        // No version stated: nothing to confuse.
        #expect(VersionConflict(old: PolicyIdentity(name: "P", version: "", hash: "aa"),
                                new: PolicyIdentity(name: "P", version: "", hash: "bb")) == nil)
    }

    /// The conflict in every form: a warning, an error once enforced.
    @Test func theConflictIsShownInEveryForm() throws {
        let directory = try makeTemporaryDirectory("lever-conflict")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Self.fixture("lt85.lever"), encoding: .utf8)
        try text.replacingOccurrences(of: "version \"1.1\"", with: "version \"1\"")
            .write(toFile: directory + "/same.lever", atomically: true, encoding: .utf8)
        var report = try Self.report(new: directory + "/same.lever")
        #expect(report.versionConflict?.version == "1")
        #expect(report.failsEnforcement)
        #expect(DiffTable.render(report).contains("\nwarning: both policies say version `1` but their rules differ"))
        #expect(DiffHTML.render(report).contains("<strong>Warning:</strong> both policies say version `1`"))
        let json = try JSONValue.parse(Array(DiffJSON.render(report).utf8)).get()
        #expect(json["version_conflict"]?["version"] == .string("1"))
        report.guardrailsEnforced = true
        #expect(DiffTable.render(report).contains("\nerror: both policies say version `1`"))
    }
}
