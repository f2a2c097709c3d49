/// A hand-written recursive-descent parser that recovers from errors.
///
/// Each `parseX` function implements one production of `Grammar/lever.ebnf`; its first `///`
/// line is that production, character for character (checked by `GrammarTests`). `expect` never
/// aborts: it records a diagnostic and the caller carries on with a missing node, and after an
/// error the parser skips to the next property or declaration, so one run reports every
/// independent error. Nesting deeper than `maxDepth` is reported once and skipped, so deeply
/// nested input cannot overflow the stack.
public struct Parser {
    /// How deep expressions and blocks may nest.
    public static let maxDepth = 200

    var tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic]
    var nextID = 0
    var depth = 0
    /// Set after an error; cleared at the next synchronisation point, so one mistake gives
    /// one diagnostic rather than a cascade.
    var suppressing = false
    /// The work left for "did you mean" searches (unknown unit words) in this file.
    var suggestions = SuggestionBudget()
    let file: SourceFile
    let limits: PolicyLimits
    /// Declarations the files parsed before this one already hold (they count towards
    /// `limits.maxDeclarations` together).
    var declarationsBefore = 0

    init(file: SourceFile, tokens: [Token], diagnostics: [Diagnostic], limits: PolicyLimits = .standard) {
        self.file = file
        self.tokens = tokens
        self.diagnostics = diagnostics
        self.limits = limits
    }

    /// Parses one file. Never fails: the returned tree is always complete. Past the limits
    /// (`PolicyLimits`) the file is an error, and past the number of declarations parsing stops.
    /// `declarationsBefore` counts those of the files of the same policy parsed before.
    public static func parse(_ source: SourceFile, limits: PolicyLimits = .standard,
                             declarationsBefore: Int = 0) -> ParsedFile {
        let lexed = Lexer.lex(source, limits: limits)
        let meaningful = lexed.tokens.filter { $0.kind != .invalid }
        var parser = Parser(file: source, tokens: meaningful, diagnostics: lexed.diagnostics, limits: limits)
        parser.declarationsBefore = declarationsBefore
        let policy = parser.parsePolicy()
        return ParsedFile(source: source, policy: policy, comments: lexed.comments,
                          diagnostics: parser.diagnostics)
    }

    /// Parses a single expression (for the REPL and tests); trailing tokens are an error.
    public static func parseExpression(_ source: SourceFile) -> (Expr, [Diagnostic]) {
        let lexed = Lexer.lex(source)
        var parser = Parser(file: source, tokens: lexed.tokens.filter { $0.kind != .invalid },
                            diagnostics: lexed.diagnostics)
        let expr = parser.parseExpr()
        if !parser.at(.endOfFile) { parser.report(.unexpected(parser.current, expected: "end of expression")) }
        return (expr, parser.diagnostics)
    }

    // MARK: - Token machinery

    var current: Token { tokens[index] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    func at(word: String) -> Bool { current.is(word) }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func eat(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    mutating func eat(word: String) -> Token? {
        at(word: word) ? advance() : nil
    }

    /// Consumes a token of `kind`, or reports what was expected and returns nil without
    /// consuming anything.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ context: String) -> Token? {
        if let token = eat(kind) { return token }
        report(.expected(kind.display, context, found: current))
        return nil
    }

    /// Consumes an identifier or reports; returns a placeholder name on failure.
    mutating func expectName(_ context: String) -> Name {
        if let token = eat(.identifier) { return Name(token.text, span: token.span) }
        report(.expected("a name", context, found: current))
        return Name("", span: emptySpan())
    }

    /// An empty span at the current token, where a missing node would have been.
    func emptySpan() -> Span {
        let previousEnd = index > 0 ? tokens[index - 1].span.end : 0
        return Span(file: file.id, start: previousEnd, end: previousEnd)
    }

    /// The span from `start` to the end of the last consumed token.
    func span(from start: Span) -> Span {
        let end = index > 0 ? tokens[index - 1].span.end : start.end
        return Span(file: file.id, start: start.start, end: max(start.end, end))
    }

    mutating func makeID() -> NodeID {
        nextID += 1
        return NodeID(nextID)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        guard !suppressing else { return }
        diagnostics.append(diagnostic)
        suppressing = true
    }
}
