// MARK: - Parser diagnostics (L011x)

extension Diagnostic {
    /// Code of every "input ended too early" error; the REPL reads it as "keep typing".
    public static let unexpectedEndCode = "L0104"

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "`\(token.text)`"
        case .number: "number `\(token.text)`"
        case .string: "a string"
        case .endOfFile: "end of file"
        default: "`\(token.text)`"
        }
    }

    static func expected(_ what: String, _ context: String, found: Token) -> Diagnostic {
        let message = "expected \(what) \(context), found \(describe(found))"
        if found.kind == .endOfFile {
            return .error(unexpectedEndCode, "expected \(what) \(context), found end of file",
                          at: found.span, help: "the input ended early: finish the construct")
        }
        return .error("L0110", message, at: found.span, label: "expected \(what)")
    }

    static func unexpected(_ found: Token, expected what: String) -> Diagnostic {
        Diagnostic.expected(what, "here", found: found)
    }

    static func expectedDeclaration(found: Token) -> Diagnostic {
        .error("L0111", "expected a declaration, found \(describe(found))", at: found.span,
               help: "declarations start with param, input, class, asset, venue, chain, margin, oracle, arithmetic, reputation, bridge, tiers, table, curve, scenario, assert, measure, flag, remedy or guard")
    }

    static func expectedExpression(found: Token) -> Diagnostic {
        if found.kind == .endOfFile {
            return .error(unexpectedEndCode, "expected an expression, found end of file", at: found.span,
                          help: "the input ended early: finish the expression")
        }
        return .error("L0112", "expected an expression, found \(describe(found))", at: found.span,
                      label: "expected a value, a name or `(`")
    }

    static func unclosed(_ closer: TokenKind, opener: Token, found: Token) -> Diagnostic {
        let code = found.kind == .endOfFile ? unexpectedEndCode : "L0113"
        return .error(code, "expected `\(closer.spelling)` to close `\(opener.text)`, found \(describe(found))",
                      at: found.span, label: "expected `\(closer.spelling)`",
                      secondary: [Label(opener.span, "opened here")])
    }

    static func unknownUnit(_ word: String, at span: Span, suggestion: String?) -> Diagnostic {
        .error("L0114", "unknown unit `\(word)`", at: span,
               help: suggestion.map { "use `\($0)`" } ?? "units are %, bps, USD, days, hours, years, seconds (or d, h, y, s)",
               fixIts: suggestion.map { [FixIt("use `\($0)`", [Edit(span, $0)])] } ?? [])
    }

    static func tooDeep(at span: Span) -> Diagnostic {
        .error("L0115", "nesting is too deep (more than \(Parser.maxDepth) levels)", at: span,
               help: "split the expression with `param` declarations")
    }

    static func tooManyDeclarations(_ limit: Int, at span: Span) -> Diagnostic {
        .error("L0124", "more than \(ByteCount.grouped(limit)) declarations in one policy (this file and its imports)", at: span,
               label: "reading stops here", help: "split the policy, or generate fewer, larger declarations")
    }

    static func chainedComparison(at span: Span) -> Diagnostic {
        .error("L0116", "comparisons cannot be chained", at: span,
               help: "write `a < b and b < c`, or use `x in [a, b]`")
    }

    static func misplaced(_ what: String, at span: Span) -> Diagnostic {
        .error("L0117", "\(what) must come before any declaration", at: span,
               help: "move it to the top of the file")
    }

    static func unknownHitPolicy(_ token: Token) -> Diagnostic {
        .error("L0118", "unknown hit policy \(describe(token))", at: token.span,
               help: "use `hit unique` (rows must not overlap) or `hit first` (first matching row wins)")
    }

    static func numberTooLarge(_ text: String, at span: Span) -> Diagnostic {
        .error("L0120", "number `\(text)` is too large", at: span,
               help: "numbers must be finite doubles (below about 1.8e308); use a magnitude or unit that fits")
    }

    static func missingSeparator(found: Token) -> Diagnostic {
        .error("L0119", "expected a line break or `;` before \(describe(found))", at: found.span,
               help: "put each property on its own line, or separate them with `;`")
    }
}
