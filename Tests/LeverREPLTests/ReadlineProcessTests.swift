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
        // Diagnostics name the input: the script's file there, `<stdin>` here; the rest is the same.
        let expected = (archive["want/stdout"] ?? "").replacingOccurrences(of: script + ":", with: "<stdin>:")
        #expect(result.stdout == expected)
        #expect("\(result.exitCode)\n" == archive["want/exit"])
    }

    /// `Tests/tmux/repl.sh` drives the REPL through a real pseudo-terminal.
    @Test(.enabled(if: binary != nil && hasTmux, "needs the lever binary and tmux (no pseudo-terminal otherwise)"))
    func terminalSession() throws {
        let script = Self.root.appendingPathComponent("Tests/tmux/repl.sh").path
        let log = try makeTemporaryDirectory("lever-tmux") + "/log"
        let status = Self.spawnAndWait(["/bin/bash", "-c", "exec bash \"$0\" \"$1\" </dev/null >\"$2\" 2>&1", script, Self.binary ?? "", log])
        #expect(status == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// Runs a command and waits with `waitpid`; Foundation's `Process.waitUntilExit` was seen to
    /// hang here after the script had exited, with the tmux server it started still alive.
    static func spawnAndWait(_ arguments: [String]) -> Int32 {
        var pid = pid_t()
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A clean signal mask and default handlers: the runner's threads block signals, and a
        // blocked SIGINT or SIGHUP would be inherited by the REPL and the tmux server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        guard posix_spawn(&pid, arguments[0], nil, &attributes, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs a process to completion with `stdin` as its standard input.
    ///
    /// Output goes to files, not pipes: a daemon the process starts (the tmux server) may keep
    /// inherited descriptors open, and reading a pipe to its end would then never finish.
    static func run(_ arguments: [String], executable: String? = nil, stdin: String, in directory: String) throws
        -> (stdout: String, stderr: String, exitCode: Int32)
    {
        let scratch = try makeTemporaryDirectory("lever-run")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary ?? "lever")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (read(outPath), read(errPath), process.terminationStatus)
    }
}
