import Foundation
import Testing
import LeverCheck
import LeverSyntax
import LeverTestSupport
@testable import LeverEngine

/// `explain` on the margin workload: the tree names the rules behind each number, with the
/// account's own values; golden text with LEVER_BLESS=1.
struct ExplainerTests {
    static func explain(_ id: String, measure: String?) throws -> String {
        let checked = Checker.check(path: WorkloadAgreementTests.root.appendingPathComponent("Rules/margin_workload.lever").path)
        let policy = try #require(Compiler.compile(checked).0)
        let engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "w", version: "", hash: ""), horizon: 1.0 / 365)
        let (book, market) = try WorkloadAgreementTests.load("edge_cases.json")
        var sources = SourceMap()
        for file in checked.sources.files { sources.add(path: "Rules/margin_workload.lever", bytes: file.bytes) }
        let explanation = try #require(Explainer(engine: engine, sources: sources)
            .explain(account: id, book: book, market: market, measure: measure))
        return explanation.rendered()
    }

    @Test func healthOfAPrimeAccount() throws {
        let text = try Self.explain("edge-800", measure: "health")
        #expect(text.contains("measure health"))
        #expect(text.contains("tier = Prime"))
        #expect(text.contains("base_haircut of class listed"))
        #expect(text.contains("haircut_floor of class major = 10%"))   // written `haircut_floor = 10%`
        assertGolden(actual: text, path: Self.golden("explain-edge-800-health.txt"))
    }

    /// Words where the policy has words: the status is `healthy`, not its code, and the
    /// conditions that decided it are `false` or `true`, not 0 or 1.
    @Test func statusAndConditionsReadAsWords() throws {
        let text = try Self.explain("edge-800", measure: "status")
        #expect(text.contains("status = healthy"), "\(text)")
        #expect(text.contains("margin liquidate = false"), "\(text)")
        #expect(text.contains("margin margin_call = false"), "\(text)")
        #expect(!text.contains("status = 0"))
    }

    @Test func unknownAccountOrMeasureIsNil() throws {
        let checked = Checker.check(path: WorkloadAgreementTests.root.appendingPathComponent("Rules/margin_workload.lever").path)
        let policy = try #require(Compiler.compile(checked).0)
        let engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "w", version: "", hash: ""), horizon: 1.0 / 365)
        let (book, market) = try WorkloadAgreementTests.load("edge_cases.json")
        let explainer = Explainer(engine: engine, sources: checked.sources)
        #expect(explainer.explain(account: "nobody", book: book, market: market) == nil)
        #expect(explainer.explain(account: "edge-800", book: book, market: market, measure: "nothing") == nil)
    }

    static func golden(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/explain/\(name)").path
    }
}
