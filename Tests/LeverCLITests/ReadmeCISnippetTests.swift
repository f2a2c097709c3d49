import Foundation
import LeverTestSupport
import Testing

/// The README's CI snippets run as written on a fresh checkout: the shell lines and the lever
/// steps of the GitHub Actions job, in a copy of the repository's policies and golden corpus
/// where nothing else exists (no `test-results/` folder, no build of the README's own).
@Suite struct ReadmeCISnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The lines of the fenced block that follows `marker` in the README.
    static func block(after marker: String) throws -> [String] {
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: marker))
        let open = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let body = try #require(readme.range(of: "\n", range: open.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "\n```", range: body.upperBound..<readme.endIndex))
        return readme[body.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// A fresh directory holding `Rules/` and `Tests/Golden/` as a clone has them.
    static func checkout() throws -> String {
        let dir = try makeTemporaryDirectory("readme-ci")
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/Tests", withIntermediateDirectories: true)
        try fm.copyItem(atPath: root + "/Rules", toPath: dir + "/Rules")
        try fm.copyItem(atPath: root + "/Tests/Golden", toPath: dir + "/Tests/Golden")
        return dir
    }

    /// `lever ARGS` as a shell would run it in `dir`: `Rules/*.lever` expanded, sorted.
    static func run(_ line: String, in dir: String) throws -> CommandResult {
        var words = line.split(separator: " ").map(String.init)
        #expect(words.first?.hasSuffix("lever") == true, "not a lever command: \(line)")
        words.removeFirst()
        let expanded = try words.flatMap { word -> [String] in
            guard word == "Rules/*.lever" else { return [word] }
            return try FileManager.default.contentsOfDirectory(atPath: dir + "/Rules").filter { $0.hasSuffix(".lever") }
                .sorted().map { "Rules/" + $0 }
        }
        return runCommand(expanded, in: dir)
    }

    @Test func theShellSnippetPassesOnAFreshCheckout() throws {
        let lines = try Self.block(after: "In CI, check, format-check and test every policy:")
        #expect(lines.count == 3)
        let dir = try Self.checkout()
        for line in lines {
            let result = try Self.run(line, in: dir)
            #expect(result.exitCode == 0, "`\(line)` exited \(result.exitCode): \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/test-results/golden.xml"))
    }

    @Test func theActionsJobsLeverStepsPass() throws {
        let lines = try Self.block(after: "As a GitHub Actions job:")
        let dir = try Self.checkout()
        var ran = 0
        for line in lines {
            guard let run = line.range(of: "- run: ") else { continue }
            for step in line[run.upperBound...].components(separatedBy: " && ") {
                let command = step.trimmingCharacters(in: .whitespaces)
                if command.hasPrefix("swift build") { continue }   // the build is this test's own
                if command.hasPrefix("mkdir -p ") {
                    try FileManager.default.createDirectory(atPath: dir + "/" + command.dropFirst("mkdir -p ".count),
                                                            withIntermediateDirectories: true)
                    continue
                }
                let result = try Self.run(command, in: dir)
                #expect(result.exitCode == 0, "`\(command)` exited \(result.exitCode): \(result.stderr)")
                ran += 1
            }
        }
        #expect(ran == 3)
    }
}
