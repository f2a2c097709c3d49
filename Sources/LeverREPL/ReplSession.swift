import Foundation

/// An interactive session over a policy, a market and a book: request in, response out.
///
/// The session is the whole REPL except the terminal: readline (or a script) feeds it text and
/// prints what it returns, so every behaviour is testable by calling `handle`. It keeps the
/// policy text plus the declarations typed so far and re-checks the whole on every change, so
/// typed declarations obey exactly the rules of a policy file.
public final class ReplSession {
    /// Whether any command has failed so far (a scripted session then exits 1).
    public var failed = false
    /// Where the next input comes from: typed (`<input>`), or a line of a script, so that its
    /// diagnostics point at `script.lvr:12:5` rather than `<input>:1:5`.
    public var origin = InputOrigin.typed
    /// Whether diagnostics and reports are rendered with ANSI colours.
    public let color: Bool

    /// The policy file, if one is loaded; declarations are checked relative to it.
    var policyPath: String?
    /// The policy file's text as last read (for `:reload`).
    var policyText = ""
    /// Declarations typed in this session, appended to the policy text in order.
    var declarations: [String] = []
    /// The checked and compiled policy text plus declarations.
    var policy: LoadedPolicy
    /// The market as loaded, the market after `:set`/`:shock`, and the book.
    var baseMarket: MarketSnapshot?
    var market: MarketSnapshot?
    var book: Book?
    var inputSources = SourceMap()
    /// The account expressions and `:explain EXPR` run for (`:account ID`); nil: the whole book.
    var focus: String?

    /// How large the policy, book and market files read in the session may be.
    let policyLimits: PolicyLimits
    let inputLimits: InputLimits

    /// Starts a session, loading the policy at `policyPath` when given; files are read within the limits.
    public init(policyPath: String?, color: Bool = false, policyLimits: PolicyLimits = .standard,
                inputLimits: InputLimits = .standard) {
        self.color = color
        self.policyLimits = policyLimits
        self.inputLimits = inputLimits
        self.policy = Lever.loadPolicy(source: "", path: "<repl>")
        if let policyPath { startupResponse = record(load(policyPath)) }
    }

    /// What loading the policy given to `init` answered (`loaded …` or its diagnostics), for the
    /// shell to print first; nil when no policy was given.
    public private(set) var startupResponse: ReplResponse?

    /// Answers one request.
    public func handle(_ request: ReplRequest) -> ReplResponse {
        switch request {
        case .complete(let text, let cursor): return .completions(completions(text, cursor: cursor))
        case .input(let text): return record(input(text))
        }
    }

    /// Notes failures (`failed`) as responses pass through.
    private func record(_ response: ReplResponse) -> ReplResponse {
        if case .diagnostics = response { failed = true }
        return response
    }

    private func input(_ text: String) -> ReplResponse {
        let kind = InputKind(text)
        if kind != .command, Self.needsMoreInput(text) { return .incompleteInput }
        switch kind {
        case .empty: return .output("")
        case .command:
            switch ReplCommandParser.parse(text) {
            case .success(let command): return run(command)
            case .failure(let error): return .diagnostics("error: \(error.message)\n")
            }
        case .declaration: return declare(text)
        case .expression: return evaluate(text)
        }
    }

    /// Runs one parsed command.
    func run(_ command: ReplCommand) -> ReplResponse {
        switch command {
        case .load(let path): return load(path)
        case .reload: return reload()
        case .market(let path): return loadMarket(path)
        case .book(let path): return loadBook(path)
        case .type(let text): return type(text)
        case .explain(let target): return explain(target)
        case .account(let id): return setFocus(id)
        case .eval(let account): return eval(account)
        case .remedy(let account): return remedy(account)
        case .set(let asset, let field, let value): return set(asset, field, value)
        case .shock(let name): return shock(name)
        case .reset: return reset()
        case .plot(let text): return plot(text)
        case .help: return .output(ReplCommandParser.help + "\n")
        case .quit: return .quit
        }
    }

    /// Diagnostics rendered like `lever check` does.
    func render(_ diagnostics: [Diagnostic], _ sources: SourceMap) -> String {
        let (moved, map) = origin.place(diagnostics, sources)
        return DiagnosticRenderer(style: color ? .human(color: true) : .plain).render(moved, sources: map)
    }

    /// A one-line error of the session itself (no source location to point at).
    func error(_ message: String) -> ReplResponse {
        .diagnostics("error: \(message)\n")
    }

    /// The prompt for a fresh input.
    public var prompt: String { focus.map { "lever[\($0)]> " } ?? "lever> " }
    /// The prompt while an input continues over several lines.
    public var continuationPrompt: String { "  | " }
}
