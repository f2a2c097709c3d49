import ArgumentParser
import Lever
import LeverDoc

/// `lever doc POLICY`: the document a risk committee reads and approves.
struct Doc: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a committee-readable document of a policy (Markdown or HTML).",
        discussion: """
            Shows what the policy says, in order, with numbers: name, version, SHA-256 identity, imports
            and the engine version that wrote it; parameters with their values, where they are declared and the comment above them;
            declared inputs; asset classes and each asset's effective rules; venues; decision tables;
            curves with a table of values (and a chart in HTML); margin and oracle settings; measures;
            scenarios; asserts with their proof status; change guardrails.
            Markdown goes to standard output unless --output names a file (written atomically; a link's
            target is written and keeps its permissions);
            --format html gives one self-contained page.
            Exit status: 0 written; 1 the policy has errors (shown as `lever check` shows them);
            2 usage errors or unreadable/unwritable files.
            """)

    /// The document forms.
    enum DocFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @ArgumentParser.Argument(help: "The policy file.") var policy: String
    @Option(help: "Document format: markdown or html.") var format: DocFormat = .markdown
    @Option(help: "Write the document to this file instead of standard output.") var output: String?

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console), InputFile.allReadable([policy], console: console) else { return .usageOrIO }
        let loaded = Lever.loadPolicy(path: console.resolve(policy), limits: limits.policy)
        guard !loaded.diagnostics.hasErrors else {
            let code = console.reportFindings(loaded.diagnostics, sources: loaded.sources, color: console.allowsColor)
            return loaded.checked.isUnreadable ? .usageOrIO : code
        }
        let document = PolicyDocument(loaded.checked, engine: console.engineVersion)
        let text = format == .html ? DocumentHTML.render(document) : DocumentMarkdown.render(document)
        guard let output else {
            console.out(text)
            return .success
        }
        do { try OutputFile.write(text, to: console.resolve(output)) } catch {
            console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
            return .usageOrIO
        }
        return .success
    }
}
