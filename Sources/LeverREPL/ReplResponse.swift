/// What a `ReplSession` answers; the shell prints it without further interpretation.
///
/// Text is already rendered, so the shell holds no formatting logic.
public enum ReplResponse: Sendable, Equatable {
    /// Text to print, already rendered.
    case output(String)
    /// Diagnostics rendered with the same renderer as `lever check`.
    case diagnostics(String)
    /// Brackets or a block are still open: the shell should read more with the continuation prompt.
    case incompleteInput
    /// Completion candidates, prefix-filtered and sorted.
    case completions([String])
    /// The user asked to leave.
    case quit
}
