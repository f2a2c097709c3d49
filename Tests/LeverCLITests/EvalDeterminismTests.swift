import Foundation
import LeverTestSupport
import Testing

/// `lever eval` prints the same bytes for the sample book on every run and at any thread count.
@Suite struct EvalDeterminismTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func eval(_ extra: [String]) -> CommandResult {
        runCommand(["eval", "Rules/prime.lever", "--book", "Rules/sample/book.json", "--market", "Rules/sample/market.json"]
                   + extra, in: root)
    }

    @Test(arguments: [["--format", "json"], ["--format", "table"]])
    func sameBytesAtOneTwoAndFourThreads(_ format: [String]) {
        let runs = [1, 2, 4, 4].map { Self.eval(format + ["--threads", String($0)]) }
        #expect(runs[0].stdout.count > 1000)
        for run in runs.dropFirst() {
            #expect(run.stdout == runs[0].stdout)
            #expect(run.exitCode == runs[0].exitCode)
        }
    }

    @Test func jsonIsValidAndNamesThePolicy() throws {
        let run = Self.eval(["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["name"] as? String == "Cross-venue prime margin")
        #expect((policy["hash"] as? String)?.count == 64)
        #expect((object["accounts"] as? [Any])?.count == 31)
    }
}
