extension Parser {
    /// Keywords that can only start a declaration: safe places to resume after an error.
    static let declarationStarts: Set<Keyword> = [
        .policy, .import, .param, .input, .class, .asset, .venue, .margin, .oracle, .arithmetic, .table, .tiers,
        .curve, .scenario, .assert, .measure, .override, .guard, .flag, .remedy, .reputation, .chain, .bridge,
    ]

    /// At a keyword that starts a declaration. `asset`, `class` and `venue` are also names in
    /// expressions, so they count only when shaped like a declaration: a name, then `{`, `:` or
    /// the end of the line (`class major : crypto`, not `class == alt` or `venue per 2%`).
    var atDeclarationStart: Bool {
        guard case .keyword(let k) = current.kind, Self.declarationStarts.contains(k) else { return false }
        guard k == .asset || k == .class || k == .venue else { return true }
        let after = peek(2)
        return peek().kind == .identifier
            && (after.kind == .leftBrace || after.kind == .colon || after.newlineBefore || after.kind == .endOfFile)
    }

    /// Skips to the next token that starts a declaration on a new line (or the end of file),
    /// stepping over balanced brackets.
    mutating func synchronizeDeclaration() {
        while !at(.endOfFile) {
            if atDeclarationStart && current.newlineBefore { break }
            skipTokenOrGroup()
        }
        suppressing = false
    }

    /// Skips the rest of a block item: stops before `}` of the enclosing block, after `;`,
    /// or before a token that starts a new line.
    mutating func synchronizeItem() {
        var first = true
        while !at(.endOfFile), !at(.rightBrace) {
            if !first && current.newlineBefore { break }
            if eat(.semicolon) != nil { break }
            if atDeclarationStart && current.newlineBefore { break }
            skipTokenOrGroup()
            first = false
        }
        suppressing = false
    }

    /// Consumes one token, or a whole bracketed group when at an opening bracket.
    mutating func skipTokenOrGroup() {
        guard let closer = Self.closer(of: current.kind) else {
            advance()
            return
        }
        advance()
        var stack = [closer]
        while !at(.endOfFile), let expected = stack.last {
            if let nested = Self.closer(of: current.kind) {
                stack.append(nested)
            } else if current.kind == expected {
                stack.removeLast()
            } else if [.rightParen, .rightBracket, .rightBrace].contains(current.kind) {
                return // unbalanced: leave the closer to an outer level
            }
            advance()
        }
    }

    /// Skips a construct nested too deeply to parse: everything up to the closer that belongs
    /// to an enclosing level, so the outer levels still find their own closers.
    mutating func skipTooDeep() {
        var balance = 0
        while !at(.endOfFile) {
            switch current.kind {
            case .leftParen, .leftBracket, .leftBrace: balance += 1
            case .rightParen, .rightBracket, .rightBrace:
                if balance == 0 { return }
                balance -= 1
            default:
                if balance == 0 && current.newlineBefore { return }
            }
            advance()
        }
    }

    static func closer(of kind: TokenKind) -> TokenKind? {
        switch kind {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        case .leftBrace: .rightBrace
        default: nil
        }
    }
}
