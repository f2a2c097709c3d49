import Foundation
import Testing
@testable import LeverTesting

/// The project's own golden corpus, `Tests/Golden`: every case must pass, so `swift test` runs
/// what `lever test` runs in CI. The corpus must keep covering every policy in `Rules/`.
struct GoldenCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden").path

    @Test func projectCorpusPasses() throws {
        let summary = try GoldenRunner(threads: 2).run(paths: [Self.corpus])
        #expect(summary.results.count >= 20)
        for result in summary.results where !result.isPassing {
            Issue.record("\(GoldenTextReporter.headline(result))\n\(result.details.joined(separator: "\n"))")
        }
        let policies = Set(summary.results.compactMap { $0.testCase.name.split(separator: "/").first.map(String.init) })
        // Every shipped policy has golden cases.
        let rules = URL(fileURLWithPath: Self.corpus).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules")
        var shipped = Set(((try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? [])
            .filter { $0.hasSuffix(".lever") }.map { String($0.dropLast(".lever".count)) })
        #expect(shipped.count >= 4)
        // The protocol policies (`Rules/protocols/`) share one folder of cases; `ProtocolVectorTests`
        // holds each of them to its vectors.
        shipped.insert("protocols")
        #expect(policies == shipped)
    }

    /// Every expected file records the policy and engine its case runs under now, so a policy
    /// edit cannot leave the corpus approved under an older text unnoticed: after reviewing,
    /// `lever test Tests/Golden --bless` re-records them (values untouched).
    @Test func projectCorpusIsApprovedUnderTheCurrentPolicies() throws {
        let summary = try GoldenRunner(threads: 2).run(paths: [Self.corpus])
        for result in summary.results where result.approval?.isCurrent != true {
            Issue.record("\(result.testCase.name): \(result.approval?.note ?? "not evaluated"); review it, then run `lever test Tests/Golden --bless`")
        }
        #expect(summary.stalePolicy.isEmpty && summary.staleEngineOnly.isEmpty)
    }
}
