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
        #expect(policies == ["lending", "margin_workload", "prime"])
    }
}
