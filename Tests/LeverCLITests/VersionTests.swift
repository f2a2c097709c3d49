import Foundation
import Lever
import LeverTestSupport
import Testing

/// `lever --version`: the release number and, in a binary built from a git checkout, the source
/// revision the SourceRevisionPlugin read.
@Suite struct VersionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func printsTheConsolesEngineVersion() {
        let result = runCommand(["--version"])
        #expect(result.stdout == "lever \(EngineVersion.number)\n")
        #expect(result.exitCode == 0)
        let built = runCommand(["--version"], engineVersion: "9.9.9 (abc1234)")
        #expect(built.stdout == "lever 9.9.9 (abc1234)\n")
    }

    @Test func afterASubcommandToo() {
        let result = runCommand(["eval", "--version"], engineVersion: "9.9.9 (abc1234)")
        #expect(result.stdout == "lever 9.9.9 (abc1234)\n")
        #expect(result.exitCode == 0)
    }

    @Test func describeAddsTheRevisionWhenKnown() {
        #expect(EngineVersion.describe(revision: nil) == EngineVersion.number)
        #expect(EngineVersion.describe(revision: "") == EngineVersion.number)
        #expect(EngineVersion.describe(revision: "3f2c1ab-dirty") == "\(EngineVersion.number) (3f2c1ab-dirty)")
    }

    /// The built binary names a commit of this repository (or, built outside a git work tree,
    /// no revision at all).
    @Test(.enabled(if: binary != nil, "the lever binary is not built"))
    func theBuiltBinaryNamesACommitOfThisRepository() throws {
        let printed = try Self.run([try #require(Self.binary), "--version"]).trimmingCharacters(in: .newlines)
        let prefix = "lever \(EngineVersion.number)"
        #expect(printed.hasPrefix(prefix), "\(printed)")
        let hasGit = FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(".git").path)
        guard hasGit, let head = try? Self.run(["/usr/bin/env", "git", "-C", Self.root.path, "rev-parse", "HEAD"]),
              !head.isEmpty
        else {
            #expect(printed == prefix || printed.hasPrefix(prefix + " ("))
            return
        }
        let revision = try #require(printed.split(separator: "(").last.map { String($0.dropLast()) }, "\(printed)")
        let commit = revision.hasSuffix("-dirty") ? String(revision.dropLast(6)) : revision
        #expect(commit.count >= 7 && commit.allSatisfy(\.isHexDigit), "\(printed)")
        // The commit exists here (HEAD may have moved on since the build).
        #expect(try Self.run(["/usr/bin/env", "git", "-C", Self.root.path, "cat-file", "-t", commit]) == "commit\n")
    }

    /// The `lever` executable next to the test bundle (`swift test` builds it with the tests).
    static var binary: String? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("lever").path, root.appendingPathComponent(".build/debug/lever").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Standard output of a process (standard error discarded).
    static func run(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
