extension Parser {
    /// policy = [ header ] { import } { declaration } ;
    mutating func parsePolicy() -> Policy {
        var header: Header?
        var imports: [Import] = []
        var declarations: [Declaration] = []
        while !at(.endOfFile) {
            let before = index
            if at(.keyword(.policy)) {
                let parsed = parseHeader()
                if header != nil || !imports.isEmpty || !declarations.isEmpty {
                    report(.misplaced("the `policy` header", at: parsed.span))
                } else {
                    header = parsed
                }
            } else if at(.keyword(.import)) {
                let parsed = parseImport()
                if !declarations.isEmpty { report(.misplaced("`import`", at: parsed.span)) }
                imports.append(parsed)
            } else if declarationsBefore + declarations.count >= limits.maxDeclarations {
                // Not `report`: this must be said even right after another error.
                diagnostics.append(.tooManyDeclarations(limits.maxDeclarations, at: current.span))
                break
            } else if let declaration = parseDeclaration() {
                declarations.append(declaration)
            }
            if suppressing || index == before { synchronizeDeclaration() }
        }
        return Policy(file: file.id, header: header, imports: imports, declarations: declarations)
    }

    /// header = "policy" STRING [ "version" STRING ] ;
    mutating func parseHeader() -> Header {
        let start = advance().span
        let name = expectString("after `policy`")
        var version: String?
        if eat(word: "version") != nil { version = expectString("after `version`") }
        return Header(span: span(from: start), name: name, version: version)
    }

    /// import = "import" STRING ;
    mutating func parseImport() -> Import {
        let start = advance().span
        let path = expectString("after `import`")
        return Import(span: span(from: start), path: path)
    }

    mutating func expectString(_ context: String) -> String {
        guard let token = expect(.string, context) else { return "" }
        return Self.unquote(token.text)
    }

    /// The value of a string literal: quotes removed, `\"` `\\` `\n` `\t` decoded.
    static func unquote(_ text: String) -> String {
        var result = ""
        var escaping = false
        for ch in text.dropFirst().dropLast() {
            if escaping {
                switch ch {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(ch)
                }
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                result.append(ch)
            }
        }
        return result
    }

    /// declaration = [ "override" ] ( param | input | class | asset | venue | chain | settings | table | curve | scenario | assertion | measure | flag | guard | remedy ) ;
    mutating func parseDeclaration() -> Declaration? {
        let start = current.span
        let isOverride = eat(.keyword(.override)) != nil
        guard let kind = parseDeclarationKind() else { return nil }
        return Declaration(id: makeID(), span: span(from: start), isOverride: isOverride, kind: kind)
    }

    mutating func parseDeclarationKind() -> DeclKind? {
        guard case .keyword(let keyword) = current.kind else {
            report(.expectedDeclaration(found: current))
            return nil
        }
        switch keyword {
        case .param: return parseParam()
        case .input: return parseInput()
        case .class: return parseClass()
        case .asset: return parseAsset()
        case .venue: return parseVenue()
        case .margin, .oracle, .arithmetic, .reputation, .bridge: return parseSettings()
        case .chain: return parseChain()
        case .tiers, .table: return .table(parseTable())
        case .curve: return .curve(parseCurve())
        case .scenario: return parseScenario()
        case .assert: return .assertion(parseAssertion())
        case .measure: return parseMeasure()
        case .guard: return .guardrail(parseGuard())
        case .flag: return .flag(parseFlag())
        case .remedy: return .remedy(parseRemedy())
        default:
            report(.expectedDeclaration(found: current))
            return nil
        }
    }

    /// param = "param" IDENT "=" expr ;
    mutating func parseParam() -> DeclKind {
        advance()
        let name = expectName("after `param`")
        expect(.equal, "after the parameter name")
        return .param(name, parseExpr())
    }

    /// input = "input" path "in" interval ;
    mutating func parseInput() -> DeclKind {
        advance()
        // `input asset.adv_30d in […]` declares a market input: `asset` is a keyword elsewhere.
        if at(.keyword(.asset)), peek().kind == .dot, peek(2).kind == .identifier {
            let word = advance()
            advance()
            let part = advance()
            expect(.keyword(.in), "after the input name")
            return .input(Name("asset." + part.text, span: word.span.to(part.span)), parseInterval())
        }
        let name = parsePath("after `input`")
        expect(.keyword(.in), "after the input name")
        return .input(name, parseInterval())
    }

