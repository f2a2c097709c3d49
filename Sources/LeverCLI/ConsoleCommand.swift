import ArgumentParser

/// A subcommand that writes only through a `Console` and returns its exit code.
///
/// Returning the code (0 ok, 1 findings, 2 usage or I/O) rather than calling `exit` keeps commands
/// testable in process; `LeverCommand.run(arguments:console:)` is the one place that dispatches them.
public protocol ConsoleCommand: ParsableCommand {
    /// Runs the command against `console`.
    func run(console: Console) throws -> ExitCode
}

extension ConsoleCommand {
    /// Lets ArgumentParser's own `main()` run the command against the real terminal.
    public mutating func run() throws {
        let code = try run(console: .standard())
        if code != .success { throw code }
    }
}

extension ExitCode {
    /// Usage errors and unreadable inputs: the command could not do its job at all.
    static let usageOrIO = ExitCode(2)
    /// The command ran and found problems (errors, files that would change).
    static let findings = ExitCode(1)
}
