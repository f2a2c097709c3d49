/// Recursive-descent parser with error recovery. (stub: being written)
public struct Parser {
    public static func parse(_ source: SourceFile) -> ParsedFile {
        let lexed = Lexer.lex(source)
        return ParsedFile(source: source, policy: Policy(file: source.id, header: nil, imports: [], declarations: []),
                          comments: lexed.comments, diagnostics: lexed.diagnostics)
    }
}
