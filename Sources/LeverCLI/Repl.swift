import ArgumentParser
import Foundation
import LeverREPL

/// `lever repl [POLICY]`: an interactive session over a policy (GNU readline on a terminal,
/// plain lines from a script or pipe).
struct Repl: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore a policy interactively: evaluate expressions, plot curves, run what-ifs.",
        discussion: """
            On a terminal: line editing, history in ~/.lever_history (or $LEVER_HISTORY), tab
            completion, a continuation prompt while brackets or a block are open, Ctrl-C to cancel the
            current input, Ctrl-D or :quit to leave. Type :help for the commands.
            When standard input is not a terminal (or with --script), lines are read plainly: no
            prompts, no colours, only results and errors are printed.
            Exit status: 0 when every command succeeded; 1 when a scripted command failed; 2 for usage
            errors or unreadable files.
            """)

    @ArgumentParser.Argument(help: "The policy file to load.") var policy: String?
    @Option(help: "Read commands from this file instead of standard input (no prompts).") var script: String?

    func run(console: Console) throws -> ExitCode {
        let files = [policy, script].compactMap { $0 }
        guard let limits = Limits.read(console), InputFile.allReadable(files, console: console) else { return .usageOrIO }
        let interactive = script == nil && isatty(STDIN_FILENO) != 0 && console.isTerminal
        let session = ReplSession(policyPath: policy.map(console.resolve), color: interactive && console.allowsColor,
                                  policyLimits: limits.policy, inputLimits: limits.input)
        if interactive {
            var editor = ReadlineEditor(historyPath: ReadlineEditor.historyPath(environment: console.environment)) {
                line, cursor in
                guard case .completions(let words) = session.handle(.complete(line, cursor: cursor)) else { return [] }
                return words
            }
            ReplLoop(session: session, console: console).run(&editor)
            editor.saveHistory()
            return .success
        }
        var editor = PlainEditor()
        if let script {
            guard let lines = InputFile.reading([script], console: console, {
                try Self.lines(of: console.resolve(script), limit: limits.policy.maxBytes)
            }) else { return .usageOrIO }
            editor = PlainEditor(lines: lines)
        }
        // A script's (or pipe's) diagnostics name it and its line, not `<input>:1`.
        ReplLoop(session: session, console: console).run(&editor, scriptName: script ?? "<stdin>")
        return session.failed ? .findings : .success
    }

    /// A script's lines, without the empty string after a final newline; a script is read
    /// within the policy size limit, like the policy text it types.
    static func lines(of path: String, limit: Int) throws -> [String] {
        let bytes = try LeverSyntax.InputFile.read(path, limit: limit, kind: .file)
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Reads inputs from a line editor, accumulating lines while the input is incomplete, and prints
/// the session's responses.
struct ReplLoop {
    let session: ReplSession
    let console: Console

    /// Runs until end of input or `:quit`. With `scriptName`, each input's diagnostics point
    /// at that name and the line the input started on (`checks.lvr:12:5`).
    func run<Editor: LineEditor>(_ editor: inout Editor, scriptName: String? = nil) {
        var pending: [String] = []
        var lineNumber = 0, startLine = 1
        while true {
            let prompt = pending.isEmpty ? session.prompt : session.continuationPrompt
            guard let line = editor.readLine(prompt: prompt) else { break }
            lineNumber += 1
            if editor.interrupted {
                pending = []
                continue
            }
            if pending.isEmpty { startLine = lineNumber }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            if ReplSession.needsMoreInput(text) { continue }
            pending = []
            if let scriptName { session.origin = InputOrigin(path: scriptName, line: startLine) }
            if !show(session.handle(.input(text))) { return }
        }
        // End of input inside an open block: let the session report what is missing.
        if !pending.isEmpty {
            if let scriptName { session.origin = InputOrigin(path: scriptName, line: startLine) }
            _ = show(session.handle(.input(pending.joined(separator: "\n"))))
        }
    }

    /// Prints one response; false when the session asked to quit.
    func show(_ response: ReplResponse) -> Bool {
        switch response {
        case .output(let text), .diagnostics(let text):
            if !text.isEmpty { console.out(text.hasSuffix("\n") ? text : text + "\n") }
        case .incompleteInput, .completions:
            break
        case .quit:
            return false
        }
        return true
    }
}
