/// One thing the shell asks of a `ReplSession`.
///
/// The shell (readline or a script) only collects text; every decision about what the text
/// means lives in the session, so it can be tested without a terminal.
public enum ReplRequest: Sendable, Equatable {
    /// A complete line or multi-line chunk typed by the user.
    case input(String)
    /// Completion candidates for `text` with the cursor at UTF-8 offset `cursor`.
    case complete(String, cursor: Int)
}
