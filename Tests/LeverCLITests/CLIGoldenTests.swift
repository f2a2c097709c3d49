import Foundation
import LeverTestSupport
import Testing

/// Runs every `Golden/cli/*.txtar` case: `args` is the command line (split on blanks), other
/// files are written to a fresh directory, and `want/stdout`, `want/stderr` (when not empty),
/// `want/exit` and `want/file/<name>` (a file's content after the run) are compared.
@Suite struct CLIGoldenTests {
    static let reserved = ["args", "want/stdout", "want/stderr", "want/exit"]

    @Test(arguments: goldenCases("cli", ext: "txtar"))
    func golden(_ name: String) throws {
        let path = goldenPath(name)
        let archive = Txtar(parsing: try String(contentsOfFile: path, encoding: .utf8))
        let directory = try makeTemporaryDirectory("lever-cli")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in archive.files where !Self.reserved.contains(file.name) && !file.name.hasPrefix("want/") {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.content.utf8).write(to: url)
        }
        let arguments = (archive["args"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        let result = runCommand(arguments, in: directory)
        assertGolden(actual: recorded(result, into: archive, directory: directory).serialized, path: path)
    }

    /// The archive with its `want/` sections replaced by what the run produced.
    func recorded(_ result: CommandResult, into archive: Txtar, directory: String) -> Txtar {
        var actual = archive
        actual["want/stdout"] = result.stdout
        if !result.stderr.isEmpty || archive["want/stderr"] != nil { actual["want/stderr"] = result.stderr }
        actual["want/exit"] = "\(result.exitCode)\n"
        for file in archive.files where file.name.hasPrefix("want/file/") {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(String(file.name.dropFirst(10)))
            actual[file.name] = (try? String(contentsOf: target, encoding: .utf8)) ?? "<missing>\n"
        }
        return actual
    }
}
