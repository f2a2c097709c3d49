import ArgumentParser
import Lever
import LeverSyntax

/// `lever fmt FILE…`: rewrite policies in the canonical layout.
struct Fmt: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Format policy files in the canonical layout.",
        discussion: """
            Rewrites each file in place (atomically) when its layout changes; a symbolic link's
            target is rewritten and keeps its permissions. A file with syntax errors is left alone
            and its errors are printed; a file that cannot be read or written (a directory,
            /dev/null) is reported and the others are still formatted. Exit status: 0 on success,
            1 when a file has syntax errors or (with --check) would change, 2 for usage errors or
            when any file could not be read or written.
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
        var sources = SourceMap(), broken: [Diagnostic] = [], findings = false, failedIO = false
        // One file that cannot be read or written does not stop the others: each is reported
        // where it happens and the exit status says so at the end.
        for path in files {
            let bytes: [UInt8]
            switch InputFile.read(path, console: console) {
            case .success(let read): bytes = read
            case .failure(let message):
                console.err(message.text + "\n")
                failedIO = true
                continue
            }
            let parsed = Parser.parse(sources.add(path: path, bytes: bytes))
            if parsed.diagnostics.hasErrors {
                broken += parsed.diagnostics
                findings = true
                continue
            }
            switch apply(Formatter.format(parsed), to: parsed.source, console: console) {
            case .done: break
            case .wouldChange: findings = true
            case .notWritten: failedIO = true
            }
        }
        if !broken.isEmpty { output.print(broken, sources: sources, console: console) }
        return failedIO ? .usageOrIO : findings ? .findings : .success
    }

    /// What became of one file's formatted text.
    private enum Outcome {
        /// Printed, written, or already canonical.
        case done
        /// `--check` found a change.
        case wouldChange
        /// The file could not be written (the error is printed).
        case notWritten
    }

    /// Prints, reports or writes the formatted text.
    private func apply(_ formatted: String, to source: SourceFile, console: Console) -> Outcome {
        let changed = formatted != source.text || Array(formatted.utf8) != source.bytes
        if stdout {
            console.out(formatted)
        } else if check {
            if changed { status("would reformat \(source.path)", console: console) }
            return changed ? .wouldChange : .done
        } else if changed {
            do {
                try OutputFile.write(formatted, to: console.resolve(source.path))
            } catch {
                console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
                return .notWritten
            }
            status("formatted \(source.path)", console: console)
        }
        return .done
    }

    /// A line about a file; on standard error when standard output carries JSON or annotations,
    /// so machine-readable output stays parseable.
    private func status(_ line: String, console: Console) {
        if output.isHuman(for: console) { console.out(line + "\n") } else { console.err(line + "\n") }
    }
}
