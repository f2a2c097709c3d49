import ArgumentParser
import LeverCheck
import LeverSyntax

/// `lever check FILE…`: report every problem in the policies without running them.
struct Check: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check policy files for errors without running them.",
        discussion: """
            Reports syntax, name, unit, table, curve and proof problems in each file and its imports.
            Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors,
            2 for usage errors or unreadable files.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "Treat warnings as errors: they are shown as errors and make the exit status 1.")
    var warningsAsErrors = false

    @Option(help: "Run the stages up to and including this one: parse, resolve, typecheck, units, tables, curves or proofs.")
    var stopAfter: StageName = .proofs

    @ArgumentParser.Argument(help: "The policy files to check.")
    var files: [String]

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console), InputFile.allReadable(files, console: console) else { return .usageOrIO }
        var combined = CombinedDiagnostics()
        var unreadable = false
        for file in files {
            let result = Checker.check(path: console.resolve(file), stopAfter: stopAfter, limits: limits.policy)
            combined.add(result.diagnostics, from: result.sources)
            unreadable = unreadable || result.isUnreadable
        }
        if warningsAsErrors { combined.promoteWarnings() }
        output.print(combined.diagnostics, sources: combined.sources, console: console)
        // A file that turned out unreadable (a pipe past the size limit) is an I/O failure.
        if unreadable { return .usageOrIO }
        return combined.diagnostics.hasErrors ? .findings : .success
    }
}

extension StageName: ExpressibleByArgument {}
