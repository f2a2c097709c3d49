import Foundation
import LeverTestSupport
import Testing

/// The `eval-sample-*` golden cases carry copies of `Rules/prime.lever` and `Rules/sample/*.json`
/// (the golden runner runs each case in a fresh directory). This keeps the copies equal to the
/// repository's files: with `LEVER_BLESS=1` it refreshes them (then bless again for the output).
@Suite struct EvalSampleSyncTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let copied = ["Rules/prime.lever", "Rules/sample/book.json", "Rules/sample/market.json"]

    @Test(arguments: goldenCases("cli", ext: "txtar").filter { $0.hasPrefix("cli/eval-sample-") })
    func copiesMatchTheRepository(_ name: String) throws {
        let path = goldenPath(name)
        var archive = Txtar(parsing: try String(contentsOfFile: path, encoding: .utf8))
        var stale: [String] = []
        for file in Self.copied {
            let current = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            if archive[file] != current {
                stale.append(file)
                archive[file] = current
            }
        }
        guard !stale.isEmpty else { return }
        if GoldenMode.current == .bless {
            try Data(archive.serialized.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            Issue.record("\(name) has stale copies of \(stale.joined(separator: ", ")); run LEVER_BLESS=1 swift test twice")
        }
    }
}
