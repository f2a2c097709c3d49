import Foundation
import Lever
import LeverTestSupport
@testable import LeverBench
import Testing

/// `lever bench --end-to-end` times each stage a user's `lever eval` pays, on a book file.
struct EndToEndTests {
    static let margin = Fixtures.margin.appendingPathComponent("edge_cases.json").path

    @Test func everyStageIsTimedOnTheBookFile() throws {
        let engine = try Fixtures.engine()
        let outcome = try EndToEnd.run(engine: engine, bookPath: Self.margin, market: try Fixtures.market(),
                                       policy: PolicyNames(policy: engine.policy), repeats: 2)
        let report = try outcome.get()
        #expect(report.stages.map(\.name) == ["read", "parse", "lay out", "evaluate", "report"])
        #expect(report.accounts == 13 && report.bytes > 0)
        #expect(report.stages.allSatisfy { $0.timing.samples.count == 2 && $0.timing.accounts == 13 })
        let table = report.table
        for row in ["read ", "parse ", "lay out ", "evaluate ", "report ", "total "] {
            #expect(table.contains("\n" + row), "\(row) row")
        }
        #expect(table.contains("MB/s") && table.contains("× read"))
    }

    /// On two threads, as `lever eval` runs by default; the table says how many.
    @Test func stagesAreTimedOnTheThreadsAskedFor() throws {
        let engine = try Fixtures.engine()
        let outcome = try EndToEnd.run(engine: engine, bookPath: Self.margin, market: try Fixtures.market(),
                                       policy: PolicyNames(policy: engine.policy), repeats: 1, threads: 2)
        let report = try outcome.get()
        #expect(report.threads == 2 && report.accounts == 13)
        #expect(report.table.contains("timed per stage, 2 threads"))
    }

    @Test func aBookThatDoesNotLoadIsSaid() throws {
        let engine = try Fixtures.engine()
        let dir = try makeTemporaryDirectory("e2e")
        let path = dir + "/book.json"
        try Data(#"{"accounts": [{"id": "x", "score": 1, "positions": [{"asset": "NOPE", "qty": 1}]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let outcome = try EndToEnd.run(engine: engine, bookPath: path, market: try Fixtures.market(),
                                       policy: PolicyNames(policy: engine.policy), repeats: 1)
        guard case .failure(let problem) = outcome else { Issue.record("loaded"); return }
        #expect(problem.messages.first?.contains("NOPE") == true, "\(problem.messages)")
    }
}
