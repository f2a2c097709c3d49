import Foundation
import LeverTestSupport
import Testing

/// Runs the built `lever` binary as a separate process: the scripted sessions of
/// `LeverCLITests/Golden/cli/repl-*.txtar` fed through real standard input (a pipe, so no
/// readline), and `Tests/tmux/repl.sh` on a pseudo-terminal when tmux is installed.
@Suite struct ReadlineProcessTests {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `lever` executable next to the test bundle (`swift test` builds it with the tests).
    static var binary: String? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("lever").path, root.appendingPathComponent(".build/debug/lever").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var hasTmux: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
    }

    /// The scripted REPL sessions, named after their files.
    static var scripts: [String] {
        let directory = root.appendingPathComponent("Tests/LeverCLITests/Golden/cli").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix("repl-") && $0.hasSuffix(".txtar") }.sorted()
    }

    /// The same session as the in-process golden (`--script FILE`), given on standard input
    /// instead, prints the same output and exits the same way.
    @Test(.enabled(if: binary != nil, "the lever binary is not built"), arguments: scripts)
    func scriptOnStandardInput(_ name: String) throws {
        let path = Self.root.appendingPathComponent("Tests/LeverCLITests/Golden/cli/\(name)").path
        let archive = Txtar(parsing: try String(contentsOfFile: path, encoding: .utf8))
        var arguments = (archive["args"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard let flag = arguments.firstIndex(of: "--script"), flag + 1 < arguments.count else { return }
        let script = arguments[flag + 1]
        arguments.removeSubrange(flag...flag + 1)
        let directory = try makeTemporaryDirectory("lever-repl")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in archive.files where file.name != "args" && !file.name.hasPrefix("want/") {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.content.utf8).write(to: url)
        }
        let result = try Self.run(arguments, stdin: archive[script] ?? "", in: directory)
        #expect(result.stdout == archive["want/stdout"] ?? "")
        #expect("\(result.exitCode)\n" == archive["want/exit"])
    }

    /// `Tests/tmux/repl.sh` drives the REPL through a real pseudo-terminal.
    @Test(.enabled(if: binary != nil && hasTmux, "needs the lever binary and tmux (no pseudo-terminal otherwise)"))
    func terminalSession() throws {
        let script = Self.root.appendingPathComponent("Tests/tmux/repl.sh").path
        let result = try Self.run(["bash", script, Self.binary ?? ""], executable: "/usr/bin/env", stdin: "", in: Self.root.path)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }

    /// Runs a process to completion with `stdin` as its standard input.
    static func run(_ arguments: [String], executable: String? = nil, stdin: String, in directory: String) throws
        -> (stdout: String, stderr: String, exitCode: Int32)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary ?? "lever")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), process.terminationStatus)
    }
}