    /// path = IDENT { "." IDENT } ;
    mutating func parsePath(_ context: String) -> Name {
        var name = expectName(context)
        while at(.dot), peek().kind == .identifier {
            advance()
            let part = advance()
            name = Name(name.text + "." + part.text, span: name.span.to(part.span))
        }
        return name
    }

    /// class = "class" IDENT [ ":" IDENT ] [ block ] ;
    mutating func parseClass() -> DeclKind {
        advance()
        let name = expectName("after `class`")
        var parent: Name?
        if eat(.colon) != nil { parent = expectName("after `:` (the parent class)") }
        return .classDecl(name, parent: parent, body: parseOptionalBlock())
    }

    /// asset = "asset" IDENT ":" IDENT [ block ] ;
    mutating func parseAsset() -> DeclKind {
        advance()
        let name = expectName("after `asset`")
        expect(.colon, "after the asset name (every asset belongs to a class: `asset BTC : major`)")
        let cls = expectName("after `:` (the asset's class)")
        return .asset(name, cls: cls, body: parseOptionalBlock())
    }

    /// venue = "venue" IDENT [ block ] ;
    /// chain = "chain" IDENT [ block ] ;
    mutating func parseChain() -> DeclKind {
        advance()
        let name = expectName("after `chain`")
        return .chain(name, body: parseOptionalBlock())
    }

    mutating func parseVenue() -> DeclKind {
        advance()
        let name = expectName("after `venue`")
        return .venue(name, body: parseOptionalBlock())
    }

    /// settings = ( "margin" | "oracle" | "arithmetic" | "reputation" | "bridge" ) block ;
    mutating func parseSettings() -> DeclKind {
        guard case .keyword(let keyword) = advance().kind else { preconditionFailure("called at a settings keyword") }
        return .settings(keyword, body: parseBlock())
    }

    mutating func parseOptionalBlock() -> [Property] {
        at(.leftBrace) && !current.newlineBefore ? parseBlock() : []
    }

    /// block = "{" { property [ ";" ] } "}" ;
    mutating func parseBlock() -> [Property] {
        guard let open = expect(.leftBrace, "to start the block") else { return [] }
        var items: [Property] = []
        while !at(.rightBrace), !at(.endOfFile), !(atDeclarationStart && current.newlineBefore) {
            let before = index
            if let item = parseProperty() { items.append(item) }
            if !suppressing, eat(.semicolon) == nil, !at(.rightBrace), !current.newlineBefore {
                report(.missingSeparator(found: current))
            }
            if suppressing || index == before { synchronizeItem() }
        }
        if eat(.rightBrace) == nil { report(.unclosed(.rightBrace, opener: open, found: current)) }
        return items
    }

    /// property = IDENT ( "=" | "+=" | "-=" | "*=" | "when" ) expr ;
    mutating func parseProperty() -> Property? {
        let start = current.span
        guard let nameToken = expect(.identifier, "at the start of a property (`name = value`)") else { return nil }
        let op: Property.Op
        switch current.kind {
        case .equal: op = .set
        case .plusEqual: op = .add
        case .minusEqual: op = .subtract
        case .starEqual: op = .multiply
        case .identifier where at(word: "when"): op = .when
        default:
            report(.expected("`=`, `+=`, `-=`, `*=` or `when`", "after `\(nameToken.text)`", found: current))
            return nil
        }
        advance()
        let value = parseExpr()
        return Property(id: makeID(), span: span(from: start), name: Name(nameToken.text, span: nameToken.span),
                        op: op, value: value)
    }

    /// scenario = "scenario" IDENT "{" { shock [ "," | ";" ] } "}" ;
    mutating func parseScenario() -> DeclKind {
        advance()
        let name = expectName("after `scenario`")
        guard let open = expect(.leftBrace, "after the scenario name") else { return .scenario(name, []) }
        var shocks: [Shock] = []
        while !at(.rightBrace), !at(.endOfFile), !(atDeclarationStart && current.newlineBefore) {
            let before = index
            shocks.append(parseShock())
            if eat(.comma) == nil { _ = eat(.semicolon) }
            if suppressing || index == before { synchronizeItem() }
        }
        if eat(.rightBrace) == nil { report(.unclosed(.rightBrace, opener: open, found: current)) }
        return .scenario(name, shocks)
    }

