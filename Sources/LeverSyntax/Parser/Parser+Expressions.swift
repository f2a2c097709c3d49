extension Parser {
    mutating func node(_ kind: ExprKind, from start: Span) -> Expr {
        Expr(id: makeID(), span: span(from: start), kind: kind)
    }

    mutating func missing() -> Expr {
        Expr(id: makeID(), span: emptySpan(), kind: .missing)
    }

    /// expr = conditional ;
    mutating func parseExpr() -> Expr {
        nested { $0.parseConditional() }
    }

    /// conditional = "if" expr "then" expr "else" expr | disjunction ;
    mutating func parseConditional() -> Expr {
        guard at(.keyword(.if)) else { return parseDisjunction() }
        let start = advance().span
        let condition = parseExpr()
        expect(.keyword(.then), "after the condition of `if`")
        let then = parseExpr()
        expect(.keyword(.else), "after the `then` branch (`if` needs an `else`)")
        let otherwise = parseExpr()
        return node(.conditional(condition, then: then, else: otherwise), from: start)
    }

    /// disjunction = conjunction { "or" conjunction } ;
    mutating func parseDisjunction() -> Expr {
        let start = current.span
        var lhs = parseConjunction()
        while eat(.keyword(.or)) != nil {
            lhs = node(.binary(.or, lhs, parseConjunction()), from: start)
        }
        return lhs
    }

    /// conjunction = negation { "and" negation } ;
    mutating func parseConjunction() -> Expr {
        let start = current.span
        var lhs = parseNegation()
        while eat(.keyword(.and)) != nil {
            lhs = node(.binary(.and, lhs, parseNegation()), from: start)
        }
        return lhs
    }

    /// negation = "not" negation | comparison ;
    mutating func parseNegation() -> Expr {
        guard at(.keyword(.not)) else { return parseComparison() }
        let start = advance().span
        return nested { p in p.node(.unary(.not, p.parseNegation()), from: start) }
    }

    /// comparison = additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) additive | "in" interval ] ;
    mutating func parseComparison() -> Expr {
        let start = current.span
        let lhs = parseAdditive()
        var result = lhs
        if let op = Self.comparisonOperator(current.kind) {
            advance()
            result = node(.binary(op, lhs, parseAdditive()), from: start)
        } else if eat(.keyword(.in)) != nil {
            result = node(.inRange(lhs, parseInterval()), from: start)
        } else {
            return lhs
        }
        if Self.comparisonOperator(current.kind) != nil || at(.keyword(.in)) {
            report(.chainedComparison(at: current.span))
        }
        return result
    }

    static func comparisonOperator(_ kind: TokenKind) -> BinaryOp? {
        switch kind {
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    /// additive = scaled { ( "+" | "-" ) scaled } ;
    mutating func parseAdditive() -> Expr {
        let start = current.span
        var lhs = parseScaled()
        while at(.plus) || at(.minus) {
            let op: BinaryOp = advance().kind == .plus ? .add : .subtract
            lhs = node(.binary(op, lhs, parseScaled()), from: start)
        }
        return lhs
    }

    /// scaled = multiplicative [ "per" multiplicative "of" multiplicative [ "above" multiplicative ] ] ;
    ///
    /// Binds tighter than `+`, so `base + 1% per 1M USD of notional above 5M USD` adds the
    /// add-on to the base, as it reads aloud.
    mutating func parseScaled() -> Expr {
        let start = current.span
        let amount = parseMultiplicative()
        guard at(word: "per"), !current.newlineBefore else { return amount }
        advance()
        let unit = parseMultiplicative()
        if eat(word: "of") == nil { report(.expected("`of`", "after `per …` (as in `1% per 1M USD of notional`)", found: current)) }
        let base = parseMultiplicative()
        var above: Expr?
        if eat(word: "above") != nil { above = parseMultiplicative() }
        return node(.per(amount: amount, unit: unit, of: base, above: above), from: start)
    }

    /// multiplicative = unary { ( "*" | "/" ) unary } ;
    mutating func parseMultiplicative() -> Expr {
        let start = current.span
        var lhs = parseUnary()
        while at(.star) || at(.slash) {
            let op: BinaryOp = advance().kind == .star ? .multiply : .divide
            lhs = node(.binary(op, lhs, parseUnary()), from: start)
        }
        return lhs
    }

    /// unary = ( "-" | "+" ) unary | power ;
    mutating func parseUnary() -> Expr {
        guard at(.minus) || at(.plus) else { return parsePower() }
        let start = current.span
        let op: UnaryOp = advance().kind == .minus ? .negate : .plus
        return nested { p in p.node(.unary(op, p.parseUnary()), from: start) }
    }

    /// power = postfix [ "^" unary ] ;
    mutating func parsePower() -> Expr {
        let start = current.span
        let base = parsePostfix()
        guard eat(.caret) != nil else { return base }
        return nested { p in p.node(.binary(.power, base, p.parseUnary()), from: start) }
    }

    /// postfix = primary { "." IDENT } ;
    mutating func parsePostfix() -> Expr {
        let start = current.span
        var base = parsePrimary()
        var links = 0
        while at(.dot), chainAllows(&links) {
            advance()
            let member = expectName("after `.`")
            base = node(.member(base, member), from: start)
        }
        return base
    }

    /// Counts one more link of a member chain (`a.b.c` nests to the left, one level per link): a
    /// chain longer than the nesting cap is reported and skipped like deep parentheses. Operator
    /// chains (`a + b + … + z`) are not counted: they nest to the left without limit, and every
    /// walk over the tree follows such a left spine in a loop (`Expr.leftSpine`), not by recursion.
    mutating func chainAllows(_ links: inout Int) -> Bool {
        links += 1
        guard depth + links > Self.maxDepth else { return true }
        report(.tooDeep(at: current.span))
        skipTooDeep()
        return false
    }

    /// Runs `body` one nesting level deeper, or reports and skips when too deep; prefix
    /// operators recurse without passing through `parseExpr`, so they count depth here too.
    mutating func nested(_ body: (inout Parser) -> Expr) -> Expr {
        guard depth < Self.maxDepth else {
            report(.tooDeep(at: current.span))
            skipTooDeep()
            return missing()
        }
        depth += 1
        defer { depth -= 1 }
        return body(&self)
    }
}
