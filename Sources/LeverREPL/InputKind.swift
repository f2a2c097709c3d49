import LeverSyntax

/// What a chunk of REPL input is: a colon command, a declaration for the policy, or an expression.
///
/// Decided by the first word only, so that a half-typed declaration is still recognised and
/// multi-line input can continue until the parser stops reporting "unexpected end" (L0104).
enum InputKind: Equatable {
    case command
    case declaration
    case expression
    case empty

    /// Words that start a declaration.
    static let declarationWords: Set<String> = [
        "param", "input", "class", "asset", "venue", "chain", "bridge", "margin", "oracle", "arithmetic", "reputation", "table", "tiers",
        "curve", "scenario", "assert", "measure", "override", "guard", "flag", "remedy",
    ]

    init(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { self = .empty; return }
        if trimmed.hasPrefix(":") { self = .command; return }
        let word = String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        // `asset`, `class` and `venue` are also position fields: `asset == BTC` is an expression.
        let next = trimmed.dropFirst(word.count).first { !$0.isWhitespace }
        let startsDeclaration = next.map { $0.isLetter || $0 == "_" || $0 == "{" || $0 == "\"" } ?? true
        self = Self.declarationWords.contains(word) && startsDeclaration ? .declaration : .expression
    }

    /// The parser's diagnostics for `text` read as this kind (commands and empty input: none).
    func parseDiagnostics(_ text: String) -> [Diagnostic] {
        let file = SourceFile(id: 0, path: "<input>", text: text)
        switch self {
        case .declaration: return Parser.parse(file).diagnostics
        case .expression: return Parser.parseExpression(file).1
        case .command, .empty: return []
        }
    }
}

extension ReplSession {
    /// Whether `text` stops with brackets or a block still open: the parser reports its
    /// "unexpected end of input" code (L0104) and nothing else decides it.
    public static func needsMoreInput(_ text: String) -> Bool {
        let kind = InputKind(text)
        return kind.parseDiagnostics(text).contains { $0.code == Diagnostic.unexpectedEndCode }
    }
}