    /// shock = path ":" ( expr | "[" expr { "," expr } "]" ) ;
    mutating func parseShock() -> Shock {
        let start = current.span
        let target = parsePath("at the start of a shock (`class: -30%`)")
        expect(.colon, "after the shocked name")
        guard let open = eat(.leftBracket) else { return Shock(span: span(from: start), target: target, value: parseExpr()) }
        // A grid: each value is one scenario of the grid.
        var values: [Expr] = []
        while !at(.rightBracket), !at(.endOfFile) {
            let before = index
            values.append(parseExpr())
            if eat(.comma) == nil || index == before { break }
        }
        if eat(.rightBracket) == nil { report(.unclosed(.rightBracket, opener: open, found: current)) }
        let first = values.first ?? missing()
        return Shock(span: span(from: start), target: target, value: first, grid: values)
    }

    /// assertion = "assert" [ "every" IDENT ":" ] expr [ "else" IDENT ] ;
    mutating func parseAssertion() -> Assertion {
        advance()
        var quantifier: Name?
        if at(word: "every"), Self.isWord(peek()), peek(2).kind == .colon {
            advance()
            let token = advance()
            quantifier = Name(token.text, span: token.span)
            advance()
        }
        let condition = parseExpr()
        var consequence: Name?
        if eat(.keyword(.else)) != nil {
            // `else margin_call`: what a breach means for the account's status.
            consequence = expectName("after `else` in an assertion (the status a breach gives: `margin_call` or `liquidatable`)")
        }
        return Assertion(quantifier: quantifier, condition: condition, consequence: consequence)
    }

    /// An identifier or a keyword: `every asset:` ranges over a keyword's name.
    static func isWord(_ token: Token) -> Bool {
        if case .keyword = token.kind { return true }
        return token.kind == .identifier
    }

    /// flag = "flag" STRING "when" expr ;
    mutating func parseFlag() -> FlagDecl {
        advance()
        let token = current
        let text = expectString("after `flag` (the flag's text, e.g. `\"stale_price:{asset}\"`)")
        if eat(word: "when") == nil { report(.expected("`when`", "after the flag's text", found: current)) }
        return FlagDecl(text: Name(text, span: token.span), condition: parseExpr())
    }

    /// remedy = "remedy" ( ( "top_up" | "reduce" ) "in" IDENT { "," IDENT } | "repay" | "hedge" [ "with" "perps" ] "within" expr [ "delta" ] ) ;
    mutating func parseRemedy() -> RemedyDecl {
        advance()
        let token = current
        let kind = expectName("after `remedy` (`top_up in ASSET, …`, `repay`, `reduce in ASSET` or `hedge within 5%`)")
        guard RemedyDecl.kinds.contains(kind.text) else {
            report(.expected("`top_up`, `repay`, `reduce` or `hedge`", "after `remedy`", found: token))
            return RemedyDecl(kind: kind, assets: [])
        }
        guard kind.text != "repay" else { return RemedyDecl(kind: kind, assets: []) }
        if kind.text == "hedge" {
            // `with perps` and a trailing `delta` read aloud; perpetuals are the one hedge there is.
            if eat(word: "with") != nil, eat(word: "perps") == nil {
                report(.expected("`perps`", "after `remedy hedge with`", found: current))
            }
            if eat(word: "within") == nil {
                report(.expected("`within`", "after `remedy hedge` (the delta band, e.g. `within 5% delta`)", found: current))
                return RemedyDecl(kind: kind, assets: [], band: nil)
            }
            let band = parseExpr()
            _ = eat(word: "delta")
            return RemedyDecl(kind: kind, assets: [], band: band)
        }
        expect(.keyword(.in), kind.text == "top_up"
            ? "after `remedy top_up` (the assets a top-up may be in, e.g. `in USDC, USDT`)"
            : "after `remedy reduce` (the asset realised profit or loss is settled in, e.g. `in USDC`)")
        var assets = [expectName("after `in`")]
        while eat(.comma) != nil { assets.append(expectName("after `,`")) }
        return RemedyDecl(kind: kind, assets: assets)
    }

    /// measure = "measure" IDENT [ "per" ( "position" | "account" ) ] "=" expr ;
    mutating func parseMeasure() -> DeclKind {
        advance()
        let name = expectName("after `measure`")
        var level = MeasureLevel.account
        if eat(word: "per") != nil {
            if eat(word: "position") != nil {
                level = .position
            } else if eat(word: "account") == nil {
                report(.expected("`position` or `account`", "after `per`", found: current))
            }
        }
        expect(.equal, "after the measure name")
        return .measure(name, level: level, parseExpr())
    }
}
