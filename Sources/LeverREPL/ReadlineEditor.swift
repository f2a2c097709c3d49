@preconcurrency import CReadline
import Foundation

/// Reads lines on a terminal through GNU readline: editing, persistent history, tab completion,
/// Ctrl-C to cancel the line being typed and Ctrl-D to leave.
///
/// readline keeps its state in C globals and calls back through C function pointers, so the
/// callback state lives in `ReadlineState` (one process has one terminal). Lines are read with
/// readline's callback interface rather than `readline()` so that Ctrl-C can abandon the line:
/// the SIGINT handler only sets a flag, `poll` returns, and the line is cleared here.
public struct ReadlineEditor: LineEditor {
    /// Where history is read at start and written by `saveHistory()`.
    public let historyPath: String
    /// Whether the last `readLine` was cancelled with Ctrl-C.
    public private(set) var interrupted = false

    /// Most history entries kept, in memory and in the file.
    static let historyLimit: Int32 = 1000

    /// Sets readline up for the REPL: history from `historyPath`, completion through `complete`
    /// (the line and the cursor's UTF-8 offset in, candidate words out).
    public init(historyPath: String, complete: @escaping (String, Int) -> [String]) {
        self.historyPath = historyPath
        ReadlineState.complete = complete
        rl_readline_name = UnsafePointer(strdup("lever"))
        rl_catch_signals = 0  // SIGINT is ours: readline would re-raise it and end the process
        // Not `.`, `:` or `-`: `BTC.price`, `:type` and `fund-aurora` are completed as whole words.
        rl_basic_word_break_characters = UnsafePointer(strdup(Completion.wordBreakCharacters))
        rl_attempted_completion_function = { text, _, _ in ReadlineState.attemptCompletion(text) }
        using_history()
        stifle_history(Self.historyLimit)
        _ = read_history(historyPath)  // missing on the first run: start empty
        ReadlineState.installInterruptHandler()
    }

    /// `LEVER_HISTORY` when set, else `~/.lever_history`.
    public static func historyPath(environment: [String: String]) -> String {
        if let path = environment["LEVER_HISTORY"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".lever_history").path
    }

    /// The next line (added to history when not blank); `""` with `interrupted` set after
    /// Ctrl-C; `nil` after Ctrl-D on an empty line.
    public mutating func readLine(prompt: String) -> String? {
        interrupted = false
        switch ReadlineState.read(prompt: prompt) {
        case .line(let line):
            if line.contains(where: { !$0.isWhitespace }) { add_history(line) }
            return line
        case .interrupted:
            interrupted = true
            return ""
        case .end:
            return nil
        }
    }

    /// Writes the history file, keeping the newest `historyLimit` entries; failures are ignored
    /// because a read-only home must not stop the REPL from exiting cleanly.
    ///
    /// readline writes the file itself, not through `OutputFile`: it too writes a temporary file
    /// and renames it, following a symbolic link to its target (`Tests/tmux/repl.sh` checks that
    /// a linked history file stays a link).
    public func saveHistory() {
        _ = write_history(historyPath)
        _ = history_truncate_file(historyPath, Self.historyLimit)
    }
}

/// What one read through readline's callback interface ended with.
enum ReadlineOutcome: Equatable {
    case line(String)
    case interrupted
    case end
}

/// readline's callback state: C callbacks cannot capture, so they reach the REPL through these
/// statics. Only the thread running the REPL touches them.
enum ReadlineState {
    nonisolated(unsafe) static var complete: (String, Int) -> [String] = { _, _ in [] }
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var matchIndex = 0
    nonisolated(unsafe) static var line: String?
    nonisolated(unsafe) static var finished = false
    /// Set by the SIGINT handler; only an atomic-sized store happens in signal context.
    nonisolated(unsafe) static var caughtInterrupt: sig_atomic_t = 0

    /// Makes SIGINT set a flag instead of ending the process.
    static func installInterruptHandler() {
        _ = signal(SIGINT) { _ in ReadlineState.caughtInterrupt = 1 }
        // A parent may have started us with SIGINT blocked (the mask is inherited): unblock it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        _ = pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    // MARK: - Reading

    /// Reads one line, feeding readline a byte at a time as standard input becomes readable.
    static func read(prompt: String) -> ReadlineOutcome {
        line = nil
        finished = false
        caughtInterrupt = 0
        rl_callback_handler_install(prompt) { raw in
            ReadlineState.finished = true
            ReadlineState.line = raw.map { String(cString: $0) }
            free(raw)
            rl_callback_handler_remove()  // so readline does not print the prompt again
        }
        while !finished {
            if caughtInterrupt != 0 { return abandonLine() }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if ready > 0, caughtInterrupt == 0 {
                rl_callback_read_char()
            } else if ready < 0, errno != EINTR {
                rl_callback_handler_remove()
                return .end
            }
        }
        return line.map(ReadlineOutcome.line) ?? .end
    }

    /// Drops the half-typed line after Ctrl-C and restores the terminal, leaving the cursor on
    /// a fresh line for the next prompt.
    ///
    /// `^C` goes out first: restoring the terminal ends bracketed-paste mode with a carriage
    /// return, which would put `^C` over the prompt. The SIGINT never reached readline
    /// (`rl_catch_signals = 0`), so there is no signal state to clean; calling
    /// `rl_callback_sigcleanup` here left readline ignoring the next Ctrl-D.
    static func abandonLine() -> ReadlineOutcome {
        caughtInterrupt = 0
        rl_point = rl_end
        rl_redisplay()
        FileHandle.standardOutput.write(Data("^C\n".utf8))
        rl_replace_line("", 0)
        rl_callback_handler_remove()
        return .interrupted
    }

    // MARK: - Completion

    /// readline's completion hook: asks the session once, then hands the matches out one by one.
    static func attemptCompletion(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // no file-name completion when nothing matches
        let word = text.map { String(cString: $0) } ?? ""
        let buffer = rl_line_buffer.map { String(cString: $0) } ?? ""
        matches = candidates(for: word, from: complete(buffer, Int(rl_point)))
        return rl_completion_matches(text) { _, state in
            if state == 0 { ReadlineState.matchIndex = 0 }
            guard ReadlineState.matchIndex < ReadlineState.matches.count else { return nil }
            defer { ReadlineState.matchIndex += 1 }
            return strdup(ReadlineState.matches[ReadlineState.matchIndex])  // readline frees it
        }
    }

    /// The session's candidates as replacements for readline's `word`: a candidate for the part
    /// after the last `.` (`price` for `BTC.pr`) keeps the text before it.
    static func candidates(for word: String, from suggestions: [String]) -> [String] {
        let head = word.lastIndex(of: ".").map { String(word[...$0]) } ?? ""
        var seen = Set<String>()
        return suggestions.compactMap { suggestion -> String? in
            if suggestion.hasPrefix(word) { return suggestion }
            let joined = head + suggestion
            return !head.isEmpty && joined.hasPrefix(word) ? joined : nil
        }.filter { seen.insert($0).inserted }
    }
}
