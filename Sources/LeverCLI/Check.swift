import ArgumentParser
import Lever
import LeverCheck
import LeverSyntax

/// `lever check FILE…`: report every problem in the policies without running them.
struct Check: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check policy files for errors without running them.",
        discussion: """
            Reports syntax, name, unit, table, curve, proof and compile problems in each file and its imports.
            A file that cannot be read (missing, a directory, /dev/null) is reported and the others
            are still checked. Exit status: 0 when there are no errors (warnings allowed), 1 when
            there are errors, 2 for usage errors or when any file could not be read.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "Treat warnings as errors: they are shown as errors and make the exit status 1.")
    var warningsAsErrors = false

    @Option(help: "Run the stages up to and including this one: parse, resolve, typecheck, units, tables, curves or proofs.")
    var stopAfter: StageName = .proofs

    @ArgumentParser.Argument(help: "The policy files to check.")
    var files: [String]

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console) else { return .usageOrIO }
        var combined = CombinedDiagnostics(), unreadable = false
        for file in files {
            // A file that cannot be read is reported and the others are still checked.
            if let problem = InputFile.problem(file, console: console) {
                console.err(problem + "\n")
                unreadable = true
                continue
            }
            let result = Checker.check(path: console.resolve(file), stopAfter: stopAfter, limits: limits.policy)
            // A few problems only the compiler sees (a rule that depends on itself, L0801; an
            // asset's property read for a position it depends on, L0802): compiled here too, so
            // a policy `check` passes is one `eval` accepts.
            let diagnostics = stopAfter == .proofs && result.isValid ? Lever.compile(result).diagnostics : result.diagnostics
            combined.add(diagnostics, from: result.sources)
            unreadable = unreadable || result.isUnreadable
        }
        if warningsAsErrors { combined.promoteWarnings() }
        // "no problems found" would be untrue of a file that was never read; a file that turned
        // out unreadable (a pipe past the size limit) is an I/O failure too.
        if !unreadable || !combined.diagnostics.isEmpty {
            output.print(combined.diagnostics, sources: combined.sources, console: console)
        }
        return unreadable ? .usageOrIO : combined.diagnostics.hasErrors ? .findings : .success
    }
}

extension StageName: ExpressibleByArgument {}
