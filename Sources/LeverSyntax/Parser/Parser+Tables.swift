extension Parser {
    /// table = ( "tiers" | "table" IDENT ) "by" expr { "," expr } [ "hit" ( "unique" | "first" ) ] "{" { row } "}" ;
    mutating func parseTable() -> TableDecl {
        let keyword = advance()
        let isTiers = keyword.kind == .keyword(.tiers)
        let name = isTiers ? Name("tier", span: keyword.span) : expectName("after `table`")
        if eat(word: "by") == nil { report(.expected("`by`", "before the table's key (`by account.score`)", found: current)) }
        var keys = [parseExpr()]
        while eat(.comma) != nil { keys.append(parseExpr()) }
        let hit = parseHitPolicy()
        var rows: [TableRow] = []
        guard let open = expect(.leftBrace, "to start the table's rows") else {
            return TableDecl(name: name, isTiers: isTiers, keys: keys, hit: hit, rows: rows)
        }
        while !at(.rightBrace), !at(.endOfFile), !(atDeclarationStart && current.newlineBefore) {
            let before = index
            if let row = parseRow() { rows.append(row) }
            if suppressing || index == before { synchronizeItem() }
        }
        if eat(.rightBrace) == nil { report(.unclosed(.rightBrace, opener: open, found: current)) }
        return TableDecl(name: name, isTiers: isTiers, keys: keys, hit: hit, rows: rows)
    }

    mutating func parseHitPolicy() -> TableDecl.HitPolicy? {
        guard eat(word: "hit") != nil else { return nil }
        if let policy = TableDecl.HitPolicy(rawValue: current.text), current.kind == .identifier {
            advance()
            return policy
        }
        report(.unknownHitPolicy(current))
        if current.kind == .identifier { advance() }
        return nil
    }

    /// row = pattern { "," pattern } "->" IDENT [ block ] [ ";" | "," ] ;
    mutating func parseRow() -> TableRow? {
        let start = current.span
        var patterns = [parsePattern()]
        while eat(.comma) != nil { patterns.append(parsePattern()) }
        guard expect(.arrow, "after the row's condition") != nil else { return nil }
        let label = expectName("after `->` (the row's label, e.g. `Prime`)")
        let body = parseOptionalBlock()
        if eat(.semicolon) == nil { _ = eat(.comma) }
        return TableRow(id: makeID(), span: span(from: start), patterns: patterns, label: label, body: body)
    }

    /// pattern = interval | ( "<" | "<=" | ">" | ">=" ) additive | "else" | unary { "|" unary } ;
    mutating func parsePattern() -> Pattern {
        let start = current.span
        switch current.kind {
        case .leftBracket:
            return .interval(parseInterval())
        case .leftParen:
            return parseParenPattern()
        case .less, .lessEqual, .greater, .greaterEqual:
            let op = Self.comparisonOperator(advance().kind) ?? .less
            let bound = parseAdditive()
            return .comparison(op, bound, span: span(from: start))
        case .keyword(.else):
            advance()
            return .any(span: start)
        default:
            var values = [parseUnary()]
            while eat(.pipe) != nil { values.append(parseUnary()) }
            return .values(values, span: span(from: start))
        }
    }

    /// `(lo, hi]` is an interval, `(x)` a parenthesised value.
    private mutating func parseParenPattern() -> Pattern {
        let start = current.span
        let open = advance()
        let first = parseExpr()
        if eat(.comma) != nil {
            let second = parseExpr()
            let upperClosed = closeInterval(open: open)
            return .interval(Interval(span: span(from: start), lower: first, upper: second,
                                      lowerClosed: false, upperClosed: upperClosed))
        }
        if eat(.rightParen) == nil { report(.unclosed(.rightParen, opener: open, found: current)) }
        let value = node(.paren(first), from: start)
        return .values([value], span: span(from: start))
    }

    /// interval = ( "[" | "(" ) expr "," expr ( "]" | ")" ) ;
    mutating func parseInterval() -> Interval {
        let start = current.span
        let lowerClosed = at(.leftBracket)
        guard at(.leftBracket) || at(.leftParen) else {
            report(.expected("`[` or `(`", "to start a range such as `[0%, 100%]`", found: current))
            let placeholder = missing()
            return Interval(span: start, lower: placeholder, upper: placeholder, lowerClosed: true, upperClosed: true)
        }
        let open = advance()
        let lower = parseExpr()
        expect(.comma, "between the range's bounds")
        let upper = parseExpr()
        let upperClosed = closeInterval(open: open)
        return Interval(span: span(from: start), lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed)
    }

    /// Consumes `]` or `)` and says whether the upper end is closed.
    private mutating func closeInterval(open: Token) -> Bool {
        if eat(.rightBracket) != nil { return true }
        if eat(.rightParen) != nil { return false }
        report(.unclosed(.rightBracket, opener: open, found: current))
        return true
    }

    /// curve = "curve" IDENT "(" IDENT ")" "=" ( points | steps | expr ) ;
    mutating func parseCurve() -> CurveDecl {
        advance()
        let name = expectName("after `curve`")
        expect(.leftParen, "after the curve name (`curve rate(utilization) = …`)")
        let parameter = expectName("as the curve's parameter")
        expect(.rightParen, "after the curve's parameter")
        expect(.equal, "before the curve's definition")
        let body: CurveBody
        if at(word: "points"), peek().kind == .leftBrace {
            body = parsePoints()
        } else if at(word: "steps"), peek().kind == .leftBrace {
            body = parseSteps()
        } else {
            body = .expression(parseExpr())
        }
        return CurveDecl(name: name, parameter: parameter, body: body)
    }

    /// points = "points" "{" point { "," point } [ "," ] "}" ;
    mutating func parsePoints() -> CurveBody {
        let start = current.span
        let points = parsePointList()
        return .points(points, span: span(from: start))
    }

    /// steps = "steps" "{" point { "," point } [ "," ] "}" ;
    mutating func parseSteps() -> CurveBody {
        let start = current.span
        let points = parsePointList()
        return .steps(points, span: span(from: start))
    }

    private mutating func parsePointList() -> [CurvePoint] {
        advance()
        let open = advance()
        var points: [CurvePoint] = []
        while !at(.rightBrace), !at(.endOfFile), !(atDeclarationStart && current.newlineBefore) {
            let before = index
            points.append(parsePoint())
            if eat(.comma) == nil, !at(.rightBrace), !current.newlineBefore {
                report(.expected("`,`", "between points", found: current))
            }
            if suppressing || index == before { synchronizeItem() }
        }
        if eat(.rightBrace) == nil { report(.unclosed(.rightBrace, opener: open, found: current)) }
        return points
    }

    /// point = expr "->" expr ;
    mutating func parsePoint() -> CurvePoint {
        let start = current.span
        let x = parseExpr()
        expect(.arrow, "between a point's x and y (`0% -> 1%`)")
        let y = parseExpr()
        return CurvePoint(span: span(from: start), x: x, y: y)
    }
}
