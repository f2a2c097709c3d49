import ArgumentParser
import Lever

/// The `lever` command line: one thin subcommand per verb.
public struct LeverCommand: ParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "lever",
        abstract: "Risk policy language for crypto margin and lending.",
        version: EngineVersion.number,
        subcommands: [Check.self, Fmt.self, Eval.self, Explain.self, Test.self, Diff.self, Doc.self, Repl.self, Bench.self, Lsp.self])

    /// Required by ArgumentParser.
    public init() {}

    /// Parses `arguments` (without the program name), runs the chosen subcommand against
    /// `console`, and returns the process exit code.
    ///
    /// Usage errors print ArgumentParser's message and usage to standard error and return 2
    /// (ArgumentParser's own default is 64); `--help` prints to standard output and returns 0.
    ///
    /// `lever --version` prints `lever` and `console.engineVersion` (the release number and, in
    /// a binary built from git, the source revision) and returns 0.
    public static func run(arguments: [String], console: Console) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let runnable = command as? any ConsoleCommand {
                return try runnable.run(console: console).rawValue
            }
            try command.run()
            return ExitCode.success.rawValue
        } catch {
            return report(error, console: console)
        }
    }

    private static func report(_ error: any Error, console: Console) -> Int32 {
        let message = fullMessage(for: error, columns: 100)
        let code = exitCode(for: error)
        if code == .success {
            // `--version` (after any subcommand too): ArgumentParser answers with the static release
            // number; the console knows the full engine version, revision included.
            let shown = message == configuration.version ? "lever \(console.engineVersion)" : message
            if !shown.isEmpty { console.out(shown + "\n") }
            return code.rawValue
        }
        // One prefix style for every error the tool prints: ArgumentParser's `Error: ` becomes
        // the compilers' (and the rest of lever's) `error: `.
        let styled = message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : Substring(message)
        if !styled.isEmpty { console.err(styled + "\n") }
        return code == .validationFailure ? ExitCode.usageOrIO.rawValue : code.rawValue
    }
}
