import ArgumentParser
import Lever
import LeverSyntax

/// `lever fmt FILE…`: rewrite policies in the canonical layout.
struct Fmt: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Format policy files in the canonical layout.",
        discussion: """
            Rewrites each file in place (atomically) when its layout changes. A file with syntax
            errors is left alone and its errors are printed. Exit status: 0 on success, 1 when a
            file has syntax errors or (with --check) would change, 2 for usage errors or unreadable files.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "Change nothing; list the files that would change and exit 1 if there are any.")
    var check = false

    @Flag(help: "Print the formatted text to standard output instead of rewriting the files.")
    var stdout = false

    @ArgumentParser.Argument(help: "The policy files to format.")
    var files: [String]

    func validate() throws {
        if check && stdout { throw ValidationError("--check and --stdout cannot be used together") }
    }

    func run(console: Console) throws -> ExitCode {
        guard InputFile.allReadable(files, console: console) else { return .usageOrIO }
        var sources = SourceMap(), broken: [Diagnostic] = [], code = ExitCode.success
        for path in files {
            guard case .success(let bytes) = InputFile.read(path, console: console) else { return .usageOrIO }
            let parsed = Parser.parse(sources.add(path: path, bytes: bytes))
            if parsed.diagnostics.hasErrors {
                broken += parsed.diagnostics
                code = .findings
            } else if try !apply(Formatter.format(parsed), to: parsed.source, console: console) {
                code = .findings
            }
        }
        if !broken.isEmpty { output.print(broken, sources: sources, console: console) }
        return code
    }

    /// Prints, reports or writes the formatted text; false when `--check` finds a change.
    private func apply(_ formatted: String, to source: SourceFile, console: Console) throws -> Bool {
        let changed = formatted != source.text || Array(formatted.utf8) != source.bytes
        if stdout {
            console.out(formatted)
        } else if check {
            if changed { status("would reformat \(source.path)", console: console) }
            return !changed
        } else if changed {
            do {
                try OutputFile.write(formatted, to: console.resolve(source.path))
            } catch {
                console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
                throw ExitCode.usageOrIO
            }
            status("formatted \(source.path)", console: console)
        }
        return true
    }

    /// A line about a file; on standard error when standard output carries JSON or annotations,
    /// so machine-readable output stays parseable.
    private func status(_ line: String, console: Console) {
        if output.isHuman(for: console) { console.out(line + "\n") } else { console.err(line + "\n") }
    }
}
