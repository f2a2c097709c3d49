/// A source of input lines for the REPL: GNU readline on a terminal, plain lines otherwise.
///
/// The REPL loop only asks for the next line, so the session is driven the same way by a
/// person at a terminal, a script on standard input, and a test (CONVENTIONS §14).
public protocol LineEditor {
    /// The next line without its newline, showing `prompt` when the editor has a screen;
    /// `nil` at the end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// Whether the last `readLine` was cancelled with Ctrl-C; the REPL then drops any
    /// half-typed multi-line input instead of leaving.
    var interrupted: Bool { get }
}

extension LineEditor {
    /// Editors without a terminal are never interrupted.
    public var interrupted: Bool { false }
}

/// Reads plain lines with no prompt, no history and no editing, for scripts and pipes.
///
/// A prompt echoed into a pipe would end up in the script's output, so `prompt` is ignored.
public struct PlainEditor: LineEditor {
    private var next: () -> String?

    /// Lines from standard input.
    public init() {
        next = { Swift.readLine(strippingNewline: true) }
    }

    /// The given lines, then end of input (a `--script` file, or a test).
    public init(lines: [String]) {
        var remaining = lines[...]
        next = { remaining.popFirst() }
    }

    /// The next line; the prompt is not shown.
    public mutating func readLine(prompt: String) -> String? {
        next()
    }
}
