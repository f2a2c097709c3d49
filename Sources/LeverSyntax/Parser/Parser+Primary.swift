extension Parser {
    /// primary = number | STRING | "true" | "false" | IDENT [ call ] | "asset" | "class" | "venue" | "(" expr ")" ;
    mutating func parsePrimary() -> Expr {
        let start = current.span
        switch current.kind {
        case .number:
            return parseNumber()
        case .string:
            return node(.string(Self.unquote(advance().text)), from: start)
        case .keyword(.true), .keyword(.false):
            return node(.bool(advance().kind == .keyword(.true)), from: start)
        case .identifier:
            let name = advance()
            if at(.leftParen), !current.newlineBefore {
                let (args, filter) = parseCall()
                return node(.call(Name(name.text, span: name.span), args, filter: filter), from: start)
            }
            return node(.name(name.text), from: start)
        case .keyword(.asset), .keyword(.class), .keyword(.venue):
            // The position's asset, class and venue: keywords as declarations, names in expressions.
            return node(.name(advance().text), from: start)
        case .leftParen:
            let open = advance()
            let inner = parseExpr()
            if eat(.rightParen) == nil { report(.unclosed(.rightParen, opener: open, found: current)) }
            return node(.paren(inner), from: start)
        default:
            report(.expectedExpression(found: current))
            return missing()
        }
    }

    /// call = "(" [ argument { "," argument } ] [ "where" expr ] ")" ;
    mutating func parseCall() -> ([Argument], Expr?) {
        let open = advance()
        var args: [Argument] = []
        var filter: Expr?
        while !at(.rightParen), !at(.endOfFile), !at(.keyword(.where)) {
            let before = index
            args.append(parseArgument())
            if eat(.comma) == nil || index == before { break }
        }
        if eat(.keyword(.where)) != nil { filter = parseExpr() }
        if eat(.rightParen) == nil { report(.unclosed(.rightParen, opener: open, found: current)) }
        return (args, filter)
    }

    /// argument = [ IDENT ":" ] expr ;
    mutating func parseArgument() -> Argument {
        var label: Name?
        if at(.identifier), peek().kind == .colon {
            let token = advance()
            advance()
            label = Name(token.text, span: token.span)
        }
        return Argument(label: label, value: parseExpr())
    }

    /// number = NUMBER [ magnitude ] [ unit ] ;
    mutating func parseNumber() -> Expr {
        let start = current.span
        let digits = advance().text
        var value = Double(String(digits.filter { $0 != "_" })) ?? .nan
        let magnitude = parseMagnitude()
        if let magnitude, let factor = NumberLiteral.magnitudes[magnitude] { value *= factor }
        let unit = parseUnit()
        // `1e400` would silently be +∞: a literal must be a number a policy can mean.
        if value.isInfinite { report(.numberTooLarge(digits + (magnitude ?? ""), at: span(from: start))) }
        return node(.number(NumberLiteral(digits: digits, magnitude: magnitude, unit: unit, value: value)), from: start)
    }

    /// magnitude = "k" | "M" | "B" ;
    mutating func parseMagnitude() -> String? {
        guard at(.identifier), !current.spaceBefore, NumberLiteral.magnitudes[current.text] != nil else { return nil }
        return advance().text
    }

    /// unit = "%" | "bps" | "USD" | "days" | "day" | "d" | "hours" | "hour" | "h" | "years" | "year" | "y" | "seconds" | "s" ;
    mutating func parseUnit() -> Name? {
        if at(.percent), !current.newlineBefore {
            let token = advance()
            return Name("%", span: token.span)
        }
        guard at(.identifier), !current.newlineBefore else { return nil }
        if NumberLiteral.unitWords.contains(current.text) {
            let token = advance()
            return Name(token.text, span: token.span)
        }
        if !current.spaceBefore {
            let token = advance()
            let suggestion = suggestions.closest(to: token.text, in: NumberLiteral.unitWords + Array(NumberLiteral.magnitudes.keys))
            report(.unknownUnit(token.text, at: token.span, suggestion: suggestion))
        }
        return nil
    }
}

extension NumberLiteral {
    /// Every unit word the parser accepts after a number (the checker gives each its dimension).
    public static let unitWords = ["%", "bps", "USD", "days", "day", "d", "hours", "hour", "h",
                                   "years", "year", "y", "seconds", "s"]
}
