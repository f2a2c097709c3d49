/// An interactive session over a policy, a market and a book: request in, response out.
///
/// The session is the whole REPL except the terminal: readline (or a script) feeds it text and
/// prints what it returns, so every behaviour is testable by calling `handle`.
public final class ReplSession {
    /// Whether any command has failed so far (a scripted session then exits 1).
    public var failed = false
    /// Whether diagnostics and reports are rendered with ANSI colours.
    public let color: Bool

    /// Starts a session, loading the policy at `policyPath` when given.
    public init(policyPath: String?, color: Bool = false) {
        self.color = color
    }

    /// Answers one request.
    public func handle(_ request: ReplRequest) -> ReplResponse {
        .output("")
    }

    /// Whether `text` stops with brackets or a block still open (parser code L0104).
    public static func needsMoreInput(_ text: String) -> Bool {
        false
    }

    /// The prompt for a fresh input.
    public var prompt: String { "lever> " }
    /// The prompt while an input continues over several lines.
    public var continuationPrompt: String { "  | " }
}
